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
return root.Parse(args).Invoke();
