using System.Globalization;
using WaOnboard.Findings;
using WaOnboard.Packets;
using WaOnboard.Reports;

namespace WaOnboard.Repository;

/// <summary>One entry of <c>suppressions</c> in <c>wa-onboard.yaml</c>: accept a rule's findings, for a reason, perhaps until a date.</summary>
/// <param name="Index">Its position in the list (its path is <c>suppressions[Index]</c>).</param>
/// <param name="Rule">The rule id it accepts.</param>
/// <param name="Path">Only findings at packet paths this glob matches (<c>hsm[*].translations[*].body</c>); null for any.</param>
/// <param name="Packets">Only packets whose file or folder, relative to the configuration's folder, this glob matches; null for any.</param>
/// <param name="Reason">Why the findings are accepted; required (a suppression without one does not apply).</param>
/// <param name="Until">The last day it applies; null for no end.</param>
/// <param name="Line">Its line in the configuration file.</param>
/// <param name="Column">Its column in the configuration file.</param>
public sealed record SuppressionEntry(int Index, string Rule, Glob? Path, Glob? Packets, string? Reason, DateOnly? Until, int Line, int Column);

/// <summary>The repository's <c>wa-onboard.yaml</c>: the failing severity, the profile folder, and the suppressions.</summary>
public sealed class RepositoryConfig
{
    /// <summary>The file name looked for in the packet's folder and its parents, up to the repository root.</summary>
    public const string FileName = "wa-onboard.yaml";

    private RepositoryConfig(string fullPath, FailSeverity? failSeverity, string? profiles, IReadOnlyList<SuppressionEntry> suppressions)
    {
        FullPath = fullPath;
        FailSeverity = failSeverity;
        Profiles = profiles;
        Suppressions = suppressions;
    }

    /// <summary>The configuration file's full path.</summary>
    public string FullPath { get; }

    /// <summary>The folder the configuration applies to (and <c>packets</c> globs are relative to).</summary>
    public string Folder => Path.GetDirectoryName(FullPath)!;

    /// <summary>The least serious finding that fails a packet, when the file says.</summary>
    public FailSeverity? FailSeverity { get; }

    /// <summary>The folder of provider profiles the file names, relative to its folder, resolved to a full path; null when it names none.</summary>
    public string? Profiles { get; }

    /// <summary>The suppressions, in file order.</summary>
    public IReadOnlyList<SuppressionEntry> Suppressions { get; }

    /// <summary>The nearest <c>wa-onboard.yaml</c> at or above a folder, stopping at the repository root (a folder with <c>.git</c>); null when none.</summary>
    public static string? Find(string folder)
    {
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, FileName);
            if (File.Exists(file))
            {
                return file;
            }
            var git = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return null;
            }
        }
        return null;
    }

    /// <summary>Reads a configuration file; a problem is a <c>file:line: what</c> line, as for rule files, and gives null.</summary>
    public static RepositoryConfig? Load(string fullPath, string shownPath, List<string> errors)
    {
        byte[] content;
        try
        {
            if (new FileInfo(fullPath).Length > PacketLoader.MaxBytes)
            {
                errors.Add($"{shownPath}:1: a configuration file may be at most {PacketLoader.MaxBytes / 1024} KiB");
                return null;
            }
            content = File.ReadAllBytes(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add($"{shownPath}:1: cannot be read: {e.Message}");
            return null;
        }
        // A file of comments only (or nothing) is a configuration with no settings, not an error.
        if (PacketLoader.Decode(content).Split('\n').All(line => line.TrimStart().Length == 0 || line.TrimStart().StartsWith('#')))
        {
            return new RepositoryConfig(fullPath, null, null, []);
        }
        var findings = new List<Finding>();
        var root = YamlPacketReader.Read(content, findings);
        if (root is null)
        {
            var first = findings.FirstOrDefault();
            var message = (first?.Message ?? "not a YAML mapping").Replace("The packet", "The configuration", StringComparison.Ordinal);
            errors.Add($"{shownPath}:{first?.Line ?? 1}: {message}");
            return null;
        }
        var before = errors.Count;
        FailSeverity? failSeverity = null;
        string? profiles = null;
        var suppressions = new List<SuppressionEntry>();
        foreach (var entry in root.Entries)
        {
            switch (entry.Key)
            {
                case "failSeverity":
                    failSeverity = FailPolicy.Parse((entry.Value as ScalarNode)?.Text);
                    if (failSeverity is null)
                    {
                        errors.Add($"{shownPath}:{entry.Line}: failSeverity must be one of {string.Join(", ", FailPolicy.Names)}");
                    }
                    break;
                case "profiles" when entry.Value is ScalarNode { IsBlank: false } folder:
                    profiles = Path.GetFullPath(folder.Text, Path.GetDirectoryName(fullPath)!);
                    break;
                case "suppressions" when entry.Value is ListNode list:
                    for (var i = 0; i < list.Items.Count; i++)
                    {
                        if (ReadSuppression(i, list.Items[i], shownPath, errors) is { } suppression)
                        {
                            suppressions.Add(suppression);
                        }
                    }
                    break;
                case "profiles" or "suppressions":
                    errors.Add($"{shownPath}:{entry.Line}: {entry.Key} must be {(entry.Key == "profiles" ? "a folder path" : "a list")}");
                    break;
                default:
                    errors.Add($"{shownPath}:{entry.Line}: '{entry.Key}' is not a setting; use failSeverity, profiles or suppressions");
                    break;
            }
        }
        return errors.Count > before ? null : new RepositoryConfig(fullPath, failSeverity, profiles, suppressions);
    }

    private static SuppressionEntry? ReadSuppression(int index, PacketNode node, string shownPath, List<string> errors)
    {
        if (node is not MapNode map)
        {
            errors.Add($"{shownPath}:{node.Line}: suppressions[{index}] must be a mapping with rule and reason");
            return null;
        }
        string? rule = null, reason = null;
        Glob? path = null, packets = null;
        DateOnly? until = null;
        foreach (var entry in map.Entries)
        {
            var text = entry.Value is ScalarNode { IsBlank: false } scalar ? scalar.Text : null;
            switch (entry.Key)
            {
                case "rule": rule = text; break;
                case "reason": reason = text; break;
                case "path" when text is not null: path = Glob.ForPacketPaths(text); break;
                case "packets" when text is not null: packets = Glob.ForFiles(text); break;
                case "until" when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                    until = date;
                    break;
                case "until":
                    errors.Add($"{shownPath}:{entry.Line}: suppressions[{index}].until must be a date written yyyy-mm-dd");
                    break;
                case "path" or "packets":
                    errors.Add($"{shownPath}:{entry.Line}: suppressions[{index}].{entry.Key} must be a glob");
                    break;
                default:
                    errors.Add($"{shownPath}:{entry.Line}: '{entry.Key}' is not a field of a suppression; use rule, path, packets, reason, until");
                    break;
            }
        }
        if (rule is null)
        {
            errors.Add($"{shownPath}:{map.Line}: suppressions[{index}] needs the rule id it suppresses");
            return null;
        }
        return new SuppressionEntry(index, rule, path, packets, reason, until, map.Line, map.Column);
    }
}
