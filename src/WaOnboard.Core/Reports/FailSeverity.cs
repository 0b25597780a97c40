using WaOnboard.Findings;

namespace WaOnboard.Reports;

/// <summary>The least serious finding that fails a run (exit code 1), or none.</summary>
public enum FailSeverity
{
    /// <summary>Nothing fails the run; the report still lists everything.</summary>
    None,

    /// <summary>Any finding fails the run.</summary>
    Info,

    /// <summary>Warnings and errors fail the run.</summary>
    Warning,

    /// <summary>Only errors fail the run (the default).</summary>
    Error,
}

/// <summary>Which findings fail a run under a <see cref="FailSeverity"/>.</summary>
public static class FailPolicy
{
    /// <summary>The names accepted by <c>--fail-severity</c> and <c>failSeverity</c>.</summary>
    public static readonly IReadOnlyList<string> Names = ["error", "warning", "info", "none"];

    /// <summary>Reads <c>error</c>, <c>warning</c>, <c>info</c> or <c>none</c>; null for anything else.</summary>
    public static FailSeverity? Parse(string? text) => text switch
    {
        "error" => FailSeverity.Error,
        "warning" => FailSeverity.Warning,
        "info" => FailSeverity.Info,
        "none" => FailSeverity.None,
        _ => null,
    };

    /// <summary>True when this finding fails the run: not suppressed, and at least as serious as the threshold.</summary>
    public static bool Fails(Finding finding, FailSeverity threshold) =>
        finding.Suppression is null && threshold != FailSeverity.None && Rank(finding.Severity) >= (int)threshold;

    /// <summary>True when any finding of the report fails the run.</summary>
    public static bool Fails(ValidationReport report, FailSeverity threshold) => report.Findings.Any(f => Fails(f, threshold));

    private static int Rank(Severity severity) => severity switch
    {
        Severity.Error => (int)FailSeverity.Error,
        Severity.Warning => (int)FailSeverity.Warning,
        _ => (int)FailSeverity.Info,
    };
}
