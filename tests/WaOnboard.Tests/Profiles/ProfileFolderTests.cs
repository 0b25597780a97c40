using System.Text.RegularExpressions;
using WaOnboard.Findings;
using WaOnboard.Rules;
using WaOnboard.Tests.Cli;
using WaOnboard.Tests.Templates;

namespace WaOnboard.Tests.Profiles;

/// <summary>A provider profile is one folder: found by listing, extended, added or replaced by the user without recompiling.</summary>
public class ProfileFolderTests
{
    private static readonly string ExampleFolder = Repo.PathOf("docs", "profile-example");

    [Fact]
    public void NoSourceFileNamesABuiltInProfile()
    {
        var names = RuleSet.BuiltIn.Profiles.Select(p => p.Name).ToList();
        Assert.NotEmpty(names);
        var offenders = Directory.EnumerateFiles(Repo.PathOf("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => names.Any(n => Regex.IsMatch(x.line, $@"(?<![\w-]){Regex.Escape(n)}(?![\w-])")))
            .Select(x => $"{Path.GetRelativePath(Repo.Root, x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, "src/ names a profile; profiles are folders under profiles/:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void EveryBuiltInProfileIsAFolderWithAChecklist()
    {
        foreach (var profile in RuleSet.BuiltIn.Profiles)
        {
            Assert.True(Directory.Exists(Repo.PathOf("profiles", profile.Name)), $"profiles/{profile.Name}/ is missing");
            Assert.NotNull(profile.Checklist);
            Assert.NotEmpty(RuleSet.BuiltIn.RulesFor(profile.Name));
        }
        Assert.Single(RuleSet.BuiltIn.Profiles, p => p.IsDefault);
    }

    [Fact]
    public void TheDocumentedProfileFolderAddsAProviderWithItsRulesChecklistAndInheritance()
    {
        var load = RuleSet.Load([], [ExampleFolder]);
        Assert.Empty(load.Errors);
        var rules = load.RuleSet!;
        var profile = rules.Find("acme-cloud")!;
        Assert.Equal("generic", profile.Extends!.Name);
        var ids = rules.RulesFor("acme-cloud").Select(r => r.Id).ToList();
        Assert.Contains("acme-cloud-channel-name", ids);        // its own rule
        Assert.Contains("business-id-format", ids);             // inherited from the profile it extends
        Assert.Contains("profile-about-required", ids);         // an optional library rule it uses
        Assert.DoesNotContain("provider-required", ids);        // a library rule it skips
        Assert.DoesNotContain("acme-cloud-channel-name", rules.RulesFor(rules.Default.Name).Select(r => r.Id));
        Assert.Equal(Severity.Warning, rules.RulesFor("acme-cloud").Single(r => r.Id == "verified-name-min-length").Severity);
    }

    [Fact]
    public void ValidateAndChecklistTakeAUserProfileFolder()
    {
        var packet = Path.Combine("docs", "profile-example", "packet.yaml");
        var (exit, output, _) = CliRunner.Run("validate", packet, "--profiles", ExampleFolder, "--format", "json");
        Assert.Equal(1, exit);
        Assert.Contains("\"profile\": \"acme-cloud\"", output, StringComparison.Ordinal);
        Assert.Contains("\"ruleId\": \"acme-cloud-channel-name\"", output, StringComparison.Ordinal);

        var (checklistExit, checklist, _) = CliRunner.Run("checklist", packet, "--profiles", ExampleFolder);
        Assert.Equal(0, checklistExit);
        Assert.Contains("your Acme Cloud onboarding team", checklist, StringComparison.Ordinal);
        Assert.Contains("Channel name for the routing console", checklist, StringComparison.Ordinal);
    }

    [Fact]
    public void TheEnvironmentVariableNamesProfileFoldersToo()
    {
        var packet = Path.Combine("docs", "profile-example", "packet.yaml");
        var before = Environment.GetEnvironmentVariable("WA_ONBOARD_PROFILES");
        try
        {
            Environment.SetEnvironmentVariable("WA_ONBOARD_PROFILES", ExampleFolder);
            var (_, output, _) = CliRunner.Run("rules", "--profile", "acme-cloud");
            Assert.Contains("acme-cloud-channel-name", output, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("WA_ONBOARD_PROFILES", before);
        }
    }

    [Fact]
    public void AUserFolderReplacesTheBuiltInProfileOfTheSameName()
    {
        using var folder = new TempFolder();
        var name = RuleSet.BuiltIn.Default.Name;
        Directory.CreateDirectory(Path.Combine(folder.Path, name));
        File.WriteAllText(Path.Combine(folder.Path, name, "profile.yaml"), "title: Replaced\ndescription: mine\ndefault: true\n");
        var rules = RuleSet.Load([], [folder.Path]);
        Assert.Empty(rules.Errors);
        Assert.Equal("Replaced", rules.RuleSet!.Find(name)!.Title);
    }

    [Fact]
    public void ABrokenUserProfileStopsWithFileAndLine()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "broken"));
        var file = Path.Combine(folder.Path, "broken", "profile.yaml");
        File.WriteAllText(file, "title: Broken\nextends: nowhere\nuse: [no-such-rule]\n");
        File.WriteAllText(Path.Combine(folder.Path, "broken", "checklist.yaml"), "name: [unclosed\n");
        var (exit, _, error) = CliRunner.Run("validate", Path.Combine("examples", "engage-digital"), "--profiles", folder.Path);
        Assert.Equal(2, exit);
        Assert.Contains($"{file}:1: the profile extends 'nowhere', which is not a profile", error, StringComparison.Ordinal);
        Assert.Contains("'no-such-rule', which is not a rule id", error, StringComparison.Ordinal);
        Assert.Contains("checklist.yaml:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownProviderListsTheKnownProfiles()
    {
        var report = RuleSet.BuiltIn.Validate(TestPackets.FromYaml("provider: nobody\n"));
        var finding = Assert.Single(report.Findings, f => f.RuleId == "provider-unknown");
        foreach (var profile in RuleSet.BuiltIn.Profiles)
        {
            Assert.Contains(profile.Name, finding.Help, StringComparison.Ordinal);
        }
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("wa-onboard-profiles-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
