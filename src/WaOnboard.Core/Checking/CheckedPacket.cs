using WaOnboard.Findings;
using WaOnboard.Images;
using WaOnboard.Packets;
using WaOnboard.Phone;
using WaOnboard.Profiles;
using WaOnboard.Registry;

namespace WaOnboard.Checking;

/// <summary>
/// A packet checked once: what every consumer (checklists, snippets, the registry, the command line, the API) works
/// from, so that none of them reads the packet tree or inspects the number again.
/// </summary>
/// <param name="Document">The packet as read from its file, with where each value came from.</param>
/// <param name="Report">The verdict: every finding of the load and of the profile's rules.</param>
/// <param name="Profile">The provider profile whose rules ran.</param>
/// <param name="Phone">What is known of <c>phone.number</c>; null when the packet gives none.</param>
/// <param name="Avatar">What the inspector learnt of the profile picture; null when no rule looked at it.</param>
/// <param name="Registry">The registry's answer for the number; null without a registry or a valid number.</param>
public sealed record CheckedPacket(
    PacketDocument Document,
    ValidationReport Report,
    ProviderProfile Profile,
    PhoneNumberInfo? Phone,
    ImageInspection? Avatar,
    RegistryAnswer? Registry)
{
    /// <summary>The packet as typed values.</summary>
    public Packet Packet => Document.Packet;

    /// <summary>The number in E.164 when it is valid; null otherwise.</summary>
    public string? E164 => Phone is { Valid: true, E164: { } e164 } ? e164 : null;

    /// <summary>The default profile's rate card: WhatsApp's rates when the provider's folder has none (never its fees).</summary>
    public Pricing.RateCard DefaultRates { get; init; } = Pricing.RateCard.Empty;

    /// <summary>
    /// The monthly cost estimate of the packet's <c>estimate</c>; null when it has none. WhatsApp's rates come from
    /// <paramref name="rates"/> when given, else from the profile's card, else the default profile's; fees only ever
    /// from <paramref name="rates"/> or the profile's own card.
    /// </summary>
    public Pricing.MessageEstimate? Estimate(Pricing.RateCard? rates, DateOnly today) => rates is not null
        ? Pricing.MessageEstimate.For(Packet, [rates], rates, today)
        : Pricing.MessageEstimate.For(Packet, [Profile.RateCard, DefaultRates], Profile.RateCard, today);
}
