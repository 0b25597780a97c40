using WaOnboard.Images;
using WaOnboard.Phone;
using WaOnboard.Registry;

namespace WaOnboard.Findings;

/// <summary>What a check derived from the packet and relied on for a finding; kept in memory for explanations, never written to a report.</summary>
/// <param name="Phone">The number's classification, for the phone checks and the registry's.</param>
/// <param name="Avatar">What the inspector learnt of the profile picture, for the avatar checks.</param>
/// <param name="Registry">The registry's answer for the number, for the check that it is not onboarded for another business.</param>
public sealed record FindingFacts(PhoneNumberInfo? Phone = null, ImageInspection? Avatar = null, RegistryAnswer? Registry = null);
