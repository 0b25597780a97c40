using WaOnboard.Packets;

namespace WaOnboard.Rules;

/// <summary>
/// The number is not already recorded in this installation's registry for another business. The registry was asked
/// before the rules ran (<see cref="ValidationOptions.NumberHeldElsewhere"/>); this check only reports its answer.
/// </summary>
internal sealed class NumberNotOnboardedCheck : Check
{
    public override void Run(PacketNode? node, CheckScope scope)
    {
        if (scope.Run.Options.NumberHeldElsewhere is { } holder && TryText(node, out var text))
        {
            var who = holder.BusinessId.Length > 0 ? $"{holder.VerifiedName} (Business ID {holder.BusinessId})" : holder.VerifiedName;
            scope.Fail(node, text, $"{who} on {holder.RecordedAt:yyyy-MM-dd}");
        }
    }
}
