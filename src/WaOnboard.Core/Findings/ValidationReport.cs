using System.Text.Json.Serialization;

namespace WaOnboard.Findings;

/// <summary>Counts of findings by severity; suppressed findings are counted apart.</summary>
public sealed record Summary(int Errors, int Warnings, int Infos)
{
    /// <summary>Findings accepted by a suppression or the baseline (not in the other counts).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Suppressed { get; init; }
}

/// <summary>The verdict on one packet: the report of <c>validate --format json</c>.</summary>
public sealed class ValidationReport
{
    /// <summary>Creates a report and derives its summary and verdict from the findings.</summary>
    public ValidationReport(string packet, string profile, IReadOnlyList<Finding> findings)
        : this(packet, profile, findings, null)
    {
    }

    /// <summary>Creates a report whose summary also counts findings that were not listed (the last finding says how many).</summary>
    internal ValidationReport(string packet, string profile, IReadOnlyList<Finding> findings, Summary? unlisted)
    {
        Packet = packet;
        Profile = profile;
        Findings = findings;
        _unlisted = unlisted;
        int errors = 0, warnings = 0, infos = 0, suppressed = 0;
        foreach (var finding in findings)
        {
            if (finding.Suppression is not null)
            {
                suppressed++;
                continue;
            }
            switch (finding.Severity)
            {
                case Severity.Error: errors++; break;
                case Severity.Warning: warnings++; break;
                default: infos++; break;
            }
        }
        // The finding that counts the unlisted ones stands for them: it is not counted itself.
        Summary = (unlisted is null
            ? new Summary(errors, warnings, infos)
            : new Summary(errors + unlisted.Errors - (unlisted.Errors > 0 ? 1 : 0),
                warnings + unlisted.Warnings - (unlisted.Errors == 0 && unlisted.Warnings > 0 ? 1 : 0),
                infos + unlisted.Infos - (unlisted.Errors == 0 && unlisted.Warnings == 0 ? 1 : 0))) with
        { Suppressed = suppressed };
    }

    private readonly Summary? _unlisted;

    /// <summary>The same report with other findings (translated, suppressed), still counting the findings that were not listed.</summary>
    public ValidationReport WithFindings(IReadOnlyList<Finding> findings) => new(Packet, Profile, findings, _unlisted);

    /// <summary>The packet as the user named it (a path, or a label such as <c>request</c>).</summary>
    public string Packet { get; }

    /// <summary>The provider profile whose rules ran.</summary>
    public string Profile { get; }

    /// <summary>True when no finding is an error (suppressed findings aside).</summary>
    public bool Valid => Summary.Errors == 0;

    /// <summary>Counts of findings by severity.</summary>
    public Summary Summary { get; }

    /// <summary>Every finding, file-level ones first, then in rule-set order.</summary>
    public IReadOnlyList<Finding> Findings { get; }
}
