using System.Globalization;
using WaOnboard.Packets;
using WaOnboard.Profiles;

namespace WaOnboard.Checklists;

/// <summary>The monthly cost worked out as in the provider document's pricing example: sessions x (WhatsApp rate + provider fee).</summary>
/// <param name="Sessions">Sessions per month, from the packet's <c>estimate</c>.</param>
/// <param name="Country">Where the customers' numbers are (ISO 3166).</param>
/// <param name="Currency">Invoice currency (ISO 4217).</param>
/// <param name="Symbol">The currency's symbol.</param>
/// <param name="WhatsAppRate">WhatsApp's rate per session.</param>
/// <param name="Provider">Whose fee is added.</param>
/// <param name="ProviderFee">The provider's fee per session.</param>
/// <param name="Source">Where the rates come from.</param>
public sealed record CostEstimate(
    long Sessions, string Country, string Currency, string Symbol, decimal WhatsAppRate, string Provider, decimal ProviderFee, string Source)
{
    /// <summary>The WhatsApp charge for the month, in the invoice currency, rounded to cents.</summary>
    public decimal WhatsAppCharge => Round(Sessions * WhatsAppRate);

    /// <summary>The provider's charge for the month, rounded to cents.</summary>
    public decimal ProviderCharge => Round(Sessions * ProviderFee);

    /// <summary>The cost per month: sessions x (WhatsApp rate + provider fee), rounded to cents.</summary>
    public decimal Total => Round(Sessions * (WhatsAppRate + ProviderFee));

    /// <summary>Works out the estimate of a packet's <c>estimate</c> section with a profile's rates; null when it has none, or no rate fits (<paramref name="missingRate"/> says why).</summary>
    public static CostEstimate? For(Packet packet, ProviderProfile profile, out string? missingRate)
    {
        ArgumentNullException.ThrowIfNull(packet);
        ArgumentNullException.ThrowIfNull(profile);
        missingRate = null;
        var country = packet.Estimate.Country?.Trim().ToUpperInvariant();
        var currency = packet.Estimate.Currency?.Trim().ToUpperInvariant();
        if (packet.Estimate.SessionsPerMonth is not { } sessions || country is null || currency is null)
        {
            return null;
        }
        // The profile's own rates (or those of the profile it extends): a provider's fee is only ever shown for that provider.
        var rate = profile.Rates.FirstOrDefault(r => r.Country == country && r.Currency == currency);
        if (rate is null)
        {
            missingRate = country + "/" + currency;
            return null;
        }
        return new CostEstimate(sessions, country, currency, rate.Symbol,
            decimal.Parse(rate.WhatsAppRate, NumberStyles.Number, CultureInfo.InvariantCulture), rate.Provider,
            decimal.Parse(rate.ProviderFee, NumberStyles.Number, CultureInfo.InvariantCulture), rate.Source);
    }

    /// <summary>An amount as written in a language: <c>£31.00</c> in English, <c>31,00 £</c> in French.</summary>
    public string Format(decimal amount, string language)
    {
        var text = amount.ToString(CultureInfo.InvariantCulture);
        return language == "fr" ? text.Replace('.', ',') + "\u00A0" + Symbol : Symbol + text;
    }

    private static decimal Round(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);
}
