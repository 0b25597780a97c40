using System.CommandLine;
using WaOnboard.Cli;
using WaOnboard.Findings;
using WaOnboard.Packets;

// Branch `templates` only: registers the checklist and snippet commands. Until the rule engine lands, a packet's
// report holds the findings of reading the file; the merge replaces this with the rule engine's validate function.
static ValidationReport Validate(PacketDocument packet) => new(packet.Source, packet.Provider ?? "generic", packet.LoadFindings);

var root = new RootCommand("Checks WhatsApp Business onboarding packets and writes their checklists and entry-point snippets.")
{
    ChecklistCommand.Create(Validate),
    SnippetCommand.Create(),
};
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    // Usage errors: one clear line each on stderr and exit code 2, as for validate (spec/packet.md).
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine(error.Message.ReplaceLineEndings(" ").Replace("\t", "", StringComparison.Ordinal));
    }
    return 2;
}
return parsed.Invoke();
