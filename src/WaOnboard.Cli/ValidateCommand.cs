using System.CommandLine;
using WaOnboard.Checking;
using WaOnboard.Findings;
using WaOnboard.Packets;
using WaOnboard.Registry;

namespace WaOnboard.Cli;

/// <summary><c>wa-onboard validate PATH... [--profile NAME] [--format text|json|sarif|junit|github] [--output FILE] [--fail-severity LEVEL] [--profiles DIR] [--rules PATH] [--registry PATH|CONN]</c>.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Packet files, packet folders, or folders to search for packet folders", Arity = ArgumentArity.OneOrMore };
        var profile = new Option<string?>("--profile") { Description = "Check with this profile instead of the packet's provider", HelpName = "NAME" };
        var output = new ValidateOutput();
        var exclude = new Option<string[]>("--exclude") { Description = "Skip packet folders below a searched folder that match this glob (repeatable)", HelpName = "GLOB" };
        var registryPath = CliApp.RegistryOption("Also check that the number is not already onboarded for another business in this registry (the API's)");
        var sources = new ProfileOptions();
        var lang = new Option<string>("--lang") { Description = "Language of the findings' message and help (the rule ids stay the same)", DefaultValueFactory = _ => "en" };
        lang.AcceptOnlyFromAmong([.. Checklists.ChecklistOptions.Languages]);
        var command = new Command("validate", "Check packets against the rules of their provider profile") { paths, profile, registryPath, exclude, lang };
        sources.AddTo(command);
        foreach (var option in output.Options)
        {
            command.Options.Add(option);
        }
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (!sources.TryLoad(parse, profile, out var ruleSet, out var profileName))
            {
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
            var checker = new PacketChecker(ruleSet, registry);
            var reports = new List<ValidationReport>();
            var documents = new List<PacketDocument>();
            var unreadable = false;
            var excludes = (parse.GetValue(exclude) ?? []).Select(Repository.Glob.ForFiles).ToList();
            var given = parse.GetValue(paths)!;
            var found = given.SelectMany(p => Repository.PacketSearch.Expand(p, excludes, Environment.CurrentDirectory)).ToList();
            foreach (var path in found)
            {
                var document = PacketLoader.LoadPath(path);
                if (!document.IsReadable)
                {
                    error.WriteLine($"wa-onboard: {TerminalText.Escape(document.LoadFindings[0].Message)}");
                    unreadable = true;
                    continue;
                }
                // The operator at the registry's machine may read it: a finding names the holder.
                reports.Add((await checker.CheckAsync(document, profileName, parse.GetValue(lang)!, RegistryCaller.Operator, cancellationToken)).Report);
                documents.Add(document);
            }
            if (reports.Count == 0)
            {
                // Nothing could be read: the lines on stderr say why, and an empty report would read as "nothing to check".
                return CliApp.ExitUsage;
            }
            var packets = output.Prepare(parse, reports, ruleSet);
            if (packets is null || !output.Write(parse, packets, documents, several: found.Count != 1 || given.Length != 1 || unreadable, ruleSet))
            {
                return CliApp.ExitUsage;
            }
            return unreadable ? CliApp.ExitUsage : packets.Any(p => p.Fails) ? CliApp.ExitInvalid : CliApp.ExitValid;
        });
        return command;
    }
}
