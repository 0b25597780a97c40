using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using WaOnboard.Packets;

namespace WaOnboard.Pricing;

/// <summary>
/// The monthly cost of a packet's <c>estimate</c>: messages per category x WhatsApp's rate per delivered message
/// (since 2025-07-01), plus the provider's fees. Amounts are exact decimals and are rounded to the currency's minor
/// unit only when shown, so that the total is the rounded sum, not the sum of rounded lines.
/// </summary>
/// <param name="Currency">Invoice currency (ISO 4217).</param>
/// <param name="Country">Where the customers' numbers are (ISO 3166).</param>
/// <param name="Effective">The date the WhatsApp rates took effect; null when no rate was found.</param>
/// <param name="Lines">One line per category with messages.</param>
/// <param name="Fees">The provider's fees for the month.</param>
/// <param name="Warnings">What the reader must know before trusting the figures.</param>
/// <param name="Symbol">The currency's symbol, when the rate file gives one.</param>
/// <param name="Source">Where the WhatsApp rates come from.</param>
public sealed record MessageEstimate(
    string Currency,
    string Country,
    DateOnly? Effective,
    IReadOnlyList<EstimateLine> Lines,
    IReadOnlyList<FeeLine> Fees,
    IReadOnlyList<string> Warnings,
    string? Symbol,
    string Source)
{
    /// <summary>The exact total: every line with a rate, and every fee.</summary>
    public decimal ExactTotal => Lines.Sum(l => l.ExactAmount ?? 0m) + Fees.Sum(f => f.ExactAmount);

    /// <summary>The total, rounded to the currency's minor unit.</summary>
    public decimal Total => Money.Round(ExactTotal, Currency);

    /// <summary>Works out the estimate; null when the packet has no <c>estimate</c> to work from.</summary>
    /// <param name="packet">The packet.</param>
    /// <param name="cards">The rate cards to look in, nearest first (the profile's, then the default profile's).</param>
    /// <param name="fees">The card whose fees apply: the profile's own, never another provider's.</param>
    /// <param name="today">Today, to tell rates older than a year.</param>
    public static MessageEstimate? For(Packet packet, IReadOnlyList<RateCard> cards, RateCard fees, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(packet);
        ArgumentNullException.ThrowIfNull(cards);
        ArgumentNullException.ThrowIfNull(fees);
        var estimate = packet.Estimate;
        var country = estimate.Country?.Trim().ToUpperInvariant();
        var currency = estimate.Currency?.Trim().ToUpperInvariant();
        if (country is null || currency is null || (estimate.Messages.Count == 0 && estimate.SessionsPerMonth is null))
        {
            return null;
        }
        var warnings = new List<string>();
        if (estimate.SessionsPerMonth is not null)
        {
            warnings.Add("sessionsPerMonth is not counted: WhatsApp has charged per delivered template message since 2025-07-01; give messages per category.");
        }
        RateCard? card = null;
        CountryRates? rates = null;
        foreach (var candidate in cards)
        {
            if (candidate.For(country, currency) is { } found)
            {
                (card, rates) = (candidate, found);
                break;
            }
        }
        if (rates is null)
        {
            warnings.Add($"No WhatsApp rate for {country} in {currency}: the message lines have no amount. Give a rate file with --rates.");
        }
        else if (card!.Effective is { } effective && effective.AddYears(1) < today)
        {
            warnings.Add($"The rates took effect on {effective:yyyy-MM-dd}, more than a year ago: check them against a current rate card.");
        }
        if (card?.Effective is { } from && from < new DateOnly(2026, 10, 1) && estimate.Messages.GetValueOrDefault("service") > 0)
        {
            warnings.Add("Service messages are charged from 2026-10-01 (reported, not yet read on Meta's page); these rates predate that change.");
        }
        var lines = new List<EstimateLine>();
        foreach (var category in RateCard.Categories)
        {
            if (!estimate.Messages.TryGetValue(category, out var messages) || messages == 0)
            {
                continue;
            }
            decimal? rate = rates is not null && rates.PerMessage.TryGetValue(category, out var r) ? r : null;
            if (rates is not null && rate is null)
            {
                warnings.Add($"The rate file gives no {category} rate for {country} in {currency}.");
            }
            var charged = Math.Max(0, messages - (rates?.FreePerMonth.GetValueOrDefault(category) ?? 0));
            lines.Add(new EstimateLine(category, messages, rate, rate * charged, currency));
        }
        var feeLines = new List<FeeLine>();
        var total = estimate.Messages.Values.Sum();
        foreach (var fee in fees.Fees.Where(f => f.Currency.Equals(currency, StringComparison.OrdinalIgnoreCase)))
        {
            feeLines.Add(new FeeLine(fee.Name, fee.PerMessage * total, currency, fee.Source) { NameFr = fee.NameFr });
        }
        return new MessageEstimate(currency, country, card?.Effective, lines, feeLines, warnings, rates?.Symbol ?? Money.Symbol(currency), card?.Source ?? "");
    }

    /// <summary>An amount as written in a language: <c>£31.00</c> in English, <c>31,00 £</c> in French.</summary>
    public string Format(decimal amount, string language)
    {
        var text = Money.Round(amount, Currency).ToString("F" + Money.MinorDigits(Currency).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var symbol = Symbol ?? Currency;
        return language == "fr" ? text.Replace('.', ',') + "\u00A0" + symbol : Symbol is null ? text + " " + Currency : symbol + text;
    }

    /// <summary>A rate per message as written in a language, with all its decimals: <c>£0.0250</c>, <c>0,0250 £</c>.</summary>
    public string FormatRate(decimal rate, string language)
    {
        var text = rate.ToString(CultureInfo.InvariantCulture);
        var symbol = Symbol ?? Currency;
        return language == "fr" ? text.Replace('.', ',') + "\u00A0" + symbol : Symbol is null ? text + " " + Currency : symbol + text;
    }

    /// <summary>The JSON of <c>wa-onboard estimate --format json</c> and <c>POST /v1/estimate</c> (spec/packet.md).</summary>
    public string ToJson() => JsonSerializer.Serialize(ToDocument(), EstimateJsonContext.Default.EstimateDocument);

    /// <summary>The estimate as the document the JSON writes.</summary>
    public EstimateDocument ToDocument() => new(
        Currency,
        Total,
        Effective?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        [.. Lines.Select(l => new EstimateLineDocument(l.Category, l.Messages, l.Rate, l.ExactAmount is { } a ? Money.Round(a, Currency) : null))],
        [.. Fees.Select(f => new FeeDocument(f.Name, Money.Round(f.ExactAmount, Currency)))],
        Warnings);
}

/// <summary>One category of the month.</summary>
/// <param name="Category">marketing, utility, authentication or service.</param>
/// <param name="Messages">Messages per month.</param>
/// <param name="Rate">WhatsApp's rate per delivered message; null when the rate file has none.</param>
/// <param name="ExactAmount">The charge, unrounded; null without a rate.</param>
/// <param name="Currency">ISO 4217 code.</param>
public sealed record EstimateLine(string Category, long Messages, decimal? Rate, decimal? ExactAmount, string Currency);

/// <summary>A provider's fee for the month.</summary>
/// <param name="Name">The fee's name, with its date.</param>
/// <param name="ExactAmount">The fee, unrounded.</param>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="Source">Where the figure comes from.</param>
public sealed record FeeLine(string Name, decimal ExactAmount, string Currency, string Source)
{
    /// <summary>The fee's name in French, when the rate file gives one.</summary>
    public string? NameFr { get; init; }
}

/// <summary>The estimate's JSON document.</summary>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="Total">The total, rounded to the currency's minor unit.</param>
/// <param name="Effective">The rates' effective date (yyyy-mm-dd), or null.</param>
/// <param name="Lines">One line per category.</param>
/// <param name="Fees">The provider's fees.</param>
/// <param name="Warnings">What the reader must know.</param>
public sealed record EstimateDocument(
    string Currency, decimal Total, string? Effective, IReadOnlyList<EstimateLineDocument> Lines, IReadOnlyList<FeeDocument> Fees, IReadOnlyList<string> Warnings);

/// <summary>A line of the estimate's JSON.</summary>
/// <param name="Category">The category.</param>
/// <param name="Messages">Messages per month.</param>
/// <param name="Rate">Rate per message, or null.</param>
/// <param name="Amount">Rounded amount, or null.</param>
public sealed record EstimateLineDocument(string Category, long Messages, decimal? Rate, decimal? Amount);

/// <summary>A fee of the estimate's JSON.</summary>
/// <param name="Name">The fee's name.</param>
/// <param name="Amount">Rounded amount.</param>
public sealed record FeeDocument(string Name, decimal Amount);

/// <summary>Minor units of ISO 4217 currencies: most have 2 decimals; these are the exceptions that matter here.</summary>
internal static class Money
{
    private static readonly Dictionary<string, int> Exceptions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["JPY"] = 0,
        ["KRW"] = 0,
        ["CLP"] = 0,
        ["ISK"] = 0,
        ["VND"] = 0,
        ["XOF"] = 0,
        ["XAF"] = 0,
        ["UGX"] = 0,
        ["PYG"] = 0,
        ["BHD"] = 3,
        ["KWD"] = 3,
        ["OMR"] = 3,
        ["JOD"] = 3,
        ["TND"] = 3,
        ["IQD"] = 3,
        ["LYD"] = 3,
    };

    /// <summary>The symbol of the most common invoice currencies; null for the others, which are written by their code.</summary>
    public static string? Symbol(string currency) => currency.ToUpperInvariant() switch
    {
        "GBP" => "£",
        "USD" => "$",
        "EUR" => "€",
        "JPY" => "¥",
        "INR" => "₹",
        _ => null,
    };

    public static int MinorDigits(string currency) => Exceptions.TryGetValue(currency, out var digits) ? digits : 2;

    public static decimal Round(decimal amount, string currency) => decimal.Round(amount, MinorDigits(currency), MidpointRounding.AwayFromZero);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(EstimateDocument))]
internal sealed partial class EstimateJsonContext : JsonSerializerContext;
