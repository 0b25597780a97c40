extern alias LibPhoneNumber;

using BenchmarkDotNet.Attributes;
using WaOnboard.Phone;
using Library = LibPhoneNumber::PhoneNumbers.PhoneNumberUtil;

namespace WaOnboard.Benchmarks;

/// <summary>One number inspected end to end, with the plans already loaded (the steady state of a run).</summary>
[MemoryDiagnoser]
[MedianColumn]
public class PhoneBenchmarks
{
    private const string FrenchMobileNumber = "+33 6 12 34 56 78";

    // +1 340 is the US Virgin Islands, the last of the 25 regions of +1 in libphonenumber's list, which both the
    // own module and the library walk to find a number's region: the slowest +1 region.
    private const string LastRegionOfPlusOne = "+1 340-998-7745";

    private static readonly Library Util = Library.GetInstance();

    [GlobalSetup]
    public void LoadTheRegionsUsed()
    {
        OwnFrenchMobile();
        OwnLastRegionOfPlusOne();
        FrenchMobile();
        UsNumberOnSharedCountryCode();
        LastRegionOnSharedCountryCode();
        NationalNumberWithRegion();
        BritishFixedLine();
        TooShort();
        LibraryFrenchMobile();
        LibraryLastRegionOfPlusOne();
        FrenchMobileWithFormatsAndRegionName();
    }

    /// <summary>Before: main's own module (parse, validity, type), kept in this project for the comparison.</summary>
    [Benchmark(Baseline = true)]
    public bool OwnFrenchMobile() => OwnPhone.PhoneNumbers.Inspect(FrenchMobileNumber).Valid;

    [Benchmark]
    public bool OwnLastRegionOfPlusOne() => OwnPhone.PhoneNumbers.Inspect(LastRegionOfPlusOne).Valid;

    /// <summary>libphonenumber-csharp alone: parse, validity, type.</summary>
    [Benchmark]
    public LibPhoneNumber::PhoneNumbers.PhoneNumberType LibraryFrenchMobile() => ParseValidType(FrenchMobileNumber);

    [Benchmark]
    public LibPhoneNumber::PhoneNumbers.PhoneNumberType LibraryLastRegionOfPlusOne() => ParseValidType(LastRegionOfPlusOne);

    /// <summary>After: the adapter (notation policy, parse, validity, type, E.164, both formats, region name).</summary>
    [Benchmark]
    public PhoneNumberInfo FrenchMobile() => PhoneNumbers.Inspect(FrenchMobileNumber);

    [Benchmark]
    public PhoneNumberInfo LastRegionOnSharedCountryCode() => PhoneNumbers.Inspect(LastRegionOfPlusOne);

    /// <summary>What the formats and the region's name cost on top, worked out when asked for (a checklist asks).</summary>
    [Benchmark]
    public int FrenchMobileWithFormatsAndRegionName()
    {
        var number = PhoneNumbers.Inspect(FrenchMobileNumber);
        return number.NationalFormat!.Length + number.InternationalFormat!.Length + number.RegionName!.Length;
    }

    [Benchmark]
    public PhoneNumberInfo UsNumberOnSharedCountryCode() => PhoneNumbers.Inspect("+1 (201) 555-0123");

    [Benchmark]
    public PhoneNumberInfo NationalNumberWithRegion() => PhoneNumbers.Inspect("06 12 34 56 78", "FR");

    [Benchmark]
    public PhoneNumberInfo BritishFixedLine() => PhoneNumbers.Inspect("+44 20 7946 0018");

    [Benchmark]
    public PhoneNumberInfo TooShort() => PhoneNumbers.Inspect("+33 6 12 34 56 7");

    private static LibPhoneNumber::PhoneNumbers.PhoneNumberType ParseValidType(string text)
    {
        var number = Util.Parse(text, null);
        return Util.IsValidNumber(number) ? Util.GetNumberType(number) : LibPhoneNumber::PhoneNumbers.PhoneNumberType.UNKNOWN;
    }
}
