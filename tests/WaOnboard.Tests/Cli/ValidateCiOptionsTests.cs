using System.Text.Json;

namespace WaOnboard.Tests.Cli;

/// <summary>validate's CI options: --fail-severity decides exit 1, --output writes a file, a folder is searched for packets.</summary>
public class ValidateCiOptionsTests
{
    [Theory]
    [InlineData("error", 0)]
    [InlineData("warning", 1)]
    [InlineData("info", 1)]
    [InlineData("none", 0)]
    public void FailSeverityDecidesWhetherAWarningFails(string level, int expected)
    {
        using var repository = WarningOnlyPacket();
        var (exit, output, _) = repository.Run("validate", "p", "--format", "json", "--fail-severity", level);
        Assert.Equal(expected, exit);
        using var json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("warnings").GetInt32());
    }

    [Theory]
    [InlineData("error", 1)]
    [InlineData("none", 0)]
    public void FailSeverityNoneLetsErrorsPassButStillReportsThem(string level, int expected)
    {
        var (exit, output, _) = CliRunner.Run("validate", "examples/many-mistakes", "--format", "text", "--fail-severity", level);
        Assert.Equal(expected, exit);
        Assert.Contains("[business-id-format]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void NoWarningAndFailSeverityInfoStillExitsZero()
    {
        var (exit, _, _) = CliRunner.Run("validate", "examples/engage-digital", "--format", "json", "--fail-severity", "info");
        Assert.Equal(0, exit);
    }

    [Fact]
    public void UnknownFailSeverityIsAUsageError()
    {
        var (exit, _, error) = CliRunner.Run("validate", "examples/engage-digital", "--fail-severity", "fatal");
        Assert.Equal(2, exit);
        Assert.StartsWith("wa-onboard: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void OutputWritesTheReportToTheFileAndNothingToStandardOutput()
    {
        using var repository = new TempRepository();
        repository.CopyExample("many-mistakes", "p");
        var (exit, output, _) = repository.Run("validate", "p", "--format", "sarif", "--output", "out/report.sarif");
        Assert.Equal(2, exit);
        (exit, output, _) = repository.Run("validate", "p", "--format", "sarif", "--output", "report.sarif");
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        using var log = JsonDocument.Parse(File.ReadAllText(Path.Combine(repository.Root, "report.sarif")));
        Assert.Equal("2.1.0", log.RootElement.GetProperty("version").GetString());
    }

    [Fact]
    public void OutputToAFolderThatDoesNotExistIsOneLineOnStandardError()
    {
        var (exit, _, error) = CliRunner.Run("validate", "examples/engage-digital", "--format", "json", "--output", "/nonexistent/folder/report.json");
        Assert.Equal(2, exit);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith("wa-onboard: cannot write '/nonexistent/folder/report.json'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AFolderOfPacketFoldersIsSearchedAndEachReportedWithPathsRelativeToTheCurrentDirectory()
    {
        var (exit, output, _) = CliRunner.Run("validate", "examples", "--format", "json");
        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(["examples/8x8", "examples/engage-digital", "examples/generic", "examples/many-mistakes"],
            json.RootElement.GetProperty("packets").EnumerateArray().Select(p => p.GetProperty("packet").GetString()));
    }

    [Fact]
    public void ExcludeSkipsMatchingPacketFolders()
    {
        var (exit, output, _) = CliRunner.Run("validate", "examples", "--exclude", "examples/many-*", "--format", "json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(3, json.RootElement.GetProperty("packets").GetArrayLength());
    }

    [Fact]
    public void SearchGoesDownAnyDepthAndSkipsHiddenFolders()
    {
        using var repository = new TempRepository();
        repository.CopyExample("engage-digital", "teams/a/acme");
        repository.CopyExample("8x8", "teams/b/deep/down/beta");
        repository.CopyExample("many-mistakes", ".cache/old");
        repository.CopyExample("many-mistakes", "teams/archive/old");
        var (exit, output, _) = repository.Run("validate", ".", "--exclude", "**/archive/**", "--format", "json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(["teams/a/acme", "teams/b/deep/down/beta"], json.RootElement.GetProperty("packets").EnumerateArray().Select(p => p.GetProperty("packet").GetString()));
    }

    [Fact]
    public void AFolderWithNoPacketBelowItIsStillAnUnreadablePacket()
    {
        using var repository = new TempRepository();
        Directory.CreateDirectory(Path.Combine(repository.Root, "empty", "deeper"));
        var (exit, _, error) = repository.Run("validate", "empty");
        Assert.Equal(2, exit);
        Assert.Contains("holds no packet file", error, StringComparison.Ordinal);
    }

    /// <summary>The Engage Digital example with one unknown field: valid, with one warning.</summary>
    internal static TempRepository WarningOnlyPacket()
    {
        var repository = new TempRepository();
        var folder = repository.CopyExample("engage-digital", "p");
        File.AppendAllText(Path.Combine(folder, "packet.yaml"), "notAField: 1\n");
        return repository;
    }
}
