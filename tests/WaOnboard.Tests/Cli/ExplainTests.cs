namespace WaOnboard.Tests.Cli;

/// <summary>validate --explain: for each finding, the rule, its source, the value, the check's parameters and the number's classification.</summary>
public class ExplainTests
{
    [Fact]
    public void ExplainSaysTheRuleTheValueTheParametersAndTheSource()
    {
        var (exit, output, _) = CliRunner.Run("validate", "examples/many-mistakes", "--explain");
        Assert.Equal(1, exit);
        var block = Block(output, "business-id-format");
        Assert.Contains("business-id-format (error): The Facebook Business ID is a number of 15 or 16 digits", block, StringComparison.Ordinal);
        Assert.Contains("field:      business.facebookBusinessId at examples/many-mistakes/packet.yaml:5:23", block, StringComparison.Ordinal);
        Assert.Contains("value:      '12345'", block, StringComparison.Ordinal);
        Assert.Contains(@"check:      pattern (pattern: ^[0-9]{15,16}\z)", block, StringComparison.Ordinal);
        Assert.Contains("source:     seed 000, Facebook Business ID", block, StringComparison.Ordinal);
    }

    [Fact]
    public void ExplainGivesThePhoneNumbersClassificationThatThePhoneRuleReliedOn()
    {
        var (_, output, _) = CliRunner.Run("validate", "examples/many-mistakes", "--explain");
        Assert.Contains("number:     '06 12 34 56 78' classified as not valid (has no country code", Block(output, "phone-number-valid"), StringComparison.Ordinal);
        Assert.Contains("number:     '+33 1 42' classified as not valid (is too short for FR)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ExplainSaysWhatTheInspectorLearntOfTheAvatarTheRuleFailed()
    {
        var (_, output, _) = CliRunner.Run("validate", "examples/many-mistakes", "--explain");
        var block = Block(output, "profile-avatar-dimensions");
        Assert.Contains("avatar:     inspected as PNG, 512x512 pixels, 2,200 bytes; problem: is 512x512 pixels", block, StringComparison.Ordinal);
        // Only the avatar's findings carry the inspection, only the phone's the classification.
        Assert.DoesNotContain("avatar:", Block(output, "phone-number-valid"), StringComparison.Ordinal);
        Assert.DoesNotContain("number:", block, StringComparison.Ordinal);
    }

    [Fact]
    public void ExplainCoversTheLoadersFindingsToo()
    {
        var (_, output, _) = CliRunner.Run("validate", "examples/many-mistakes", "--explain");
        var block = Block(output, "unknown-field");
        Assert.Contains("source:     spec/packet.md (the packet format)", block, StringComparison.Ordinal);
        Assert.Contains("value:      'Acme Bank'", block, StringComparison.Ordinal);
    }

    [Fact]
    public void ExplainWithAMachineFormatIsAUsageError()
    {
        var (exit, output, error) = CliRunner.Run("validate", "examples/many-mistakes", "--explain", "--format", "sarif");
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal("wa-onboard: --explain writes text; it cannot be combined with --format sarif.", error.TrimEnd());
    }

    /// <summary>The explanation block of the first finding of a rule: its header line and the indented lines below it.</summary>
    private static string Block(string output, string ruleId)
    {
        var lines = output.Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith($"  {ruleId} (", StringComparison.Ordinal));
        Assert.True(start >= 0, $"no explanation for {ruleId}");
        return string.Join('\n', lines.Skip(start).TakeWhile((l, i) => i == 0 || l.StartsWith("    ", StringComparison.Ordinal)));
    }
}
