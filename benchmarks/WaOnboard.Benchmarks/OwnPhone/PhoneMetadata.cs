using System.Text.Json;
using System.Text.Json.Serialization;

namespace WaOnboard.Benchmarks.OwnPhone;

/// <summary>The numbering plans of Phone/Data/phone-metadata.json, as the JSON holds them.</summary>
internal sealed class PhoneMetadataFile
{
    public required string Version { get; init; }

    public required Dictionary<string, string[]> CallingCodes { get; init; }

    public required Dictionary<string, PlanData> Regions { get; init; }

    public required Dictionary<string, PlanData> NonGeographic { get; init; }
}

/// <summary>One numbering plan: a region's, or a non-geographic calling code's (+800).</summary>
internal sealed class PlanData
{
    public required string CallingCode { get; init; }

    public string? InternationalPrefix { get; init; }

    public required string Pattern { get; init; }

    public required int[] Lengths { get; init; }

    public string? NationalPrefix { get; init; }

    public string? NationalPrefixForParsing { get; init; }

    public string? NationalPrefixTransformRule { get; init; }

    public string? LeadingDigits { get; init; }

    public Dictionary<string, TypeData> Types { get; init; } = [];
}

/// <summary>The pattern of one number type; lengths absent when they are the plan's.</summary>
internal sealed class TypeData
{
    public required string Pattern { get; init; }

    public int[]? Lengths { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PhoneMetadataFile))]
internal sealed partial class PhoneMetadataJsonContext : JsonSerializerContext;

/// <summary>All numbering plans, loaded once from the embedded data; regexes compile on first use per plan.</summary>
internal sealed class PhoneMetadata
{
    private const string ResourceName = "WaOnboard.Benchmarks.OwnPhone.phone-metadata.json";

    private static readonly Lazy<PhoneMetadata> Instance = new(Load);

    private readonly Dictionary<string, NumberingPlan> regions;
    private readonly Dictionary<string, CallingCodePlans> callingCodes;

    private PhoneMetadata(PhoneMetadataFile file)
    {
        Version = file.Version;
        regions = new(StringComparer.Ordinal);
        foreach (var (region, data) in file.Regions)
        {
            regions[region] = new NumberingPlan(region, data);
        }

        callingCodes = new(StringComparer.Ordinal);
        foreach (var (code, regionList) in file.CallingCodes)
        {
            callingCodes[code] = new CallingCodePlans([.. regionList.Select(region => regions[region])]);
        }

        foreach (var (code, data) in file.NonGeographic)
        {
            callingCodes[code] = new CallingCodePlans([new NumberingPlan(null, data)]);
        }
    }

    /// <summary>The metadata of the running process.</summary>
    public static PhoneMetadata Current => Instance.Value;

    /// <summary>The libphonenumber-js version the data comes from.</summary>
    public string Version { get; }

    /// <summary>The region's plan, or null when the region is unknown.</summary>
    public NumberingPlan? Region(string region) => regions.GetValueOrDefault(region);

    /// <summary>The plans of a calling code (one region, several, or a non-geographic plan for +800), or null when it is unknown.</summary>
    public CallingCodePlans? CallingCode(ReadOnlySpan<char> callingCode) =>
        callingCodes.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(callingCode, out var plans) ? plans : null;

    private static PhoneMetadata Load()
    {
        using var stream = typeof(PhoneMetadata).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The phone metadata resource {ResourceName} is missing from the assembly.");
        var file = JsonSerializer.Deserialize(stream, PhoneMetadataJsonContext.Default.PhoneMetadataFile)
            ?? throw new InvalidOperationException($"The phone metadata resource {ResourceName} is empty.");
        return new PhoneMetadata(file);
    }
}
