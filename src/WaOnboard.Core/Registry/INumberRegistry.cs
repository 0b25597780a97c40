using WaOnboard.Packets;

namespace WaOnboard.Registry;

/// <summary>A number this installation has onboarded, and for which business.</summary>
/// <param name="E164">The number in E.164.</param>
/// <param name="BusinessId">The Facebook Business Manager ID, or empty when the packet had none.</param>
/// <param name="VerifiedName">The verified name the number was onboarded under.</param>
/// <param name="RecordedAt">When the packet was recorded.</param>
/// <param name="RecordedBy">The name of the API key that recorded it; empty when recorded without one.</param>
public sealed record OnboardedNumber(string E164, string BusinessId, string VerifiedName, DateTimeOffset RecordedAt, string RecordedBy = "")
{
    /// <summary>
    /// True when <paramref name="applicant"/> is the same business: the same Business ID; where neither has one (as in some providers'
    /// packets), the same key recorded it. A verified name proves nothing: anyone can type it.
    /// </summary>
    public bool IsSameBusinessAs(OnboardedNumber applicant)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        if (BusinessId.Length > 0 || applicant.BusinessId.Length > 0)
        {
            return BusinessId == applicant.BusinessId;
        }
        return RecordedBy.Length > 0 && RecordedBy == applicant.RecordedBy;
    }

    /// <summary>The business a packet speaks for (its Business ID and verified name), as the registry records it.</summary>
    public static OnboardedNumber Applicant(Packet packet, string e164, DateTimeOffset recordedAt, string recordedBy = "")
    {
        ArgumentNullException.ThrowIfNull(packet);
        return new OnboardedNumber(e164, packet.Business.FacebookBusinessId ?? "", packet.Business.VerifiedName ?? "", recordedAt, recordedBy);
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

/// <summary>The outcome of a recording, and the record that holds the number now.</summary>
/// <param name="Outcome">Recorded, already recorded by the same business, or held by another.</param>
/// <param name="Holder">The record of the number after the call.</param>
public readonly record struct RecordResult(RecordOutcome Outcome, OnboardedNumber Holder);

/// <summary>Why, when and by whom a number was removed from the registry: the audit row kept for every removal.</summary>
/// <param name="RemovedBy">The name of the admin key, or the operator of the command line.</param>
/// <param name="Reason">Why it was removed, as given.</param>
/// <param name="RemovedAt">When.</param>
public sealed record NumberRemoval(string RemovedBy, string Reason, DateTimeOffset RemovedAt);

/// <summary>The numbers this installation has onboarded: a number never goes to two businesses.</summary>
public interface INumberRegistry
{
    /// <summary>The record of a number, or null when it is not onboarded here.</summary>
    ValueTask<OnboardedNumber?> FindAsync(string e164, CancellationToken cancellationToken = default);

    /// <summary>Records a number atomically; when it is already held, returns who holds it and changes nothing.</summary>
    ValueTask<RecordResult> RecordAsync(OnboardedNumber number, CancellationToken cancellationToken = default);

    /// <summary>Removes a number's record and keeps an audit row of the removal; returns the removed record, or null when there was none.</summary>
    ValueTask<OnboardedNumber?> RemoveAsync(string e164, NumberRemoval removal, CancellationToken cancellationToken = default);
}
