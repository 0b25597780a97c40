using System.CommandLine;
using WaOnboard.Checking;
using WaOnboard.Checklists;
using WaOnboard.Findings;
using WaOnboard.Packets;
using WaOnboard.Templates;

namespace WaOnboard.Cli;

/// <summary><c>wa-onboard checklist PACKET [--lang en|fr] [--format text|html|eml] [--audience customer|pm] [--out FILE]</c>.</summary>
internal static class ChecklistCommand
{
    public static Command Create()
    {
        var packetArgument = new Argument<string>("PACKET") { Description = "A packet file or packet folder." };
        var lang = new Option<string>("--lang") { Description = "Language of the checklist.", DefaultValueFactory = _ => "en" };
        lang.AcceptOnlyFromAmong([.. ChecklistOptions.Languages]);
        var format = new Option<string>("--format") { Description = "text, html, or eml (an e-mail with both).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "html", "eml");
        var audience = new Option<string>("--audience") { Description = "customer (checklist e-mail) or pm (project manager's configuration sheet).", DefaultValueFactory = _ => "customer" };
        audience.AcceptOnlyFromAmong("customer", "pm");
        var output = new Option<string?>("--out") { HelpName = "FILE", Description = "Write to this file instead of standard output." };
        var profile = new Option<string?>("--profile") { Description = "Check with this profile instead of the packet's provider", HelpName = "NAME" };
        var sources = new ProfileOptions();
        var rates = EstimateCommand.RatesOption();

        var command = new Command("checklist", "Write the customer checklist e-mail or the project manager's configuration sheet of a packet.")
        {
            packetArgument, lang, format, audience, output, profile, rates,
        };
        sources.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var io = parseResult.InvocationConfiguration;
            if (!sources.TryLoad(parseResult, profile, out var ruleSet, out var profileName))
            {
                return CliApp.ExitUsage;
            }
            if (!EstimateCommand.TryLoadRates(io, parseResult.GetValue(rates), out var card))
            {
                return CliApp.ExitUsage;
            }
            if (CliApp.LoadPacket(io, parseResult.GetValue(packetArgument)!) is not { } packet)
            {
                return CliApp.ExitUsage;
            }
            if (packet.Root is null)
            {
                // Not UTF-8, not YAML or JSON, too large: there is nothing to write a checklist from.
                return CliApp.Fail(io, $"cannot write a checklist of '{parseResult.GetValue(packetArgument)}': {packet.LoadFindings.FirstOrDefault(f => f.Severity == Severity.Error)?.Message ?? "it is not a packet"}");
            }
            if (Output.Refuses(parseResult.GetValue(output), Output.PacketFileOf(parseResult.GetValue(packetArgument)!), io) is { } refused)
            {
                return refused;
            }
            // The findings the checklist quotes are in the checklist's language.
            var checkedPacket = await new PacketChecker(ruleSet).CheckAsync(packet, profileName, parseResult.GetValue(lang)!, cancellationToken: cancellationToken);
            var options = new ChecklistOptions
            {
                Rates = card,
                Language = parseResult.GetValue(lang)!,
                Format = parseResult.GetValue(format) switch { "html" => ChecklistFormat.Html, "eml" => ChecklistFormat.Eml, _ => ChecklistFormat.Text },
                Audience = parseResult.GetValue(audience) == "pm" ? ChecklistAudience.ProjectManager : ChecklistAudience.Customer,
            };
            try
            {
                var document = ChecklistRenderer.Render(checkedPacket, options);
                return Output.Write(document.Content, parseResult.GetValue(output), io);
            }
            catch (Exception e) when (e is TemplateException or ArgumentException)
            {
                // A broken template, or a value that would become an e-mail header holding a line break.
                return CliApp.Fail(io, e.Message);
            }
        });
        return command;
    }
}

/// <summary>Writes a command's result to a file or to standard output.</summary>
internal static class Output
{
    /// <summary>Exit code 2 with one line when <paramref name="path"/> is a folder or the input packet itself; null when it may be written.</summary>
    public static int? Refuses(string? path, string? input, InvocationConfiguration io)
    {
        if (path is null)
        {
            return null;
        }
        if (Directory.Exists(path) || path.EndsWith('/') || path.EndsWith(Path.DirectorySeparatorChar))
        {
            return CliApp.Fail(io, $"--out '{path}' is a folder; give the name of a file to write.");
        }
        if (input is not null && SameFile(path, input))
        {
            return CliApp.Fail(io, $"--out '{path}' is the packet itself; writing there would overwrite it. Give another file name.");
        }
        return null;
    }

    private static bool SameFile(string a, string b) =>
        string.Equals(RealFile(a), RealFile(b), OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);

    private static string RealFile(string path)
    {
        var info = new FileInfo(Path.GetFullPath(path));
        try
        {
            return info.Exists && info.ResolveLinkTarget(returnFinalTarget: true) is { } target ? Path.GetFullPath(target.FullName) : info.FullName;
        }
        catch (IOException)
        {
            return info.FullName;
        }
    }

    public static int Write(byte[] content, string? path, InvocationConfiguration io)
    {
        if (path is null)
        {
            // Only text reaches standard output (PNG goes to a file, --out code.png); end it with a newline like any command.
            var text = System.Text.Encoding.UTF8.GetString(content);
            io.Output.Write(text.EndsWith('\n') ? text : text + "\n");
            return CliApp.ExitValid;
        }
        try
        {
            File.WriteAllBytes(path, content);
            return CliApp.ExitValid;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return CliApp.Fail(io, $"cannot write '{path}': {e.Message}");
        }
    }

    /// <summary>The packet file a command reads: the path, or the packet file of a folder.</summary>
    public static string? PacketFileOf(string path) =>
        Directory.Exists(path) ? PacketLoader.PacketFileNames.Select(name => Path.Combine(path, name)).FirstOrDefault(File.Exists) : path;
}
