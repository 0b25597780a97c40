using WaOnboard.Findings;
using WaOnboard.Packets;

namespace WaOnboard.Rules;

/// <summary>How to validate: which profile, and the services some checks need.</summary>
public sealed class ValidationOptions
{
    /// <summary>The profile to use instead of the packet's <c>provider</c>.</summary>
    public string? Profile { get; init; }

    /// <summary>The registry's answer for the packet's number (<see cref="Registry.RegistryAnswer.AskAsync"/>), asked before the rules run; when null, the registry rule is skipped.</summary>
    public Registry.RegistryAnswer? Registry { get; init; }
}

/// <summary>The outcome of loading rule files: the rule set, or every problem found as <c>file:line: what</c>.</summary>
/// <param name="RuleSet">The loaded rules; null when there were errors.</param>
/// <param name="Errors">Every problem, one line each.</param>
public sealed record RuleSetLoad(RuleSet? RuleSet, IReadOnlyList<string> Errors);

/// <summary>The declarative rules of every profile, compiled once, and the validation of packets against them.</summary>
public sealed class RuleSet
{
    /// <summary>The profile used when a packet names no provider.</summary>
    public const string DefaultProfile = "generic";

    private static readonly Lazy<RuleSet> BuiltInRules = new(() =>
    {
        var load = Load([]);
        return load.RuleSet ?? throw new InvalidOperationException("The built-in rule files are broken:\n" + string.Join("\n", load.Errors));
    });

    private readonly Dictionary<string, Rule[]> _rulesByProfile;

    private RuleSet(IReadOnlyList<RuleProfile> profiles, Dictionary<string, Rule[]> rulesByProfile)
    {
        Profiles = profiles;
        _rulesByProfile = rulesByProfile;
    }

    /// <summary>The rule set shipped in <c>rules/</c>.</summary>
    public static RuleSet BuiltIn => BuiltInRules.Value;

    /// <summary>The profiles, built-in first.</summary>
    public IReadOnlyList<RuleProfile> Profiles { get; }

    /// <summary>Loads the built-in rules plus the user's rule and profile files (a file, or a folder of <c>.yaml</c> files).</summary>
    public static RuleSetLoad Load(IEnumerable<string> userPaths)
    {
        var rules = new List<RawRule>();
        var profiles = new List<RawProfile>();
        var errors = new List<string>();
        var assembly = typeof(RuleSet).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("rules/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            RuleFileReader.Read(name, buffer.ToArray(), rules, profiles, errors);
        }
        foreach (var file in userPaths.SelectMany(Expand))
        {
            if (!File.Exists(file))
            {
                errors.Add($"{file}:1: no such rule file");
                continue;
            }
            var info = new FileInfo(file);
            if (info.Length > PacketLoader.MaxBytes)
            {
                errors.Add($"{file}:1: a rule file may be at most {PacketLoader.MaxBytes / 1024} KiB");
                continue;
            }
            RuleFileReader.Read(file, File.ReadAllBytes(file), rules, profiles, errors);
        }
        return Compile(rules, profiles, errors);
    }

    private static IEnumerable<string> Expand(string path) =>
        Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*.y*ml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : [path];

