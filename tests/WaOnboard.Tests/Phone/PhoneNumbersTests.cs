using WaOnboard.Phone;

namespace WaOnboard.Tests.Phone;

public sealed class PhoneNumbersTests
{
    [Fact]
    public void FrenchMobileWithSpacesIsMobile()
    {
        var number = PhoneNumbers.Inspect("+33 6 12 34 56 78");

        Assert.True(number.Valid, number.Problem);
        Assert.Equal("+33612345678", number.E164);
        Assert.Equal("FR", number.Region);
        Assert.Equal(PhoneNumberType.Mobile, number.Type);
        Assert.Equal(33, number.CountryCode);
        Assert.True(number.HasCountryCode);
        Assert.Null(number.Problem);
        Assert.Equal("33612345678", number.WaMeDigits);
    }

    [Theory]
    [InlineData("+33 6 12 34 56 78", null)]
    [InlineData("+33.6.12.34.56.78", null)]
    [InlineData("+33-6-12-34-56-78", null)]
    [InlineData("+33 (6) 12 34 56 78", null)]
    [InlineData("(+33) 612 345 678", null)]
    [InlineData("+33 (0)6 12 34 56 78", null)]
    [InlineData("+33612345678", null)]
    [InlineData("0033 6 12 34 56 78", null)]
    [InlineData("0033 6 12 34 56 78", "FR")]
    [InlineData("011 33 6 12 34 56 78", "US")]
    [InlineData("tel:+33-6-12-34-56-78", null)]
    [InlineData("tel:06-12-34-56-78;phone-context=+33", null)]
    [InlineData("06 12 34 56 78", "FR")]
    [InlineData("06.12.34.56.78", "fr")]
    [InlineData("(06) 12-34-56-78", "FR")]
    [InlineData("33 6 12 34 56 78", "FR")]
    [InlineData("  +33 6 12 34 56 78  ", null)]
    [InlineData("\uFF0B\uFF13\uFF13 \uFF16 \uFF11\uFF12 \uFF13\uFF14 \uFF15\uFF16 \uFF17\uFF18", null)]
    public void EveryNotationOfAFrenchMobileGivesTheSameE164(string input, string? region)
    {
        var number = PhoneNumbers.Inspect(input, region);

        Assert.True(number.Valid, number.Problem);
        Assert.Equal("+33612345678", number.E164);
        Assert.Equal(PhoneNumberType.Mobile, number.Type);
    }

    [Fact]
    public void NationalNumberWithoutRegionIsInvalidAndSaysWhy()
    {
        var number = PhoneNumbers.Inspect("06 12 34 56 78");

        Assert.False(number.Valid);
        Assert.Null(number.E164);
        Assert.Equal(PhoneNumberType.Unknown, number.Type);
        Assert.False(number.HasCountryCode);
        Assert.Equal("has no country code: write it with + and the country code, or give a region", number.Problem);
    }

    [Fact]
    public void NationalNumberWithRegionIsValidInThatRegion()
    {
        var number = PhoneNumbers.Inspect("(201) 555-0123", "US");

        Assert.True(number.Valid, number.Problem);
        Assert.Equal("+12015550123", number.E164);
        Assert.Equal("US", number.Region);
        Assert.Equal(PhoneNumberType.FixedLineOrMobile, number.Type);
        Assert.False(number.HasCountryCode);
    }

    [Fact]
    public void InputOfMoreThan64CharactersIsRefusedEvenWhenTheNumberIsValid()
    {
        var longest = "+33 6 12 34 56 78".PadRight(PhoneNumbers.MaxInputLength);
        var tooLong = longest + " ";

        Assert.True(PhoneNumbers.Inspect(longest).Valid);
        var refused = PhoneNumbers.Inspect(tooLong);
        Assert.False(refused.Valid);
        Assert.Equal("is longer than 64 characters", refused.Problem);
    }

    [Theory]
    [InlineData("+33 6 12 34 56 7", "is too short for FR")]
    [InlineData("+33 6 12 34 56 789", "is too long for FR")]
    [InlineData("+33 0 12 34 56 78", "is not in a number range that FR uses")]
    [InlineData("+44 7700 900123", "is not in a number range that GB uses")]
    [InlineData("+999 1234 5678", "has no known country code (it starts +999)")]
    [InlineData("+0 1234 5678", "has a country code starting with 0, and none does")]
    [InlineData("+33 6 12 34 56 7A", "contains the letter \"A\": write the number in digits only")]
    [InlineData("+33 6 12 34 56 78 @", "contains \"@\", which is not part of a phone number")]
    [InlineData("Call +33 6 12 34 56 78", "contains the letter \"C\": write the number in digits only")]
    [InlineData("33+612345678", "has a + that is not at the start")]
    [InlineData("+33", "has too few digits to be a phone number")]
    [InlineData("   ", "is empty")]
    [InlineData("(-)", "has no digits")]
    public void InvalidNumberSaysWhyInWords(string input, string problem)
    {
        var number = PhoneNumbers.Inspect(input);

        Assert.False(number.Valid);
        Assert.Null(number.E164);
        Assert.Equal(PhoneNumberType.Unknown, number.Type);
        Assert.Equal(problem, number.Problem);
    }

