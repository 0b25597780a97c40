using WaOnboard.Findings;
using WaOnboard.Packets;

namespace WaOnboard.Rules;

/// <summary>The number is not already recorded in this installation's registry for another business.</summary>
/// <remarks>
/// The registry was asked before the rules ran (<see cref="ValidationOptions.Registry"/>); the holder is named only
/// to a caller allowed to read the registry, everyone else learns that another business holds the number.
/// </remarks>
internal sealed class NumberNotOnboardedCheck : Check
{
    public override void Run(PacketNode? node, CheckScope scope)
    {
        if (scope.Run.Options.Registry is not { HeldByAnother: true, Holder: { } holder } answer || !TryText(node, out var text)
            || scope.Run.InspectPhone(text) is not { Valid: true, E164: { } e164 } phone || e164 != answer.E164)
        {
            return;
        }
        var who = !answer.MayNameHolder ? "another business"
            : holder.BusinessId.Length > 0 ? $"{holder.VerifiedName} (Business ID {holder.BusinessId}) on {holder.RecordedAt:yyyy-MM-dd}"
            : $"{holder.VerifiedName} on {holder.RecordedAt:yyyy-MM-dd}";
        scope.Fail(node, text, who, facts: new FindingFacts(phone, Registry: answer));
    }
}
