using System.CommandLine;
using WaOnboard.Rules;

namespace WaOnboard.Cli;

/// <summary><c>wa-onboard rules [--profile NAME] [--format text|markdown] [--rules PATH]</c>: the rule set, for people and for docs/rules.md.</summary>
internal static class RulesCommand
{
    public static Command Create()
    {
        var profile = new Option<string?>("--profile") { Description = "Only the rules of this profile", HelpName = "NAME" };
        var format = new Option<string>("--format") { Description = "text or markdown (docs/rules.md)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "markdown");
        var sources = new ProfileOptions();
        var command = new Command("rules", "List the rules of every profile, or of one") { profile, format };
        sources.AddTo(command);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var ruleSet = sources.Load(parse);
            if (ruleSet is null)
            {
                return CliApp.ExitUsage;
            }
            if (parse.GetValue(format) == "markdown")
            {
                output.Write(RuleDocs.Markdown(ruleSet));
                return CliApp.ExitValid;
            }
            var only = parse.GetValue(profile);
            if (only is not null && !ruleSet.HasProfile(only))
            {
                return ProfileOptions.UnknownProfile(parse, ruleSet, only);
            }
            foreach (var p in ruleSet.Profiles.Where(p => only is null || p.Name == only))
            {
                output.WriteLine($"{p.Name}: {p.Title}");
                foreach (var rule in ruleSet.RulesFor(p.Name))
                {
                    output.WriteLine($"  {rule.Severity.ToString().ToLowerInvariant(),-8}{rule.Id,-42}{rule.Title}");
                }
                output.WriteLine();
            }
            return CliApp.ExitValid;
        });
        return command;
    }
}
