namespace WaOnboard.Phone;

/// <summary>The plans that share one calling code (+1 has 25 regions, +44 four), and how a number picks among them.</summary>
internal sealed class CallingCodePlans
{
    private readonly NumberingPlan[] plans;

    // The leading digits of all regions in one alternation, each in a group named after its region's index:
    // one regex run instead of up to 23 (+1). The alternation tries its branches in order, so the first
    // group that matched is the first region whose leading digits fit. Null when no region has any.
    private readonly LazyRegex? leadingDigits;
    private readonly string?[] groupNames;

    public CallingCodePlans(NumberingPlan[] plans)
    {
        this.plans = plans;
        groupNames = [.. plans.Select((plan, index) => plan.LeadingDigits is null ? null : $"r{index}")];
        var branches = plans
            .Select((plan, index) => plan.LeadingDigits is null ? null : $"(?<{groupNames[index]}>{plan.LeadingDigits})")
            .OfType<string>()
            .ToArray();
        if (plans.Length > 1 && branches.Length > 0)
        {
            leadingDigits = LazyRegex.Prefix(string.Join('|', branches));
        }
    }

    /// <summary>The calling code's main plan: its first region (US for +1), or its non-geographic plan.</summary>
    public NumberingPlan Main => plans[0];

    /// <summary>The calling code without <c>+</c>.</summary>
    public string CallingCode => plans[0].CallingCode;

    /// <summary>The region a national number belongs to, as libphonenumber's getCountryByCallingCode: the only region of
    /// the code, or the first whose leading digits or, lacking those, type patterns fit; null for non-geographic codes.</summary>
    public NumberingPlan? RegionOf(string nationalNumber)
    {
        if (plans[0].Region is null)
        {
            return null;
        }

        if (plans.Length == 1)
        {
            return plans[0];
        }

        var firstByLeadingDigits = FirstByLeadingDigits(nationalNumber);
        // A region without leading digits that comes earlier wins when its patterns fit (US before AG, CA before DM).
        for (var i = 0; i < firstByLeadingDigits; i++)
        {
            if (plans[i].LeadingDigits is null && plans[i].TypeOf(nationalNumber) is not null)
            {
                return plans[i];
            }
        }

        return firstByLeadingDigits < plans.Length ? plans[firstByLeadingDigits] : null;
    }

    private int FirstByLeadingDigits(string nationalNumber)
    {
        if (leadingDigits is null || nationalNumber.Length == 0)
        {
            return plans.Length;
        }

        var match = leadingDigits.Value.Match(nationalNumber);
        if (match.Success)
        {
            for (var i = 0; i < plans.Length; i++)
            {
                if (groupNames[i] is { } name && match.Groups[name].Success)
                {
                    return i;
                }
            }
        }

        return plans.Length;
    }
}
