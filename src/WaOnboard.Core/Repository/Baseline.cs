using System.Text.Json;
using System.Text.Json.Serialization;
using WaOnboard.Findings;
using WaOnboard.Reports;

namespace WaOnboard.Repository;

/// <summary>A baseline: the fingerprints of findings accepted when it was written; they are reported as suppressed, and only new ones fail.</summary>
public sealed class Baseline
{
    /// <summary>The justification of a finding the baseline accepts.</summary>
    public const string Justification = "baseline";

    private readonly HashSet<string> _fingerprints;

    private Baseline(HashSet<string> fingerprints) => _fingerprints = fingerprints;

    /// <summary>How many findings the baseline accepts.</summary>
    public int Count => _fingerprints.Count;

    /// <summary>Reads a baseline file; null (with one line in <paramref name="error"/>) when it is missing or not a baseline.</summary>
    public static Baseline? Load(string path, out string? error)
    {
        error = null;
        try
        {
            if (new FileInfo(path).Length > 64L * 1024 * 1024)
            {
                error = $"the baseline '{path}' is over 64 MiB";
                return null;
            }
            var file = JsonSerializer.Deserialize(File.ReadAllBytes(path), BaselineJsonContext.Default.BaselineFile);
            if (file?.Findings is null || file.Version != 1)
            {
                error = $"'{path}' is not a wa-onboard baseline (version 1)";
                return null;
            }
            return new Baseline([.. file.Findings.Select(f => f.Fingerprint)]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"cannot read the baseline '{path}': {e.Message}";
            return null;
        }
        catch (JsonException e)
        {
            error = $"'{path}' is not a wa-onboard baseline: {e.Message}";
            return null;
        }
    }

    /// <summary>Records the findings of the packets that are not already suppressed, by fingerprint, in a stable order.</summary>
    public static string Write(IReadOnlyList<ReportedPacket> packets)
    {
        var entries = packets
            .SelectMany(p => p.Report.Findings.Where(f => f.Suppression is null).Select(f => new BaselineEntry(p.Fingerprint(f), f.RuleId, p.RepositoryPathOf(f), f.Path)))
            .DistinctBy(e => e.Fingerprint)
            .OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.RuleId, StringComparer.Ordinal).ThenBy(e => e.Path, StringComparer.Ordinal)
            .ToList();
        return JsonSerializer.Serialize(new BaselineFile(1, entries), BaselineJsonContext.Default.BaselineFile) + "\n";
    }

    /// <summary>The report with the findings the baseline holds marked as suppressed (kind external).</summary>
    public ValidationReport Apply(ReportedPacket packet)
    {
        var findings = packet.Report.Findings
            .Select(f => f.Suppression is null && _fingerprints.Contains(packet.Fingerprint(f)) ? f with { Suppression = new Suppression(SuppressionKind.External, Justification) } : f)
            .ToList();
        return packet.Report.WithFindings(findings);
    }
}

/// <summary>The baseline file: a version and the accepted findings.</summary>
/// <param name="Version">1.</param>
/// <param name="Findings">The accepted findings.</param>
public sealed record BaselineFile(int Version, IReadOnlyList<BaselineEntry> Findings);

/// <summary>One accepted finding: its fingerprint, and for people reading the file, its rule, file and field.</summary>
/// <param name="Fingerprint">What is matched.</param>
/// <param name="RuleId">The rule.</param>
/// <param name="File">The file, relative to the repository root.</param>
/// <param name="Path">The field.</param>
public sealed record BaselineEntry(string Fingerprint, string RuleId, string File, string Path);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(BaselineFile))]
internal sealed partial class BaselineJsonContext : JsonSerializerContext;
