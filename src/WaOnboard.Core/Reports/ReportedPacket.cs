using System.Security.Cryptography;
using System.Text;
using WaOnboard.Findings;
using WaOnboard.Packets;
using WaOnboard.Rules;

namespace WaOnboard.Reports;

/// <summary>A rule as the CI formats describe it: what ran, how serious by default, and what to do.</summary>
/// <param name="Id">The stable rule id.</param>
/// <param name="Title">What the rule requires, in a few words.</param>
/// <param name="Severity">Its severity in the profile that ran.</param>
/// <param name="Help">What to do about a failure.</param>
/// <param name="Source">The passage of a seed document or WhatsApp fact it enforces.</param>
public sealed record RuleInfo(string Id, string Title, Severity Severity, string Help, string Source);

/// <summary>One packet's report with what the CI formats need: the packet file's paths, the rules that ran, and the threshold that fails it.</summary>
public sealed class ReportedPacket
{
    private readonly string _currentDirectory;
    private readonly string? _repositoryRoot;

    private ReportedPacket(ValidationReport report, string file, string fullPath, string currentDirectory, IReadOnlyList<RuleInfo> rules, FailSeverity threshold)
    {
        Report = report;
        File = file;
        FullPath = fullPath;
        _currentDirectory = currentDirectory;
        _repositoryRoot = RepositoryRoot(Path.GetDirectoryName(fullPath)!);
        RepositoryPath = RepositoryPathOf(fullPath);
        Rules = rules;
        Threshold = threshold;
    }

    /// <summary>The report, as the JSON format writes it.</summary>
    public ValidationReport Report { get; }

    /// <summary>The packet file, relative to the current directory, with forward slashes.</summary>
    public string File { get; }

    /// <summary>The packet file's full path.</summary>
    public string FullPath { get; }

    /// <summary>The packet file relative to the repository root (the nearest folder above it with <c>.git</c>), or <see cref="File"/> outside a repository.</summary>
    public string RepositoryPath { get; }

    /// <summary>Every rule that ran on the packet: the profile's rules, the loader's checks, and any other id a finding carries.</summary>
    public IReadOnlyList<RuleInfo> Rules { get; }

    /// <summary>The least serious finding that fails this packet.</summary>
    public FailSeverity Threshold { get; }

    /// <summary>True when a finding of the packet fails the run.</summary>
    public bool Fails => FailPolicy.Fails(Report, Threshold);

    /// <summary>The full path of the packet file a report names: the path itself, or the packet file of a packet folder.</summary>
    public static string PacketFile(string packet, string currentDirectory)
    {
        var full = Path.GetFullPath(packet, currentDirectory);
        return Directory.Exists(full)
            ? PacketLoader.PacketFileNames.Select(name => Path.Combine(full, name)).FirstOrDefault(System.IO.File.Exists) ?? full
            : full;
    }

    /// <summary>Describes a report for the CI formats, resolving a packet folder to its packet file.</summary>
    public static ReportedPacket Create(ValidationReport report, RuleSet ruleSet, string currentDirectory, FailSeverity threshold = FailSeverity.Error)
    {
        var full = PacketFile(report.Packet, currentDirectory);
        return new ReportedPacket(report, Slashes(Path.GetRelativePath(currentDirectory, full)), full, currentDirectory, RulesOf(report, ruleSet), threshold);
    }

    /// <summary>The same packet with another report (suppressions applied).</summary>
    public ReportedPacket With(ValidationReport report) => new(report, File, FullPath, _currentDirectory, Rules, Threshold);

    /// <summary>The nearest folder at or above <paramref name="folder"/> that holds <c>.git</c> (a folder, or a file in a worktree); null when none.</summary>
    public static string? RepositoryRoot(string folder)
    {
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            var git = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(git) || System.IO.File.Exists(git))
            {
                return dir.FullName;
            }
        }
        return null;
    }

    /// <summary>The file a finding is in (the packet file, or the configuration file it names), relative to the current directory.</summary>
    public string FileOf(Finding finding) => finding.File ?? File;

    /// <summary>The file a finding is in, relative to the repository root.</summary>
    public string RepositoryPathOf(Finding finding) => finding.File is { } file ? RepositoryPathOf(Path.GetFullPath(file, _currentDirectory)) : RepositoryPath;

    /// <summary>A fingerprint of a finding that survives unrelated edits: the rule, the field and the file, not the line or the message.</summary>
    public string Fingerprint(Finding finding)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{finding.RuleId}\n{finding.Path}\n{RepositoryPathOf(finding)}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    private string RepositoryPathOf(string fullPath) =>
        Slashes(_repositoryRoot is null ? Path.GetRelativePath(_currentDirectory, fullPath) : Path.GetRelativePath(_repositoryRoot, fullPath));

    private static List<RuleInfo> RulesOf(ValidationReport report, RuleSet ruleSet)
    {
        var rules = ruleSet.RulesFor(report.Profile).Select(r => new RuleInfo(r.Id, r.Title, r.Severity, r.Help, r.Source)).ToList();
        var seen = rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        // The loader's checks run on every packet that could be read; the unreadable packet never reaches a report.
        foreach (var (id, severity, title) in RuleDocs.LoaderFindings)
        {
            if (id != "packet-unreadable" && seen.Add(id))
            {
                rules.Add(new RuleInfo(id, title, severity, "", "spec/packet.md"));
            }
        }
        foreach (var finding in report.Findings)
        {
            if (seen.Add(finding.RuleId))
            {
                var title = Repository.Suppressions.Rules.FirstOrDefault(r => r.Id == finding.RuleId).Title ?? finding.RuleId;
                rules.Add(new RuleInfo(finding.RuleId, title, finding.Severity, finding.Help ?? "", "wa-onboard"));
            }
        }
        return rules;
    }

    private static string Slashes(string path) => path.Replace('\\', '/');
}
