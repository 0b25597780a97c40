namespace WaOnboard.Benchmarks.OwnPhone;

/// <summary>The type of a number in its country's numbering plan, as libphonenumber classifies it.</summary>
internal enum PhoneNumberType
{
    /// <summary>A landline.</summary>
    FixedLine,

    /// <summary>A mobile number.</summary>
    Mobile,

    /// <summary>A number the plan does not tell apart (as in the United States).</summary>
    FixedLineOrMobile,

    /// <summary>Free to the caller.</summary>
    TollFree,

    /// <summary>Charged above the normal rate.</summary>
    PremiumRate,

    /// <summary>Cost shared between caller and recipient.</summary>
    SharedCost,

    /// <summary>Voice over IP.</summary>
    Voip,

    /// <summary>A personal number that forwards elsewhere.</summary>
    PersonalNumber,

    /// <summary>A pager.</summary>
    Pager,

    /// <summary>A universal access number (a company's single number).</summary>
    Uan,

    /// <summary>A voicemail access number.</summary>
    Voicemail,

    /// <summary>Not a valid number, or of no known type.</summary>
    Unknown,
}

/// <summary>The names of number types in reports and on the command line.</summary>
internal static class PhoneNumberTypeNames
{
    /// <summary>The spec's name of a type: <c>fixed-line</c>, <c>mobile</c>, <c>toll-free</c>, ...</summary>
    public static string Name(this PhoneNumberType type) => type switch
    {
        PhoneNumberType.FixedLine => "fixed-line",
        PhoneNumberType.Mobile => "mobile",
        PhoneNumberType.FixedLineOrMobile => "fixed-line-or-mobile",
        PhoneNumberType.TollFree => "toll-free",
        PhoneNumberType.PremiumRate => "premium-rate",
        PhoneNumberType.SharedCost => "shared-cost",
        PhoneNumberType.Voip => "voip",
        PhoneNumberType.PersonalNumber => "personal-number",
        PhoneNumberType.Pager => "pager",
        PhoneNumberType.Uan => "uan",
        PhoneNumberType.Voicemail => "voicemail",
        _ => "unknown",
    };
}
