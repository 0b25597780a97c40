using System.CommandLine;
using Microsoft.Data.Sqlite;
using WaOnboard.Checking;
using WaOnboard.Findings;
using WaOnboard.Packets;
using WaOnboard.Registry;

namespace WaOnboard.Cli;

/// <summary><c>wa-onboard validate PATH... [--profile NAME] [--format text|json] [--rules PATH]</c>.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Packet files or packet folders", Arity = ArgumentArity.OneOrMore };
        var profile = new Option<string?>("--profile") { Description = "Check with this profile instead of the packet's provider", HelpName = "NAME" };
        var format = new Option<string?>("--format") { Description = "text (for people; the default on a terminal) or json (the report of spec/packet.md)" };
        format.AcceptOnlyFromAmong("text", "json");
        var registryPath = new Option<string?>("--registry")
        {
            Description = "Also check that the number is not already onboarded for another business in this SQLite registry (the API's)",
            HelpName = "PATH",
        };
        var lang = new Option<string>("--lang") { Description = "Language of the findings' message and help (the rule ids stay the same)", DefaultValueFactory = _ => "en" };
        lang.AcceptOnlyFromAmong([.. Checklists.ChecklistOptions.Languages]);
        var sources = new ProfileOptions();
        var command = new Command("validate", "Check packets against the rules of their provider profile") { paths, profile, format, registryPath, lang };
        sources.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var ruleSet = sources.Load(parse);
            if (ruleSet is null)
            {
                return CliApp.ExitUsage;
            }
            var profileName = parse.GetValue(profile);
            if (profileName is not null && !ruleSet.HasProfile(profileName))
            {
                return ProfileOptions.UnknownProfile(parse, ruleSet, profileName);
            }
            SqliteNumberRegistry? registry = null;
            if (parse.GetValue(registryPath) is { } registryFile)
            {
                // A registry that does not exist is a typo, not an empty registry: checking against nothing would pass silently.
                if (!File.Exists(registryFile))
                {
                    error.WriteLine($"wa-onboard: no registry at '{registryFile}'.");
                    return CliApp.ExitUsage;
                }
                try
                {
                    registry = new SqliteNumberRegistry(new SqliteConnectionStringBuilder { DataSource = registryFile }.ToString());
                }
                catch (SqliteException e)
                {
                    error.WriteLine($"wa-onboard: '{registryFile}' is not a registry: {e.Message}");
                    return CliApp.ExitUsage;
                }
            }
            using var openRegistry = registry;
            var checker = new PacketChecker(ruleSet, registry);
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
                reports.Add((await checker.CheckAsync(document, profileName, parse.GetValue(lang)!, cancellationToken)).Report);
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
