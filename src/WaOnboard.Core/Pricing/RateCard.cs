using System.Globalization;
using WaOnboard.Packets;

namespace WaOnboard.Pricing;

/// <summary>
/// A dated rate file (a profile folder's <c>rates.yaml</c>, or one given with <c>--rates</c>): WhatsApp's rates per
/// delivered message by recipient country, currency and category, and the provider's fees. Every figure is a
/// decimal written as text, so that no rate passes through a binary float.
/// </summary>
public sealed class RateCard
{
    /// <summary>The message categories WhatsApp prices, in the order the estimate lists them.</summary>
    public static readonly IReadOnlyList<string> Categories = ["marketing", "utility", "authentication", "service"];

    /// <summary>A card with no rates and no fees.</summary>
    public static readonly RateCard Empty = new("", null, "", [], []);

    internal RateCard(string file, DateOnly? effective, string source, IReadOnlyList<CountryRates> rates, IReadOnlyList<ProviderFee> fees)
    {
        File = file;
        Effective = effective;
        Source = source;
        Rates = rates;
        Fees = fees;
    }

    /// <summary>Where the card was read from.</summary>
    public string File { get; }

    /// <summary>The date the rates took effect; null when the file gives none.</summary>
    public DateOnly? Effective { get; }

    /// <summary>Where the rates come from.</summary>
    public string Source { get; }

    /// <summary>The rates, one line per country and currency.</summary>
    public IReadOnlyList<CountryRates> Rates { get; }

    /// <summary>The provider's fees.</summary>
    public IReadOnlyList<ProviderFee> Fees { get; }

    /// <summary>The rates for a country in a currency; null when the card has none.</summary>
    public CountryRates? For(string country, string currency) =>
        Rates.FirstOrDefault(r => r.Country.Equals(country, StringComparison.OrdinalIgnoreCase) && r.Currency.Equals(currency, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads a rate file. Never throws on bad content: <paramref name="errors"/> gets <c>file:line: what</c>.</summary>
    public static RateCard Parse(string file, ReadOnlySpan<byte> content, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var findings = new List<Findings.Finding>();
        var root = YamlPacketReader.Read(content, findings);
        foreach (var finding in findings.Where(f => f.Severity == Findings.Severity.Error))
        {
            errors.Add($"{file}:{finding.Line ?? 1}: {finding.Message}");
        }
        if (root is null)
        {
            return Empty;
        }
        DateOnly? effective = null;
        if (root["effective"] is ScalarNode { IsBlank: false } date)
        {
            if (DateOnly.TryParseExact(date.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                effective = day;
            }
            else
            {
                errors.Add($"{file}:{date.Line}: 'effective' must be a date written yyyy-mm-dd, not '{date.Text}'");
            }
        }
        else
        {
            errors.Add($"{file}:{root.Line}: the rate file needs 'effective', the date its rates took effect (yyyy-mm-dd)");
        }
        var source = root["source"] is ScalarNode { IsBlank: false } s ? s.Text : "";
        if (source.Length == 0)
        {
            errors.Add($"{file}:{root.Line}: the rate file needs 'source', where its rates come from");
        }
        var rates = new List<CountryRates>();
        foreach (var line in (root["rates"] as ListNode)?.Items ?? [])
        {
            if (line is not MapNode map)
            {
                errors.Add($"{file}:{line.Line}: each rate is a mapping with country, currency and a rate per category");
                continue;
            }
            var perCategory = new Dictionary<string, decimal>();
            var free = new Dictionary<string, long>();
            foreach (var category in Categories)
            {
                if (Amount(map, category, file, errors) is { } rate)
                {
                    perCategory[category] = rate;
                }
                if (map["free"] is MapNode freeMap && freeMap[category] is ScalarNode { IsBlank: false } f)
                {
                    if (long.TryParse(f.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                    {
                        free[category] = count;
                    }
                    else
                    {
                        errors.Add($"{file}:{f.Line}: free.{category} must be a whole number of messages, not '{f.Text}'");
                    }
                }
            }
            rates.Add(new CountryRates(Text(map, "country", file, errors), Text(map, "currency", file, errors),
                map["symbol"] is ScalarNode { IsBlank: false } sym ? sym.Text : null, perCategory, free));
        }
        var fees = new List<ProviderFee>();
        foreach (var line in (root["fees"] as ListNode)?.Items ?? [])
        {
            if (line is not MapNode map)
            {
                errors.Add($"{file}:{line.Line}: each fee is a mapping with name, currency, perMessage and source");
                continue;
            }
            fees.Add(new ProviderFee(Text(map, "name", file, errors), Text(map, "currency", file, errors),
                Amount(map, "perMessage", file, errors) ?? 0m, Text(map, "source", file, errors))
            {
                NameFr = map["nameFr"] is ScalarNode { IsBlank: false } fr ? fr.Text : null,
            });
        }
        return new RateCard(file, effective, source, rates, fees);
    }

    private static string Text(MapNode map, string key, string file, List<string> errors)
    {
        if (map[key] is ScalarNode { IsBlank: false } scalar)
        {
            return scalar.Text;
        }
        errors.Add($"{file}:{map.Line}: the line needs '{key}'");
        return "";
    }

    private static decimal? Amount(MapNode map, string key, string file, List<string> errors)
    {
        if (map[key] is not ScalarNode { IsBlank: false } scalar)
        {
            return null;
        }
        if (decimal.TryParse(scalar.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return amount;
        }
        errors.Add($"{file}:{scalar.Line}: '{key}' must be a decimal amount such as \"0.0250\", not '{scalar.Text}'");
        return null;
    }
}

/// <summary>WhatsApp's rates per delivered message for recipients in one country, billed in one currency.</summary>
/// <param name="Country">ISO 3166-1 alpha-2 code of the recipients' numbers.</param>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="Symbol">The currency's symbol, when the file gives one.</param>
/// <param name="PerMessage">The rate per delivered message, by category; a category without a rate is missing.</param>
/// <param name="FreePerMonth">Messages of a category not charged each month (the first service messages).</param>
public sealed record CountryRates(string Country, string Currency, string? Symbol,
    IReadOnlyDictionary<string, decimal> PerMessage, IReadOnlyDictionary<string, long> FreePerMonth);

/// <summary>A provider's fee per message, in one currency.</summary>
/// <param name="Name">What the fee is, as people read it (<c>transaction charge (2021)</c>).</param>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="PerMessage">The fee per message.</param>
/// <param name="Source">Where the figure comes from.</param>
public sealed record ProviderFee(string Name, string Currency, decimal PerMessage, string Source)
{
    /// <summary>The fee's name in French (<c>nameFr</c>), for French checklists; the name when not given.</summary>
    public string? NameFr { get; init; }
}
