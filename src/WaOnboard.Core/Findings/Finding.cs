using System.Text.Json.Serialization;

namespace WaOnboard.Findings;

/// <summary>How serious a finding is: only errors make a packet invalid.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Severity>))]
public enum Severity
{
    /// <summary>Something worth knowing; never blocks.</summary>
    [JsonStringEnumMemberName("info")]
    Info,

    /// <summary>Something to confirm or fix before submission; does not make the packet invalid.</summary>
    [JsonStringEnumMemberName("warning")]
    Warning,

    /// <summary>The provider or WhatsApp will reject this: the packet is not valid.</summary>
    [JsonStringEnumMemberName("error")]
    Error,
}

/// <summary>One result of checking a packet: which rule, how serious, which field, and what to do.</summary>
/// <param name="RuleId">Stable identifier of the rule; never changes meaning once released.</param>
/// <param name="Severity">How serious the finding is.</param>
/// <param name="Path">The field, in the packet's own names (<c>hsm[0].translations[1].body</c>); empty for the file as a whole.</param>
/// <param name="Message">What is wrong, naming the field and the value.</param>
/// <param name="Help">What to do about it.</param>
public sealed record Finding(string RuleId, Severity Severity, string Path, string Message, string? Help)
{
    /// <summary>Line in the packet file (1-based), when known.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Line { get; init; }

    /// <summary>Column in the packet file (1-based), when known.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Column { get; init; }

    /// <summary>The file the finding is in when it is not the packet file (a <c>wa-onboard.yaml</c>), relative to the current directory.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? File { get; init; }

    /// <summary>True when a suppression or the baseline accepts this finding: it is reported, but does not count.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Suppressed => Suppression is not null;

    /// <summary>Why the finding is accepted, when it is; null otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Suppression? Suppression { get; init; }

    /// <summary>What the check derived and relied on (the number's classification, the avatar's inspection); in memory only, not part of the report format.</summary>
    [JsonIgnore]
    public FindingFacts? Facts { get; init; }
}

/// <summary>Where a suppression comes from, as SARIF names it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SuppressionKind>))]
public enum SuppressionKind
{
    /// <summary>A suppression in the repository's <c>wa-onboard.yaml</c>.</summary>
    [JsonStringEnumMemberName("inSource")]
    InSource,

    /// <summary>A baseline file given on the command line.</summary>
    [JsonStringEnumMemberName("external")]
    External,
}

/// <summary>Why a finding is accepted: a suppression in <c>wa-onboard.yaml</c> or the baseline.</summary>
/// <param name="Kind">Where the suppression comes from.</param>
/// <param name="Reason">The justification written with it (<c>baseline</c> for the baseline).</param>
public sealed record Suppression(SuppressionKind Kind, string Reason);