    private static RuleSetLoad Compile(List<RawRule> rawRules, List<RawProfile> rawProfiles, List<string> errors)
    {
        var definitions = new List<RuleDefinition>();
        var seen = new Dictionary<string, RawRule>();
        foreach (var raw in rawRules)
        {
            var result = RawRuleValidator.Instance.Validate(raw);
            errors.AddRange(result.Errors.Select(e => $"{raw.File}:{raw.Line}: {e.ErrorMessage}"));
            if (!result.IsValid)
            {
                continue;
            }
            if (seen.TryGetValue(raw.Id!, out var first))
            {
                errors.Add($"{raw.File}:{raw.Line}: the rule id '{raw.Id}' is already used at {first.File}:{first.Line}");
                continue;
            }
            seen[raw.Id!] = raw;
            var path = Selector.TryParse(raw.Path!, out var problem);
            RuleCondition? when = null;
            if (raw.When is not null)
            {
                var whenPath = raw.When["path"] is ScalarNode p ? Selector.TryParse(p.Text, out problem) : null;
                if (whenPath is null)
                {
                    errors.Add($"{raw.File}:{raw.When.Line}: 'when' needs a 'path' to the field it looks at");
                }
                else
                {
                    when = new RuleCondition(whenPath, raw.When["equals"] is ScalarNode { IsBlank: false } v ? v.Text : null,
                        raw.When["missing"] is ScalarNode { IsTrue: true });
                }
            }
            if (path is null)
            {
                errors.Add($"{raw.File}:{raw.Line}: {problem}");
                continue;
            }
            definitions.Add(new RuleDefinition(raw.Id!, raw.Title!, ParseSeverity(raw.Severity!), raw.Profiles, path, raw.Check!,
                raw.Parameters, raw.Message!, raw.Help!, raw.Source!, when, raw.File, raw.Line));
        }

        var profiles = new List<RuleProfile>();
        var byName = new Dictionary<string, RawProfile>();
        foreach (var raw in rawProfiles)
        {
            if (!byName.TryAdd(raw.Name, raw))
            {
                errors.Add($"{raw.File}:{raw.Line}: the profile '{raw.Name}' is already defined in {byName[raw.Name].File}");
                continue;
            }
            profiles.Add(new RuleProfile(raw.Name, raw.Title, raw.Description));
        }

        var compiled = new Dictionary<string, Rule[]>();
        foreach (var profile in byName.Values)
        {
            var chain = Chain(profile, byName, errors);
            var rules = new List<Rule>();
            foreach (var definition in definitions.Where(d => d.Profiles.Contains("all") || d.Profiles.Any(chain.Select(p => p.Name).Contains)))
            {
                var effective = chain.AsEnumerable().Reverse()
                    .Aggregate(definition, (current, p) => p.Overrides.TryGetValue(definition.Id, out var change) ? Apply(current, change, p, errors) : current);
                var problems = new List<string>();
                var parameters = new CheckParameters(effective.Parameters, problems);
                var check = CheckCatalogue.Create(effective.CheckName, parameters);
                problems.AddRange(parameters.Unread.Select(k => $"'{k}' is not a field of a rule, nor a parameter of the check '{effective.CheckName}'"));
                if (check is null || problems.Count > 0)
                {
                    // A problem in the rule file itself is reported once, under the first profile that meets it.
                    errors.AddRange(problems.Select(p => $"{effective.File}:{effective.Line}: rule '{effective.Id}': {p}").Where(e => !errors.Contains(e)));
                    continue;
                }
                rules.Add(new Rule(effective, check));
            }
            foreach (var unknown in profile.Overrides.Keys.Where(id => !definitions.Any(d => d.Id == id)))
            {
                errors.Add($"{profile.File}:{profile.Overrides[unknown].Line}: the profile overrides '{unknown}', which is not a rule id");
            }
            compiled[profile.Name] = [.. rules];
        }
        foreach (var definition in definitions)
        {
            foreach (var name in definition.Profiles.Where(n => n != "all" && !byName.ContainsKey(n)))
            {
                errors.Add($"{definition.File}:{definition.Line}: rule '{definition.Id}' names the profile '{name}', which no profile file defines");
            }
        }
        return errors.Count > 0 ? new RuleSetLoad(null, errors) : new RuleSetLoad(new RuleSet(profiles, compiled), []);
    }