    [Theory]
    [InlineData("1-800-FLOWERS", "US", "F")]
    [InlineData("+1 800 FLOWERS", null, "F")]
    [InlineData("+33 6 CALL ME", null, "C")]
    public void LettersOfAVanityNumberAreRefusedThoughLibphonenumberReadsThemAsDigits(string input, string? region, string letter)
    {
        var number = PhoneNumbers.Inspect(input, region);

        Assert.False(number.Valid);
        Assert.Null(number.E164);
        Assert.Equal($"contains the letter \"{letter}\": write the number in digits only", number.Problem);
    }

    [Theory]
    [InlineData("+33 6 12 34 56 78 ext. 12", "ext. 12")]
    [InlineData("+33 6 12 34 56 78 x12", "x12")]
    [InlineData("+33 6 12 34 56 78 #12", "#12")]
    [InlineData("+1 201 555 0123 extension 7", "extension 7")]
    [InlineData("tel:+33-6-12-34-56-78;ext=12", "ext=12")]
    public void ExtensionsAreRefusedThoughLibphonenumberWouldDropThem(string input, string extension)
    {
        var number = PhoneNumbers.Inspect(input);

        Assert.False(number.Valid);
        Assert.Null(number.E164);
        Assert.Equal($"has an extension (\"{extension}\"): a WhatsApp number is the number alone; write it without the extension", number.Problem);
    }

