using System.Text.Json;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using WaOnboard.Phone;

namespace WaOnboard.Benchmarks;

/// <summary>One number inspected end to end, with the plans' regexes already compiled (the steady state of a run).</summary>
[MemoryDiagnoser]
[MedianColumn]
public class PhoneBenchmarks
{
    [GlobalSetup]
    public void CompileTheRegionsUsed()
    {
        // The first call per region compiles its patterns; that one-off cost is PhoneRegexBenchmarks' Construct.
        FrenchMobile();
        UsNumberOnSharedCountryCode();
        LastRegionOnSharedCountryCode();
        NationalNumberWithRegion();
        BritishFixedLine();
        TooShort();
    }

    [Benchmark(Baseline = true)]
    public PhoneNumberInfo FrenchMobile() => PhoneNumbers.Inspect("+33 6 12 34 56 78");

    [Benchmark]
    public PhoneNumberInfo UsNumberOnSharedCountryCode() => PhoneNumbers.Inspect("+1 (201) 555-0123");

    // +1 340 is the US Virgin Islands, the last of the 25 regions of +1: the longest search by leading digits.
    [Benchmark]
    public PhoneNumberInfo LastRegionOnSharedCountryCode() => PhoneNumbers.Inspect("+1 340-998-7745");

    [Benchmark]
    public PhoneNumberInfo NationalNumberWithRegion() => PhoneNumbers.Inspect("06 12 34 56 78", "FR");

    [Benchmark]
    public PhoneNumberInfo BritishFixedLine() => PhoneNumbers.Inspect("+44 20 7946 0018");

    [Benchmark]
    public PhoneNumberInfo TooShort() => PhoneNumbers.Inspect("+33 6 12 34 56 7");
}

/// <summary>RegexOptions.Compiled against the interpreter, on the largest pattern in the data (GB fixed line).</summary>
[MemoryDiagnoser]
[MedianColumn]
public class PhoneRegexBenchmarks
{
    private string pattern = "";
    private Regex regex = null!;

    [Params(false, true)]
    public bool Compiled { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        using var stream = typeof(PhoneNumbers).Assembly.GetManifestResourceStream("WaOnboard.Phone.phone-metadata.json")!;
        var metadata = JsonSerializer.Deserialize(stream, PhoneMetadataJsonContext.Default.PhoneMetadataFile)!;
        pattern = $"^(?:{metadata.Regions["GB"].Types["fixed-line"].Pattern})\\z";
        regex = Construct();
    }

    [Benchmark]
    public bool Match() => regex.IsMatch("2079460018");

    [Benchmark]
    public Regex Construct() => new(pattern, RegexOptions.CultureInvariant | (Compiled ? RegexOptions.Compiled : RegexOptions.None));
}
