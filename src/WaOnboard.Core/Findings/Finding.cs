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
}