    /// <summary>The profile and the profiles it extends, nearest first.</summary>
    private static List<RawProfile> Chain(RawProfile profile, Dictionary<string, RawProfile> byName, List<string> errors)
    {
        var chain = new List<RawProfile> { profile };
        for (var current = profile; current.Extends is not null;)
        {
            if (!byName.TryGetValue(current.Extends, out var parent))
            {
                errors.Add($"{current.File}:{current.Line}: the profile extends '{current.Extends}', which is not a profile");
                break;
            }
            if (chain.Contains(parent))
            {
                errors.Add($"{current.File}:{current.Line}: the profile '{profile.Name}' extends itself through '{parent.Name}'");
                break;
            }
            chain.Add(parent);
            current = parent;
        }
        return chain;
    }

    private static RuleDefinition Apply(RuleDefinition definition, MapNode change, RawProfile profile, List<string> errors)
    {
        var parameters = new Dictionary<string, PacketNode>(definition.Parameters);
        var result = definition;
        foreach (var entry in change.Entries)
        {
            var text = entry.Value is ScalarNode scalar ? scalar.Text : null;
            switch (entry.Key)
            {
                case "severity" when text is "error" or "warning" or "info":
                    result = result with { Severity = ParseSeverity(text) };
                    break;
                case "severity":
                    errors.Add($"{profile.File}:{entry.Line}: severity must be error, warning or info, not '{text}'");
                    break;
                case "message" when text is not null:
                    result = result with { Message = text };
                    break;
                case "help" when text is not null:
                    result = result with { Help = text };
                    break;
                case "title" when text is not null:
                    result = result with { Title = text };
                    break;
                case "id" or "path" or "check" or "profiles" or "source" or "when":
                    errors.Add($"{profile.File}:{entry.Line}: a profile may not change a rule's '{entry.Key}'; write a new rule instead");
                    break;
                default:
                    parameters[entry.Key] = entry.Value;
                    break;
            }
        }
        return result with { Parameters = parameters };
    }

    private static Severity ParseSeverity(string text) => text switch
    {
        "error" => Severity.Error,
        "warning" => Severity.Warning,
        _ => Severity.Info,
    };

    /// <summary>True when a profile of this name exists.</summary>
    public bool HasProfile(string name) => _rulesByProfile.ContainsKey(name);

    /// <summary>The rules of a profile, with its overrides applied, in rule-file order.</summary>
    public IReadOnlyList<Rule> RulesFor(string profile) => _rulesByProfile.TryGetValue(profile, out var rules) ? rules : [];

    /// <summary>Validates a packet with its profile's rules. Never throws on bad input: problems become findings.</summary>
    public ValidationReport Validate(PacketDocument document, ValidationOptions? options = null)
    {
        options ??= new ValidationOptions();
        var run = new RuleRun(document, options);
        run.Findings.AddRange(document.LoadFindings);
        var profile = options.Profile ?? document.Provider ?? DefaultProfile;
        if (!_rulesByProfile.TryGetValue(profile, out var rules))
        {
            var provider = document.Root?["provider"];
            run.Findings.Add(new Finding("provider-unknown", Severity.Error, "provider",
                $"'{profile}' is not a provider profile; the packet was checked with the {DefaultProfile} profile.",
                $"Set provider to one of: {string.Join(", ", _rulesByProfile.Keys)}.")
            { Line = provider?.Line, Column = provider?.Column });
            profile = DefaultProfile;
            rules = _rulesByProfile[DefaultProfile];
        }
        if (document.Root is { } root)
        {
            foreach (var rule in rules)
            {
                if (rule.Definition.When is { } when && !when.Holds(root, run.Indices))
                {
                    continue;
                }
                var visitor = new RuleVisitor(rule, run);
                rule.Definition.Path.Visit(root, run.Indices, ref visitor);
            }
        }
        return new ValidationReport(document.Source, profile, run.Findings);
    }

    private readonly struct RuleVisitor(Rule rule, RuleRun run) : ISelectorVisitor
    {
        public void Visit(PacketNode? node, PacketNode? nearest, ReadOnlySpan<int> indices)
        {
            if (run.IsCheckable(node, rule.Definition.Path, indices))
            {
                rule.Check.Run(node, new CheckScope(rule, run, indices, nearest));
            }
        }
    }
}
