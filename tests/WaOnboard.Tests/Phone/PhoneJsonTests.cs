using WaOnboard.Phone;

namespace WaOnboard.Tests.Phone;

public sealed class PhoneJsonTests
{
    [Fact]
    public void PhoneCommandJsonIsAnArrayOfInputValidE164RegionType()
    {
        var json = PhoneJson.Write([PhoneNumbers.Inspect("+33 6 12 34 56 78"), PhoneNumbers.Inspect("06 12 34 56 78")]);

        Assert.Equal(
            """
            [
              {
                "input": "+33 6 12 34 56 78",
                "valid": true,
                "e164": "+33612345678",
                "region": "FR",
                "type": "mobile"
              },
              {
                "input": "06 12 34 56 78",
                "valid": false,
                "e164": null,
                "region": null,
                "type": "unknown"
              }
            ]
            """,
            json.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void NoNumbersIsAnEmptyArray() => Assert.Equal("[]", PhoneJson.Write([]));
}
