using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using WaOnboard.Rules;

namespace WaOnboard.Cli;

/// <summary>
/// The options every command that reads packets shares: the user's profile folders (<c>--profiles</c>, or
/// <c>WA_ONBOARD_PROFILES</c>) and extra rule files (<c>--rules</c>).
/// </summary>
internal sealed class ProfileOptions
{
    /// <summary>The environment variable naming profile folders, separated as PATH is.</summary>
    public const string EnvironmentVariable = "WA_ONBOARD_PROFILES";

    public Option<string[]> Rules { get; } = new("--rules")
    {
        Description = "Add a rule file, a profile file, or a folder of them (repeatable)",
        HelpName = "PATH",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string[]> Profiles { get; } = new("--profiles")
    {
        Description = $"Add or replace provider profiles: a profile folder, or a folder of them (repeatable; also {EnvironmentVariable})",
        HelpName = "DIR",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>Adds both options to a command.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Rules);
        command.Options.Add(Profiles);
    }

    /// <summary>Loads the rule set with the user's files; on failure writes each problem as file:line and returns null.</summary>
    public RuleSet? Load(ParseResult parse)
    {
        var rules = parse.GetValue(Rules) ?? [];
        var environment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        string[] profiles =
        [
            .. (environment ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            .. parse.GetValue(Profiles) ?? [],
        ];
        if (rules.Length == 0 && profiles.Length == 0)
        {
            return RuleSet.BuiltIn;
        }
        var load = RuleSet.Load(rules, profiles);
        foreach (var error in load.Errors)
        {
            parse.InvocationConfiguration.Error.WriteLine(TerminalText.Escape(error));
        }
        return load.RuleSet;
    }

    /// <summary>Loads the rule set and reads <paramref name="profile"/>; false, after one line per problem on stderr, when a file is broken or the profile unknown.</summary>
    public bool TryLoad(ParseResult parse, Option<string?> profile, [NotNullWhen(true)] out RuleSet? ruleSet, out string? profileName)
    {
        profileName = parse.GetValue(profile);
        ruleSet = Load(parse);
        if (ruleSet is not null && profileName is not null && !ruleSet.HasProfile(profileName))
        {
            UnknownProfile(parse, ruleSet, profileName);
            ruleSet = null;
        }
        return ruleSet is not null;
    }

    /// <summary>A profile name that the rule set does not know: one line naming the known ones, exit code 2.</summary>
    public static int UnknownProfile(ParseResult parse, RuleSet ruleSet, string name) =>
        CliApp.Fail(parse.InvocationConfiguration, $"'{name}' is not a profile; use one of: {string.Join(", ", ruleSet.Profiles.Select(p => p.Name))}.");
}
