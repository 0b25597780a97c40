using WaOnboard.Packets;
using WaOnboard.Phone;
using WaOnboard.Registry;
using WaOnboard.Rules;

namespace WaOnboard.Checking;

/// <summary>Checks packets once: inspects the number, asks the registry, runs the profile's rules, and keeps what each learnt.</summary>
/// <param name="rules">The profiles and their compiled rules.</param>
/// <param name="registry">The numbers already onboarded here; null to skip that check.</param>
/// <param name="time">The clock of the applicant's record; the system clock when null.</param>
public sealed class PacketChecker(RuleSet rules, INumberRegistry? registry = null, TimeProvider? time = null)
{
    /// <summary>The profiles and their compiled rules.</summary>
    public RuleSet Rules { get; } = rules;

    /// <summary>
    /// Checks a packet with its provider's profile, or with <paramref name="profile"/> when given, for a
    /// <paramref name="caller"/> (anonymous when null: findings never name another business). Never throws on bad input.
    /// </summary>
    public ValueTask<CheckedPacket> CheckAsync(PacketDocument document, string? profile = null, RegistryCaller? caller = null, CancellationToken cancellationToken = default) =>
        CheckAsync(document, profile, "en", caller, cancellationToken);

    /// <summary>Checks a packet, with the findings' message and help in <paramref name="language"/> (<c>en</c> or <c>fr</c>). Never throws on bad input.</summary>
    public async ValueTask<CheckedPacket> CheckAsync(PacketDocument document, string? profile, string language, RegistryCaller? caller = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var packet = document.Packet;
        var phone = packet.Phone.Number is { } number ? PhoneNumbers.Inspect(number) : null;
        RegistryAnswer? answer = null;
        if (registry is not null && phone is { Valid: true, E164: { } e164 })
        {
            // Asked once, before the rules run: the rules get the answer as data and never wait on a database.
            answer = await RegistryAnswer.AskAsync(registry, packet, e164, caller ?? RegistryCaller.Anonymous, (time ?? TimeProvider.System).GetUtcNow(), cancellationToken);
        }
        var (report, avatar) = Rules.Run(document, new ValidationOptions { Profile = profile, Phone = phone, Registry = answer, Language = language });
        if (language != "en")
        {
            report = report.WithFindings([.. report.Findings.Select(f => FileFindingTexts.In(f, language))]);
        }
        return new CheckedPacket(document, report, Rules.Find(report.Profile) ?? Rules.Default, phone, avatar, answer)
        {
            DefaultRates = Rules.Default.RateCard,
        };
    }
}
