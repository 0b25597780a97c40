using FluentValidation;
using WaOnboard.Findings;
using WaOnboard.Packets;

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
        RuleFor(r => r.Profiles).NotEmpty().WithMessage(r => $"rule '{r.Id}' has an empty 'profiles' list");
    }
}

/// <summary>A profile as written in its file.</summary>
internal sealed record RawProfile(string Name, string Title, string Description, string? Extends, IReadOnlyDictionary<string, MapNode> Overrides, string File, int Line);

/// <summary>Reads rule files and profile files into raw rules and profiles, naming each problem as <c>file:line: what</c>.</summary>
internal static class RuleFileReader
{
    private static readonly HashSet<string> RuleFields = ["id", "title", "severity", "profiles", "path", "check", "message", "help", "source", "when"];

    public static void Read(string file, ReadOnlySpan<byte> content, List<RawRule> rules, List<RawProfile> profiles, List<string> errors)
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
                            rules.Add(ReadRule(file, map, errors));
                        }
                        else
                        {
                            errors.Add($"{file}:{item.Line}: each rule must be a mapping with id, title, severity, path, check, message, help and source");
                        }
                    }
                    break;
                case "profile" or "title" or "description" or "extends" or "overrides":
                    break;
                default:
                    errors.Add($"{file}:{entry.Line}: '{entry.Key}' is not a key of a rule file; use rules (a list), or profile, title, description, extends and overrides");
                    break;
            }
        }
        if (root["profile"] is ScalarNode { IsBlank: false } name)
        {
            profiles.Add(ReadProfile(file, root, name, errors));
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
            errors.Add($"{file}:{when.Line}: 'when' must be a mapping such as {{ path: phone.provider, equals: 8x8 }}");
        }
        return new RawRule(file, map.Line)
        {
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

    private static RawProfile ReadProfile(string file, MapNode root, ScalarNode name, List<string> errors)
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
        return new RawProfile(name.Text, Text("title"), Text("description"), root["extends"] is ScalarNode { IsBlank: false } e ? e.Text : null,
            overrides, file, name.Line);
    }
}