    [Fact]
    public void ExtensionOfANationalNumberIsRefusedWithTheRegion()
    {
        Assert.StartsWith("has an extension (\"ext 3\")", PhoneNumbers.Inspect("06 12 34 56 78 ext 3", "FR").Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+33 6 12 34 56 78", "06 12 34 56 78", "+33 6 12 34 56 78", "France")]
    [InlineData("(201) 555-0123", "(201) 555-0123", "+1 201-555-0123", "United States")]
    [InlineData("+1 340-998-7745", "(340) 998-7745", "+1 340-998-7745", "U.S. Virgin Islands")]
    [InlineData("+44 20 7946 0018", "020 7946 0018", "+44 20 7946 0018", "United Kingdom")]
    public void ValidNumberIsFormattedNationallyAndInternationallyWithItsRegionsName(
        string input, string national, string international, string regionName)
    {
        var number = PhoneNumbers.Inspect(input, "US");

        Assert.True(number.Valid, number.Problem);
        Assert.Equal(national, number.NationalFormat);
        Assert.Equal(international, number.InternationalFormat);
        Assert.Equal(regionName, number.RegionName);
    }

    [Theory]
    [InlineData("+800 1234 5678")] // non-geographic: no region
    [InlineData("+290 8999")] // Tristan da Cunha: libphonenumber has no name for TA
    public void NumberWithoutANamedRegionHasNoRegionName(string input)
    {
        var number = PhoneNumbers.Inspect(input);

        Assert.True(number.Valid, number.Problem);
        Assert.Null(number.RegionName);
        Assert.NotNull(number.InternationalFormat);
    }

    [Fact]
    public void InvalidNumberHasNoFormatsAndNoRegionName()
    {
        var number = PhoneNumbers.Inspect("+33 6 12 34 56 7");

        Assert.Null(number.NationalFormat);
        Assert.Null(number.InternationalFormat);
        Assert.Null(number.RegionName);
    }

    [Theory]
    [InlineData("33 6 12 34 56 78", "FR", true)]
    [InlineData("011 33 6 12 34 56 78", "US", true)]
    [InlineData("06 12 34 56 78", "FR", false)]
    [InlineData("+33 6 12 34 56 78", null, true)]
    [InlineData("0033 6 12 34 56 78", null, true)]
    public void HasCountryCodeTellsWhetherTheNumberWasWrittenWithOne(string input, string? region, bool hasCountryCode)
    {
        var number = PhoneNumbers.Inspect(input, region);

        Assert.True(number.Valid, number.Problem);
        Assert.Equal(hasCountryCode, number.HasCountryCode);
    }

    [Theory]
    [InlineData("FR", true)]
    [InlineData("fr", true)]
    [InlineData(" GB ", true)]
    [InlineData("TA", true)]
    [InlineData("XX", false)]
    [InlineData("001", false)]
    [InlineData("France", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void KnownRegionsAreTheIsoCodesWithANumberingPlan(string? region, bool known) =>
        Assert.Equal(known, PhoneNumbers.IsKnownRegion(region));

    [Theory]
    [InlineData("", null, "is empty")]
    [InlineData("abc", null, "contains the letter \"a\": write the number in digits only")]
    [InlineData("+999 1234 5678", null, "has no known country code (it starts +999)")]
    [InlineData("00 999 1234", null, "has no known country code (it starts +999)")]
    [InlineData("000 1234 5678", null, "has a country code starting with 0, and none does")]
    [InlineData("+33 1234567890123456789", null, "has too many digits to be a phone number")]
    [InlineData("011", "US", "has too few digits after the international prefix")]
    [InlineData("+44 1", null, "has too few digits after the country code")]
    public void InputTheLibraryThrowsOnIsAnInvalidNumberWithAReason(string input, string? region, string problem)
    {
        var number = PhoneNumbers.Inspect(input, region);

        Assert.False(number.Valid);
        Assert.Equal(problem, number.Problem);
    }

    [Fact]
    public void UnknownRegionIsNamedInTheProblem()
    {
        var number = PhoneNumbers.Inspect("06 12 34 56 78", "XX");

        Assert.False(number.Valid);
        Assert.Contains("\"XX\"", number.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+1 242 357 1234", "BS", PhoneNumberType.Mobile)]
    [InlineData("+1 201 555 0123", "US", PhoneNumberType.FixedLineOrMobile)]
    [InlineData("+1 800 234 5678", "US", PhoneNumberType.TollFree)]
    [InlineData("+7 701 234 5678", "KZ", PhoneNumberType.Mobile)]
    [InlineData("+7 912 345 67 89", "RU", PhoneNumberType.Mobile)]
    [InlineData("+44 7400 123456", "GB", PhoneNumberType.Mobile)]
    [InlineData("+44 1534 456789", "JE", PhoneNumberType.FixedLine)]
    [InlineData("+39 06 698 12345", "VA", PhoneNumberType.FixedLine)]
    [InlineData("+33 8 00 12 34 56", "FR", PhoneNumberType.TollFree)]
    [InlineData("+353 85 123 4567", "IE", PhoneNumberType.Mobile)]
    public void SharedCountryCodesResolveTheRegionAndType(string input, string region, PhoneNumberType type)
    {
        var number = PhoneNumbers.Inspect(input);

        Assert.True(number.Valid, number.Problem);
        Assert.Equal(region, number.Region);
        Assert.Equal(type, number.Type);
    }

    [Fact]
    public void NationalNumberOfJerseyGivenWithRegionKeepsJersey()
    {
        var number = PhoneNumbers.Inspect("07797 123456", "JE");

        Assert.True(number.Valid, number.Problem);
        Assert.Equal("+447797123456", number.E164);
        Assert.Equal("JE", number.Region);
        Assert.Equal(PhoneNumberType.Mobile, number.Type);
    }

    [Fact]
    public void NonGeographicTollFreeNumberIsValidWithoutRegion()
    {
        var number = PhoneNumbers.Inspect("+800 1234 5678");

        Assert.True(number.Valid, number.Problem);
        Assert.Equal("+80012345678", number.E164);
        Assert.Null(number.Region);
        Assert.Equal(PhoneNumberType.TollFree, number.Type);
    }

    [Fact]
    public void DoubleZeroWithoutRegionIsReadAsTheInternationalPrefix()
    {
        // Our one departure from libphonenumber-js, which needs a region to read 00.
        Assert.Equal("+4930123456", PhoneNumbers.Inspect("0049 30 123456").E164);
    }

    [Fact]
    public void RegionWhoseInternationalPrefixIsNotDoubleZeroReadsDoubleZeroAsNational()
    {
        // In the US 00 is not the international prefix (011 is), so 0033... is a national number there, and not a valid one.
        Assert.False(PhoneNumbers.Inspect("0033 6 12 34 56 78", "US").Valid);
    }

    [Fact]
    public void NumbersOfEveryTypeNameTheirSpecType()
    {
        Assert.Equal(
            ["fixed-line", "mobile", "fixed-line-or-mobile", "toll-free", "premium-rate", "shared-cost", "voip", "personal-number", "pager", "uan", "voicemail", "unknown"],
            Enum.GetValues<PhoneNumberType>().Select(t => t.Name()));
    }
}
