using WaOnboard.Packets;

namespace WaOnboard.Registry;

/// <summary>A number this installation has onboarded, and for which business.</summary>
/// <param name="E164">The number in E.164.</param>
/// <param name="BusinessId">The Facebook Business Manager ID, or empty when the packet had none.</param>
/// <param name="VerifiedName">The verified name the number was onboarded under.</param>
/// <param name="RecordedAt">When the packet was recorded.</param>
public sealed record OnboardedNumber(string E164, string BusinessId, string VerifiedName, DateTimeOffset RecordedAt)
{
    /// <summary>True when <paramref name="other"/> is the same business: same Business ID, or same verified name when either has no ID.</summary>
    public bool IsSameBusinessAs(OnboardedNumber other) =>
        BusinessId.Length > 0 && other.BusinessId.Length > 0
            ? BusinessId == other.BusinessId
            : string.Equals(VerifiedName, other.VerifiedName, StringComparison.OrdinalIgnoreCase);

    /// <summary>The business a packet speaks for (its Business ID and verified name), as the registry records it.</summary>
    public static OnboardedNumber Applicant(Packet packet, string e164, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(packet);
        return new OnboardedNumber(e164, packet.Business.FacebookBusinessId ?? "", packet.Business.VerifiedName ?? "", recordedAt);
    }
}

/// <summary>What happened when a number was recorded.</summary>
public enum RecordOutcome
{
    /// <summary>The number was new and is now recorded.</summary>
    Recorded,

    /// <summary>The same business had already recorded it: nothing changed.</summary>
    AlreadyRecorded,

    /// <summary>Another business holds the number: nothing changed.</summary>
    Conflict,
}

/// <summary>The numbers this installation has onboarded: a number never goes to two businesses.</summary>
public interface INumberRegistry
{
    /// <summary>The record of a number, or null when it was never onboarded here.</summary>
    OnboardedNumber? Find(string e164);

    /// <summary>The record of a number, or null when it was never onboarded here, without blocking on a server database.</summary>
    ValueTask<OnboardedNumber?> FindAsync(string e164, CancellationToken cancellationToken = default) => ValueTask.FromResult(Find(e164));

    /// <summary>Records a number atomically; when it is already held, returns who holds it and changes nothing.</summary>
    (RecordOutcome Outcome, OnboardedNumber Holder) Record(OnboardedNumber number);
}
