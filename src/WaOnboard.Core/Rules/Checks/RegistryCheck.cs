using WaOnboard.Packets;
using WaOnboard.Registry;

namespace WaOnboard.Rules;

/// <summary>The number is not already recorded in this installation's registry for another business.</summary>
internal sealed class NumberNotOnboardedCheck : Check
{
    public override void Run(PacketNode? node, CheckScope scope)
    {
        if (scope.Run.Options.Registry is not { } registry || !TryText(node, out var text)
            || scope.Run.InspectPhone(text) is not { Valid: true, E164: { } e164 })
        {
            return;
        }
        var holder = registry.Find(e164);
        if (holder is not null && !holder.IsSameBusinessAs(Applicant(scope.Run.Document, e164)))
        {
            var who = holder.BusinessId.Length > 0 ? $"{holder.VerifiedName} (Business ID {holder.BusinessId})" : holder.VerifiedName;
            scope.Fail(node, text, $"{who} on {holder.RecordedAt:yyyy-MM-dd}");
        }
    }

    private static OnboardedNumber Applicant(PacketDocument document, string e164) =>
        OnboardedNumber.Applicant(document, e164, DateTimeOffset.UtcNow);
}
