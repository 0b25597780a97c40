namespace WaOnboard.Benchmarks.OwnPhone;

/// <summary>The plans that share one calling code (+1 has 25 regions, +44 four), and how a number picks among them.</summary>
internal sealed class CallingCodePlans
{
    private readonly NumberingPlan[] plans;

    // Each region's leading digits, compiled on first use; null for regions without (US, CA).
    // One alternation with a named group per region was tried: a Match with 23 groups allocated 2.4 KB
    // and ran slower than these small anchored IsMatch calls, which allocate nothing.
    private readonly LazyRegex?[] leadingDigits;

    public CallingCodePlans(NumberingPlan[] plans)
    {
        this.plans = plans;
        leadingDigits = [.. plans.Select(plan => LazyRegex.Prefix(plan.LeadingDigits))];
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

        // In libphonenumber's order: the first region whose leading digits fit or, lacking those, whose patterns do.
        for (var i = 0; i < plans.Length; i++)
        {
            var fits = leadingDigits[i] is { } leading
                ? nationalNumber.Length > 0 && leading.Value.IsMatch(nationalNumber)
                : plans[i].TypeOf(nationalNumber) is not null;
            if (fits)
            {
                return plans[i];
            }
        }

        return null;
    }
}
