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

/// <summary>One packet's report with what the CI formats need: the packet file's paths and the rules that ran.</summary>
/// <param name="Report">The report, as the JSON format writes it.</param>
/// <param name="File">The packet file, relative to the current directory, with forward slashes.</param>
/// <param name="RepositoryPath">The packet file relative to the repository root (the nearest folder above it with <c>.git</c>), or <paramref name="File"/> outside a repository.</param>
/// <param name="Rules">Every rule that ran on the packet: the profile's rules, the loader's checks, and any other id a finding carries.</param>
public sealed record ReportedPacket(ValidationReport Report, string File, string RepositoryPath, IReadOnlyList<RuleInfo> Rules)
{
    /// <summary>Describes a report for the CI formats, resolving a packet folder to its packet file.</summary>
    public static ReportedPacket Create(ValidationReport report, RuleSet ruleSet, string currentDirectory)
    {
        var full = Path.GetFullPath(report.Packet, currentDirectory);
        if (Directory.Exists(full))
        {
            full = PacketLoader.PacketFileNames.Select(name => Path.Combine(full, name)).FirstOrDefault(System.IO.File.Exists) ?? full;
        }
        var file = Slashes(Path.GetRelativePath(currentDirectory, full));
        var root = RepositoryRoot(Path.GetDirectoryName(full)!);
        var repositoryPath = root is null ? file : Slashes(Path.GetRelativePath(root, full));
        return new ReportedPacket(report, file, repositoryPath, RulesOf(report, ruleSet));
    }

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

    /// <summary>A fingerprint of a finding that survives unrelated edits: the rule, the field and the packet file, not the line or the message.</summary>
    public string Fingerprint(Finding finding)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{finding.RuleId}\n{finding.Path}\n{RepositoryPath}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

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
                rules.Add(new RuleInfo(finding.RuleId, finding.RuleId, finding.Severity, finding.Help ?? "", "wa-onboard"));
            }
        }
        return rules;
    }

    private static string Slashes(string path) => path.Replace('\\', '/');
}
