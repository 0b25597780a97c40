using WaOnboard.Checking;
using WaOnboard.Findings;
using WaOnboard.Images;
using WaOnboard.Packets;
using WaOnboard.Rules;

namespace WaOnboard.Tests.Rules;

/// <summary>Each finding keeps the fact its check derived and relied on, in memory only: the JSON report stays the spec's.</summary>
public class FindingFactsTests
{
    private static async Task<ValidationReport> ManyMistakesAsync(string language = "en") =>
        (await new PacketChecker(RuleSet.BuiltIn).CheckAsync(PacketLoader.LoadPath(Repo.PathOf("examples", "many-mistakes")), null, language)).Report;

    private static Finding Of(ValidationReport report, string ruleId) => report.Findings.First(f => f.RuleId == ruleId);

    [Fact]
    public async Task APhoneFindingKeepsTheClassificationItsCheckMade()
    {
        var report = await ManyMistakesAsync();

        var number = Of(report, "phone-number-valid").Facts?.Phone;
        Assert.NotNull(number);
        Assert.Equal("06 12 34 56 78", number.Input);
        Assert.True(number.LacksCountryCode);
        Assert.False(number.Valid);
        Assert.Equal("+33 1 42", Of(report, "profile-phone-numbers-valid").Facts?.Phone?.Input);
    }

    [Fact]
    public async Task AnAvatarFindingKeepsTheInspection()
    {
        var avatar = Of(await ManyMistakesAsync(), "profile-avatar-dimensions").Facts?.Avatar;

        Assert.NotNull(avatar);
        Assert.Equal((ImageFormat.Png, 512, 512, 2200L), (avatar.Format, avatar.Width, avatar.Height, avatar.Length));
    }

    [Fact]
    public async Task AFindingWhoseCheckDerivedNothingHasNoFacts()
    {
        var report = await ManyMistakesAsync();

        Assert.Null(Of(report, "business-id-format").Facts);
        Assert.Null(Of(report, "unknown-field").Facts);
    }

    [Fact]
    public async Task TheFactsAreNotInTheJsonReportAndSurviveTranslatedTexts()
    {
        var report = await ManyMistakesAsync("fr");

        Assert.NotNull(Of(report, "profile-avatar-dimensions").Facts?.Avatar);
        var json = ReportJson.Write(report);
        Assert.DoesNotContain("facts", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("lacksCountryCode", json, StringComparison.OrdinalIgnoreCase);
    }
}
