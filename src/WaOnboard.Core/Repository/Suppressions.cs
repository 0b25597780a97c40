using WaOnboard.Findings;

namespace WaOnboard.Repository;

/// <summary>A packet's report with its file and the configuration that governs it.</summary>
/// <param name="Report">The report.</param>
/// <param name="FullPath">The packet file's full path.</param>
/// <param name="Config">The nearest <c>wa-onboard.yaml</c>, or null.</param>
public sealed record ConfiguredReport(ValidationReport Report, string FullPath, RepositoryConfig? Config);

/// <summary>Applies the suppressions of <c>wa-onboard.yaml</c> to finished reports: accepted findings are marked, never dropped.</summary>
/// <remarks>
/// Problems with the suppressions themselves are warnings about the configuration file (its path in <see cref="Finding.File"/>),
/// added to the first report it governs: a suppression without a reason or past its <c>until</c> date does not apply, and one
/// that matched nothing (in a run that checked a packet it covers) should be deleted, as ESLint reports unused directives.
/// </remarks>
public sealed class Suppressions(DateOnly today, string currentDirectory)
{
    /// <summary>The rule id of a suppression that gives no reason.</summary>
    public const string ReasonMissing = "suppression-reason-missing";

    /// <summary>The rule id of a suppression past its <c>until</c> date.</summary>
    public const string Expired = "suppression-expired";

    /// <summary>The rule id of a suppression that matched no finding.</summary>
    public const string Unused = "suppression-unused";

    /// <summary>The rule ids of findings about suppressions, with their titles, for the rule lists of the CI formats.</summary>
    public static readonly IReadOnlyList<(string Id, string Title)> Rules =
    [
        (ReasonMissing, "A suppression in wa-onboard.yaml gives its reason"),
        (Expired, "A suppression in wa-onboard.yaml is past its until date"),
        (Unused, "A suppression in wa-onboard.yaml matches a finding"),
    ];

    private readonly Dictionary<string, string?> _configFiles = [];
    private readonly Dictionary<string, RepositoryConfig?> _configs = [];

    /// <summary>The configuration that governs a packet file (cached per folder); a broken file adds <c>file:line</c> lines to <paramref name="errors"/>.</summary>
    public RepositoryConfig? ConfigFor(string packetFullPath, List<string> errors)
    {
        var folder = Path.GetDirectoryName(packetFullPath)!;
        if (!_configFiles.TryGetValue(folder, out var file))
        {
            file = RepositoryConfig.Find(folder);
            _configFiles[folder] = file;
        }
        if (file is null)
        {
            return null;
        }
        if (!_configs.TryGetValue(file, out var config))
        {
            config = RepositoryConfig.Load(file, Shown(file), errors);
            _configs[file] = config;
        }
        return config;
    }

    /// <summary>The reports with accepted findings marked, and the findings about the suppressions added.</summary>
    public IReadOnlyList<ValidationReport> Apply(IReadOnlyList<ConfiguredReport> packets)
    {
        var used = new HashSet<SuppressionEntry>();
        var covering = new HashSet<SuppressionEntry>();
        var results = new List<List<Finding>>();
        foreach (var packet in packets)
        {
            var findings = new List<Finding>(packet.Report.Findings.Count);
            var active = packet.Config is { } config
                ? config.Suppressions.Where(s => s.Reason is not null && !IsExpired(s) && Covers(s, config, packet.FullPath)).ToList()
                : [];
            covering.UnionWith(active);
            foreach (var finding in packet.Report.Findings)
            {
                var match = finding.Suppression is null
                    ? active.FirstOrDefault(s => s.Rule == finding.RuleId && (s.Path is null || s.Path.IsMatch(finding.Path)))
                    : null;
                if (match is null)
                {
                    findings.Add(finding);
                    continue;
                }
                used.Add(match);
                findings.Add(finding with { Suppression = new Suppression(SuppressionKind.InSource, match.Reason!) });
            }
            results.Add(findings);
        }
        var reported = new HashSet<RepositoryConfig>();
        for (var i = 0; i < packets.Count; i++)
        {
            if (packets[i].Config is { } config && reported.Add(config))
            {
                results[i].AddRange(config.Suppressions.Select(s => Problem(s, config, used, covering)).OfType<Finding>());
            }
        }
        return [.. packets.Select((p, i) => p.Report.WithFindings(results[i]))];
    }

    private bool IsExpired(SuppressionEntry suppression) => suppression.Until is { } until && until < today;

    private static bool Covers(SuppressionEntry suppression, RepositoryConfig config, string packetFullPath)
    {
        if (suppression.Packets is null)
        {
            return true;
        }
        var file = Path.GetRelativePath(config.Folder, packetFullPath);
        return suppression.Packets.IsMatch(file) || suppression.Packets.IsMatch(Path.GetDirectoryName(file) ?? "");
    }

    private Finding? Problem(SuppressionEntry s, RepositoryConfig config, HashSet<SuppressionEntry> used, HashSet<SuppressionEntry> covering)
    {
        var where = $"suppressions[{s.Index}]";
        var (id, message, help) = s switch
        {
            { Reason: null } => (ReasonMissing, $"The suppression of '{s.Rule}' gives no reason; it does not apply.",
                "Write why the finding is accepted in reason: reviewers and auditors read it."),
            _ when IsExpired(s) => (Expired, $"The suppression of '{s.Rule}' ended on {s.Until:yyyy-MM-dd}; its findings count again.",
                "Fix the findings, or set a later until date with a reason that still holds."),
            _ when covering.Contains(s) && !used.Contains(s) => (Unused, $"The suppression of '{s.Rule}' matched no finding; it can be deleted.",
                "Delete it, or correct its rule, path or packets."),
            _ => (null, null, null),
        };
        return id is null ? null : new Finding(id, Severity.Warning, where, message!, help)
        {
            File = Shown(config.FullPath),
            Line = s.Line,
            Column = s.Column,
        };
    }

    private string Shown(string fullPath) => Path.GetRelativePath(currentDirectory, fullPath).Replace('\\', '/');
}
