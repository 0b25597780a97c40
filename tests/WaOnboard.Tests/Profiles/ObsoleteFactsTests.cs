namespace WaOnboard.Tests.Profiles;

/// <summary>The content files repeat none of the 2020-21 statements that whatsapp-facts.md ("2026 update") corrects.</summary>
public class ObsoleteFactsTests
{
    [Theory]
    [InlineData("picks the translation", "§5: the sender names the language")]
    [InlineData("never be changed", "§3: the verified name can be changed, with Meta's review and re-registration")]
    [InlineData("jamais être modifié", "§3, in French")]
    [InlineData("Get your register code", "§1: the On-Premises API was shut down on 2025-10-23")]
    [InlineData("API hosting", "§1: no self-hosted API client any more")]
    [InlineData("certificate", "§1: the base64 certificate belonged to On-Premises")]
    [InlineData("green check mark", "§4: the Official Business Account is a blue check")]
    [InlineData("sessions x", "§7: priced per delivered message since 2025-07-01")]
    public void NoContentFileSaysIt(string phrase, string correction)
    {
        var files = new[] { "rules", "profiles", "templates" }
            .SelectMany(folder => Directory.EnumerateFiles(Repo.PathOf(folder), "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".hbs", StringComparison.Ordinal));
        var offending = files.Where(f => File.ReadAllLines(f).Any(l => !l.TrimStart().StartsWith('#') && l.Contains(phrase, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(offending.Count == 0, $"'{phrase}' ({correction}) is still in: {string.Join(", ", offending)}");
    }
}
