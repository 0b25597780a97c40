using WaOnboard.Rules;

namespace WaOnboard.Tests.Rules;

/// <summary>The variables of a body counted in place agree with the list of variables the other checks read.</summary>
public class TemplateVariablesTests
{
    private static readonly string[] Pieces = ["{{", "}}", "1", "2", "name", " ", "{", "}", "Hi "];

    [Fact]
    public void CountsInPlaceAgreeWithTheListOfVariablesOnRandomBodies()
    {
        var random = new Random(9);
        for (var run = 0; run < 2000; run++)
        {
            // Up to 200 pieces: bodies of a few variables (counted in place) and of many (counted with a set).
            var body = string.Concat(Enumerable.Range(0, random.Next(200)).Select(_ => Pieces[random.Next(Pieces.Length)]));
            var listed = TemplateVariables.Find(body);

            Assert.Equal(listed.Count, TemplateVariables.Count(body));
            Assert.Equal(listed.Select(v => v.Name).Distinct(StringComparer.Ordinal).Count(), TemplateVariables.Distinct(body));
        }
    }

    [Theory]
    [InlineData("Hi {{1}}, your order {{2}} is ready, {{1}}.", 3, 2)]
    [InlineData("Hi {{ 1 }} and {{1}}", 2, 1)]
    [InlineData("Hi {{1} and {2}}", 1, 1)]
    [InlineData("No variable {{", 0, 0)]
    public void ABodysVariablesAreCountedAndTheirNamesTrimmed(string body, int count, int distinct)
    {
        Assert.Equal(count, TemplateVariables.Count(body));
        Assert.Equal(distinct, TemplateVariables.Distinct(body));
    }
}
