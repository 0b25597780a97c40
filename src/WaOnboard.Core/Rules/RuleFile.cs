using FluentValidation;
using WaOnboard.Findings;
using WaOnboard.Packets;
using WaOnboard.Profiles;

namespace WaOnboard.Rules;

/// <summary>A rule as written, before it is checked: every field optional so that each gap can be named.</summary>
internal sealed record RawRule(string File, int Line)
{
    public string? Id { get; init; }
    public string? Title { get; init; }
    public string? Severity { get; init; }
    public string? Path { get; init; }
    public string? Check { get; init; }
    public string? Message { get; init; }
    public string? Help { get; init; }
    public string? Source { get; init; }
    public IReadOnlyList<string> Profiles { get; init; } = ["all"];

    /// <summary>True for a library rule that applies only to the profiles that <c>use</c> it.</summary>
    public bool Optional { get; init; }

    /// <summary>True for a rule shipped in the assembly: reviewed, and validated by the tests rather than at every start.</summary>
    public bool BuiltIn { get; init; }
    public MapNode? When { get; init; }
    public Dictionary<string, PacketNode> Parameters { get; init; } = [];
}

/// <summary>What a rule must say: FluentValidation over the rule file's fields.</summary>
internal sealed class RawRuleValidator : AbstractValidator<RawRule>
{
    public static readonly RawRuleValidator Instance = new();

    public RawRuleValidator()
    {
        RuleFor(r => r.Id).NotEmpty().WithMessage("the rule has no 'id'")
            .Matches("^[a-z0-9]+(-[a-z0-9]+)*$").WithMessage(r => $"the id '{r.Id}' must be lowercase words joined by dashes (phone-number-valid)");
        RuleFor(r => r.Title).NotEmpty().WithMessage(r => $"rule '{r.Id}' has no 'title'");
        RuleFor(r => r.Severity).Must(s => s is "error" or "warning" or "info")
            .WithMessage(r => $"rule '{r.Id}' has severity '{r.Severity}'; use error, warning or info");
        RuleFor(r => r.Path).NotEmpty().WithMessage(r => $"rule '{r.Id}' has no 'path' (the field it checks, e.g. business.verifiedName)");
        RuleFor(r => r.Check).Must(c => c is not null && CheckCatalogue.Descriptions.ContainsKey(c))
            .WithMessage(r => $"rule '{r.Id}' names the check '{r.Check}'; known checks: {string.Join(", ", CheckCatalogue.Descriptions.Keys)}");
        RuleFor(r => r.Message).NotEmpty().WithMessage(r => $"rule '{r.Id}' has no 'message' (what is wrong, naming the field and the value)");
        RuleFor(r => r.Help).NotEmpty().WithMessage(r => $"rule '{r.Id}' has no 'help' (what to do about it)");
        RuleFor(r => r.Source).NotEmpty().WithMessage(r => $"rule '{r.Id}' has no 'source' (the document passage or policy it enforces)");
        RuleFor(r => r.Profiles).NotEmpty().When(r => !r.Optional).WithMessage(r => $"rule '{r.Id}' has an empty 'profiles' list");
    }
}

/// <summary>A profile as written in its file.</summary>
internal sealed record RawProfile(string Name, string Title, string Description, string? Extends, IReadOnlyDictionary<string, MapNode> Overrides, string File, int Line)
{
    /// <summary>Library rules marked <c>optional</c> that this profile applies.</summary>
    public IReadOnlyList<string> Uses { get; init; } = [];

    /// <summary>Library rules this profile does not apply.</summary>
    public IReadOnlyList<string> Skips { get; init; } = [];

    /// <summary>True for the profile of a packet that names no provider.</summary>
    public bool IsDefault { get; init; }

    /// <summary>Where the profile comes from: <c>built-in</c>, or its folder on disk.</summary>
    public string Origin { get; init; } = "built-in";

    /// <summary>The profile folder's files (<c>checklist.yaml</c>, <c>rates.yaml</c>, ...), by name; empty for a profile file given with <c>--rules</c>.</summary>
    public IReadOnlyDictionary<string, ProfileFile> Files { get; init; } = new Dictionary<string, ProfileFile>();
}

/// <summary>Reads rule files and profile files into raw rules and profiles, naming each problem as <c>file:line: what</c>.</summary>
internal static class RuleFileReader
{
    private static readonly HashSet<string> RuleFields = ["id", "title", "severity", "profiles", "optional", "path", "check", "message", "help", "source", "when"];

