using System.CommandLine;
using WaOnboard.Findings;
using WaOnboard.Packets;
using WaOnboard.Registry;
using WaOnboard.Rules;

namespace WaOnboard.Cli;

/// <summary><c>wa-onboard validate PATH... [--profile NAME] [--format text|json] [--rules PATH] [--registry PATH|CONN]</c>.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Packet files or packet folders", Arity = ArgumentArity.OneOrMore };
        var profile = new Option<string?>("--profile") { Description = "Check with this profile instead of the packet's provider", HelpName = "NAME" };
        var format = new Option<string?>("--format") { Description = "text (for people; the default on a terminal) or json (the report of spec/packet.md)" };
        format.AcceptOnlyFromAmong("text", "json");
        var registryPath = CliApp.RegistryOption("Also check that the number is not already onboarded for another business in this registry (the API's)");
        var rules = CliApp.RulesOption();
        var command = new Command("validate", "Check packets against the rules of their provider profile") { paths, profile, format, rules, registryPath };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var ruleSet = CliApp.LoadRules(parse, rules);
            if (ruleSet is null)
            {
                return CliApp.ExitUsage;
            }
            var profileName = parse.GetValue(profile);
            if (profileName is not null && !ruleSet.HasProfile(profileName))
            {
                error.WriteLine($"wa-onboard: '{profileName}' is not a profile; use one of: {string.Join(", ", ruleSet.Profiles.Select(p => p.Name))}.");
                return CliApp.ExitUsage;
            }
            RegistryDatabase? registry = null;
            if (parse.GetValue(registryPath) is { } registryConnection)
            {
                registry = CliApp.OpenRegistry(parse.InvocationConfiguration, registryConnection, mustExist: true);
                if (registry is null)
                {
                    return CliApp.ExitUsage;
                }
            }
            using var openRegistry = registry;
            var reports = new List<ValidationReport>();
            var unreadable = false;
            foreach (var path in parse.GetValue(paths)!)
            {
                var document = PacketLoader.LoadPath(path);
                if (!document.IsReadable)
                {
                    error.WriteLine($"wa-onboard: {document.LoadFindings[0].Message}");
                    unreadable = true;
                    continue;
                }
                // The operator at the registry's machine may read it: a finding names the holder.
                var answer = registry is null ? null : await RegistryAnswer.AskAsync(registry, document, RegistryCaller.Operator, cancellationToken);
                reports.Add(ruleSet.Validate(document, new ValidationOptions { Profile = profileName, Registry = answer }));
            }
            if (CliApp.WantsJson(parse, format))
            {
                output.WriteLine(reports.Count == 1 && !unreadable ? ReportJson.Write(reports[0]) : ReportJson.Write(reports));
            }
            else
            {
                var text = new TextReport(output, CliApp.UseColour(output));
                foreach (var report in reports)
                {
                    text.Write(report);
                }
            }
            return unreadable ? CliApp.ExitUsage : reports.All(r => r.Valid) ? CliApp.ExitValid : CliApp.ExitInvalid;
        });
        return command;
    }
}
