namespace WaOnboard.Tests.Cli;

/// <summary>The JSON and text reports of every example packet, compared with reviewed golden files (UPDATE_GOLDEN=1 rewrites them).</summary>
public class GoldenReportTests
{
    public static TheoryData<string> Examples() => [.. Directory.GetDirectories(Repo.PathOf("examples")).Select(d => Path.GetFileName(d)!).Order()];

    [Theory]
    [MemberData(nameof(Examples))]
    public void JsonReportOfExampleMatchesItsGoldenFile(string example)
    {
        var (exit, output, _) = CliRunner.Run("validate", $"examples/{example}", "--format", "json");
        Assert.Equal(example == "many-mistakes" ? 1 : 0, exit);
        Compare($"{example}.report.json", output);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void TextReportOfExampleMatchesItsGoldenFile(string example)
    {
        var (_, output, _) = CliRunner.Run("validate", $"examples/{example}", "--format", "text");
        Compare($"{example}.report.txt", output);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void SarifReportOfExampleMatchesItsGoldenFile(string example)
    {
        var (exit, output, _) = CliRunner.Run("validate", $"examples/{example}", "--format", "sarif");
        Assert.Equal(example == "many-mistakes" ? 1 : 0, exit);
        Compare($"{example}.report.sarif", output);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void JUnitReportOfExampleMatchesItsGoldenFile(string example)
    {
        var (_, output, _) = CliRunner.Run("validate", $"examples/{example}", "--format", "junit");
        Compare($"{example}.report.junit.xml", output);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void GitHubAnnotationsOfExampleMatchTheirGoldenFile(string example)
    {
        var (_, output, _) = CliRunner.Run("validate", $"examples/{example}", "--format", "github");
        Compare($"{example}.report.github.txt", output);
    }

    private static void Compare(string name, string actual)
    {
        var path = Repo.PathOf("tests", "WaOnboard.Tests", "Golden", name);
        if (Repo.UpdateGolden)
        {
            File.WriteAllText(path, actual);
        }
        Assert.True(File.Exists(path), $"{name} has no golden file: run the tests once with UPDATE_GOLDEN=1 and review it.");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
