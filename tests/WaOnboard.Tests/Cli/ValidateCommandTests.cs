using System.Text.Json;

namespace WaOnboard.Tests.Cli;

public class ValidateCommandTests
{
    [Fact]
    public void ValidPacketExitsZero()
    {
        var (exit, output, _) = CliRunner.Run("validate", "examples/engage-digital", "--format", "text");
        Assert.Equal(0, exit);
        Assert.Contains("valid: 0 errors", output, StringComparison.Ordinal);
    }

    [Fact]
    public void PacketWithAnErrorExitsOne()
    {
        var (exit, output, _) = CliRunner.Run("validate", "examples/many-mistakes", "--format", "text");
        Assert.Equal(1, exit);
        Assert.Contains("not valid", output, StringComparison.Ordinal);
        Assert.Contains("[business-id-format]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingPacketExitsTwoWithOneLineOnStandardError()
    {
        var (exit, output, error) = CliRunner.Run("validate", "examples/nowhere.yaml");
        Assert.Equal(2, exit);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith("wa-onboard: No packet file or folder at 'examples/nowhere.yaml'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownProfileIsAUsageError()
    {
        var (exit, _, error) = CliRunner.Run("validate", "examples/generic", "--profile", "whatsapp");
        Assert.Equal(2, exit);
        Assert.Contains("'whatsapp' is not a profile", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("validate", "examples/generic", "--format", "xml")]
    [InlineData("no-such-command")]
    public void BadArgumentsAreAUsageError(params string[] args)
    {
        var (exit, _, error) = CliRunner.Run(args);
        Assert.Equal(2, exit);
        Assert.StartsWith("wa-onboard: ", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void JsonReportHasTheSpecsFields()
    {
        var (exit, output, _) = CliRunner.Run("validate", "examples/many-mistakes/packet.yaml", "--format", "json");
        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(["packet", "profile", "valid", "summary", "findings"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("examples/many-mistakes/packet.yaml", root.GetProperty("packet").GetString());
        Assert.Equal("engage-digital", root.GetProperty("profile").GetString());
        Assert.False(root.GetProperty("valid").GetBoolean());
        var finding = root.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("ruleId").GetString() == "business-id-format");
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.Equal("business.facebookBusinessId", finding.GetProperty("path").GetString());
        Assert.Equal("The Business ID '12345' is not a number of 15 or 16 digits.", finding.GetProperty("message").GetString());
        var summary = root.GetProperty("summary");
        Assert.Equal(root.GetProperty("findings").EnumerateArray().Count(f => f.GetProperty("severity").GetString() == "error"),
            summary.GetProperty("errors").GetInt32());
    }

    [Fact]
    public void SeveralPacketsAreReportedInAnEnvelope()
    {
        var (exit, output, _) = CliRunner.Run("validate", "examples/engage-digital", "examples/8x8", "--format", "json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(2, json.RootElement.GetProperty("packets").GetArrayLength());
    }

    [Fact]
    public void ProfileOptionOverridesThePacketsProvider()
    {
        var (exit, output, _) = CliRunner.Run("validate", "examples/generic", "--profile", "engage-digital", "--format", "json");
        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("engage-digital", json.RootElement.GetProperty("profile").GetString());
        Assert.Contains(json.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == "line-of-credit-stated");
    }

    [Fact]
    public void UserRuleFileAddsARuleWithoutRecompiling()
    {
        using var rules = new TempFile("""
            rules:
              - id: verified-name-no-bank
                title: Our policy - the verified name does not say Bank
                severity: error
                path: business.verifiedName
                check: not-pattern
                pattern: '\bBank\b'
                message: "The verified name '{value}' says '{detail}'."
                help: "Ask the brand team."
                source: "our onboarding policy"
            """);
        var (exit, output, _) = CliRunner.Run("validate", "examples/engage-digital", "--rules", rules.Path, "--format", "json");
        Assert.Equal(1, exit);
        Assert.Contains("The verified name 'Acme Bank' says 'Bank'.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void BrokenRuleFileStopsWithFileAndLine()
    {
        const string rule = "rules:\n  - id: my-rule\n    title: x\n    severity: SEVERITY\n    path: business.verifiedName\n    check: pattern\n    message: m\n    help: h\n    source: s\n";
        using var rules = new TempFile(rule.Replace("SEVERITY", "fatal", StringComparison.Ordinal));
        var (exit, _, error) = CliRunner.Run("validate", "examples/engage-digital", "--rules", rules.Path);
        Assert.Equal(2, exit);
        Assert.Equal($"{rules.Path}:2: rule 'my-rule' has severity 'fatal'; use error, warning or info", error.TrimEnd());

        File.WriteAllText(rules.Path, rule.Replace("SEVERITY", "error", StringComparison.Ordinal));
        (exit, _, error) = CliRunner.Run("validate", "examples/engage-digital", "--rules", rules.Path);
        Assert.Equal(2, exit);
        Assert.Equal($"{rules.Path}:2: rule 'my-rule': the check needs 'pattern'", error.TrimEnd());
    }

    [Fact]
    public void ProfileFileCanExtendABuiltInProfileAndOverrideASeverity()
    {
        using var rules = new TempFile("profile: strict-engage\ntitle: Stricter\ndescription: Engage Digital, with approval required\nextends: engage-digital\noverrides:\n  hsm-approved: { severity: error }\n");
        var (_, output, _) = CliRunner.Run("validate", "examples/many-mistakes", "--rules", rules.Path, "--profile", "strict-engage", "--format", "json");
        using var json = JsonDocument.Parse(output);
        var approved = json.RootElement.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("ruleId").GetString() == "hsm-approved");
        Assert.Equal("error", approved.GetProperty("severity").GetString());
    }
}