    /// <summary>Reads a rule file or a profile file. In a profile folder, <paramref name="folderProfile"/> names the profile its rules belong to.</summary>
    public static void Read(string file, ReadOnlySpan<byte> content, List<RawRule> rules, List<RawProfile> profiles, List<string> errors,
        string? folderProfile = null, bool builtIn = false)
    {
        var findings = new List<Finding>();
        var root = YamlPacketReader.Read(content, findings);
        foreach (var finding in findings.Where(f => f.Severity == Findings.Severity.Error))
        {
            errors.Add($"{file}:{finding.Line ?? 1}: {finding.Message}");
        }
        if (root is null)
        {
            return;
        }
        foreach (var entry in root.Entries)
        {
            switch (entry.Key)
            {
                case "rules" when entry.Value is ListNode list:
                    foreach (var item in list.Items)
                    {
                        if (item is MapNode map)
                        {
                            var rule = ReadRule(file, map, errors) with { BuiltIn = builtIn };
                            // A profile folder's own rules belong to that profile (and to the profiles that extend it).
                            rules.Add(folderProfile is not null && map["profiles"] is null ? rule with { Profiles = [folderProfile] } : rule);
                        }
                        else
                        {
                            errors.Add($"{file}:{item.Line}: each rule must be a mapping with id, title, severity, path, check, message, help and source");
                        }
                    }
                    break;
                case "profile" or "title" or "description" or "extends" or "overrides" or "use" or "skip" or "default":
                    break;
                default:
                    errors.Add($"{file}:{entry.Line}: '{entry.Key}' is not a key of a rule file; use rules (a list), or profile, title, description, extends, use, skip, default and overrides");
                    break;
            }
        }
        if (root["profile"] is ScalarNode { IsBlank: false } name)
        {
            profiles.Add(ReadProfile(file, root, name.Text, name.Line, errors));
        }
        else if (folderProfile is not null && Path.GetFileName(file) == ProfileFile.ProfileFileName)
        {
            profiles.Add(ReadProfile(file, root, folderProfile, 1, errors));
        }
    }

    private static RawRule ReadRule(string file, MapNode map, List<string> errors)
    {
        string? Text(string key)
        {
            var node = map[key];
            if (node is null or ScalarNode { Kind: ScalarKind.Null })
            {
                return null;
            }
            if (node is ScalarNode scalar)
            {
                return scalar.Text;
            }
            errors.Add($"{file}:{node.Line}: '{key}' must be a single value");
            return null;
        }
        var parameters = new Dictionary<string, PacketNode>();
        foreach (var entry in map.Entries.Where(e => !RuleFields.Contains(e.Key)))
        {
            parameters[entry.Key] = entry.Value;
        }
        IReadOnlyList<string> profiles = map["profiles"] switch
        {
            null => ["all"],
            ListNode list => [.. list.Items.OfType<ScalarNode>().Select(s => s.Text)],
            ScalarNode scalar => [scalar.Text],
            var other => Bad(other),
        };
        IReadOnlyList<string> Bad(PacketNode node)
        {
            errors.Add($"{file}:{node.Line}: 'profiles' must be a list of profile names");
            return ["all"];
        }
        var when = map["when"];
        if (when is not null and not MapNode)
        {
            errors.Add($"{file}:{when.Line}: 'when' must be a mapping such as {{ path: phone.provider, equals: other }}");
        }
        var optional = map["optional"];
        if (optional is not null and not ScalarNode { Kind: ScalarKind.Boolean })
        {
            errors.Add($"{file}:{optional.Line}: 'optional' must be true or false");
        }
        return new RawRule(file, map.Line)
        {
            Optional = optional is ScalarNode { IsTrue: true },
            Id = Text("id"),
            Title = Text("title"),
            Severity = Text("severity"),
            Path = Text("path"),
            Check = Text("check"),
            Message = Text("message"),
            Help = Text("help"),
            Source = Text("source"),
            Profiles = profiles,
            When = when as MapNode,
            Parameters = parameters,
        };
    }

    private static RawProfile ReadProfile(string file, MapNode root, string name, int line, List<string> errors)
    {
        var overrides = new Dictionary<string, MapNode>();
        if (root["overrides"] is MapNode map)
        {
            foreach (var entry in map.Entries)
            {
                if (entry.Value is MapNode change)
                {
                    overrides[entry.Key] = change;
                }
                else
                {
                    errors.Add($"{file}:{entry.Line}: the override of '{entry.Key}' must be a mapping such as {{ severity: warning }}");
                }
            }
        }
        else if (root["overrides"] is { } other)
        {
            errors.Add($"{file}:{other.Line}: 'overrides' must map rule ids to the fields they change");
        }
        string Text(string key) => root[key] is ScalarNode scalar ? scalar.Text : "";
        IReadOnlyList<string> Ids(string key)
        {
            switch (root[key])
            {
                case null:
                    return [];
                case ListNode list when list.Items.All(i => i is ScalarNode { IsBlank: false }):
                    return [.. list.Items.Cast<ScalarNode>().Select(s => s.Text)];
                case var other:
                    errors.Add($"{file}:{other.Line}: '{key}' must be a list of rule ids");
                    return [];
            }
        }
        return new RawProfile(name, Text("title"), Text("description"), root["extends"] is ScalarNode { IsBlank: false } e ? e.Text : null,
            overrides, file, line)
        {
            Uses = Ids("use"),
            Skips = Ids("skip"),
            IsDefault = root["default"] is ScalarNode { IsTrue: true },
        };
    }
}
