using System.Text.RegularExpressions;
using WaOnboard.Findings;
using WaOnboard.Packets;
using WaOnboard.Profiles;

namespace WaOnboard.Rules;

/// <summary>How to validate: which profile, and the services some checks need.</summary>
public sealed class ValidationOptions
{
    /// <summary>The profile to use instead of the packet's <c>provider</c>.</summary>
    public string? Profile { get; init; }

    /// <summary>What is known of <c>phone.number</c>, inspected once by the caller; inspected here when null.</summary>
    public Phone.PhoneNumberInfo? Phone { get; init; }

    /// <summary>The registry's answer for the packet's number (<see cref="Registry.RegistryAnswer.AskAsync"/>), asked before the rules run; when null, the registry rule is skipped.</summary>
    public Registry.RegistryAnswer? Registry { get; init; }

    /// <summary>The language of the findings' message and help: <c>en</c> (the rule files) or one of the rules' texts files (<c>fr</c>).</summary>
    public string Language { get; init; } = "en";
}

/// <summary>The outcome of loading rule files: the rule set, or every problem found as <c>file:line: what</c>.</summary>
/// <param name="RuleSet">The loaded rules; null when there were errors.</param>
/// <param name="Errors">Every problem, one line each.</param>
public sealed record RuleSetLoad(RuleSet? RuleSet, IReadOnlyList<string> Errors);

/// <summary>The declarative rules of every profile, compiled once, and the validation of packets against them.</summary>
public sealed class RuleSet
{
    private static readonly Lazy<RuleSet> BuiltInRules = new(() =>
    {
        var load = Load([]);
        return load.RuleSet ?? throw new InvalidOperationException("The built-in rule files are broken:\n" + string.Join("\n", load.Errors));
    });

    private readonly Dictionary<string, Lazy<RulePlan>> _rulesByProfile;

    private RuleSet(IReadOnlyList<ProviderProfile> profiles, Dictionary<string, Lazy<RulePlan>> rulesByProfile, ProviderProfile defaultProfile)
    {
        Profiles = profiles;
        _rulesByProfile = rulesByProfile;
        Default = defaultProfile;
    }

    /// <summary>The rule set shipped in <c>rules/</c>.</summary>
    public static RuleSet BuiltIn => BuiltInRules.Value;

    /// <summary>The profiles, built-in first.</summary>
    public IReadOnlyList<ProviderProfile> Profiles { get; }

    /// <summary>The profile of a packet that names no provider (the one whose folder says <c>default: true</c>).</summary>
    public ProviderProfile Default { get; }

    /// <summary>The profile of a name, or null when there is none.</summary>
    public ProviderProfile? Find(string name) => Profiles.FirstOrDefault(p => p.Name == name);

    /// <summary>Loads the built-in rules plus the user's rule and profile files (a file, or a folder of <c>.yaml</c> files).</summary>
    public static RuleSetLoad Load(IEnumerable<string> userPaths) => Load(userPaths, []);

    /// <summary>
    /// Loads the rule library (<c>rules/</c>), the built-in profile folders, the user's profile folders (a profile
    /// folder, or a folder of them; a user profile replaces the built-in one of the same name), and the user's rule files.
    /// </summary>
    /// <param name="userRulePaths">Rule files, or folders of them.</param>
    /// <param name="userProfileFolders">Profile folders, or folders of them.</param>
    /// <param name="compilePatterns">Compile the built-in patterns to code: slower to load (tens of milliseconds), a third of the time
    /// to match. For a server; a command that checks a few packets is faster with the interpreter. A user's patterns always
    /// run on the non-backtracking engine.</param>
    public static RuleSetLoad Load(IEnumerable<string> userRulePaths, IEnumerable<string> userProfileFolders, bool compilePatterns = false)
    {
        var rules = new List<RawRule>();
        var profiles = new List<RawProfile>();
        var errors = new List<string>();
        var assembly = typeof(RuleSet).Assembly;
        var resources = assembly.GetManifestResourceNames().Order(StringComparer.Ordinal).ToList();
        var libraryTexts = new Dictionary<string, Dictionary<string, RuleText>>(StringComparer.Ordinal);
        foreach (var name in resources.Where(n => n.StartsWith("rules/", StringComparison.Ordinal)))
        {
            if (RuleTexts.LanguageOf(name) is { } language)
            {
                // rules/texts-fr.yaml: the library rules' message and help in another language, by rule id.
                RuleTexts.Read(name, ReadResource(name), language, libraryTexts, errors);
                continue;
            }
            RuleFileReader.Read(name, ReadResource(name), rules, profiles, errors, builtIn: true);
        }

        // Profile folders, built-in first: profiles/<name>/<file> in the assembly, then the user's folders on disk.
        var folders = new Dictionary<string, (string Origin, Dictionary<string, ProfileFile> Files)>(StringComparer.Ordinal);
        foreach (var name in resources.Where(n => n.StartsWith("profiles/", StringComparison.Ordinal)))
        {
            var parts = name.Split('/');
            if (parts.Length != 3)
            {
                continue;
            }
            if (!folders.TryGetValue(parts[1], out var folder))
            {
                folders[parts[1]] = folder = ("built-in", new Dictionary<string, ProfileFile>(StringComparer.Ordinal));
            }
            folder.Files[parts[2]] = new ProfileFile(name, () => ReadResource(name));
        }
        foreach (var root in userProfileFolders)
        {
            var found = ProfileFolders(root).ToList();
            if (found.Count == 0)
            {
                errors.Add($"{root}:1: no profile folder here: a profile folder holds {ProfileFile.ProfileFileName} (see docs/profiles.md)");
            }
            foreach (var dir in found)
            {
                var files = new Dictionary<string, ProfileFile>(StringComparer.Ordinal);
                foreach (var file in Directory.EnumerateFiles(dir, "*.yaml").Order(StringComparer.Ordinal))
                {
                    var path = file;
                    files[Path.GetFileName(file)] = new ProfileFile(path, () => ReadUserFile(path));
                }
                // A user's folder of the same name replaces the built-in profile, files and rules alike.
                folders[Path.GetFileName(Path.TrimEndingDirectorySeparator(dir))] = (dir, files);
            }
        }
        foreach (var (name, folder) in folders)
        {
            foreach (var fileName in new[] { ProfileFile.ProfileFileName, ProfileFile.RulesFileName })
            {
                if (folder.Files.TryGetValue(fileName, out var file) && ReadChecked(file, errors) is { } content)
                {
                    RuleFileReader.Read(file.DisplayPath, content, rules, profiles, errors, folderProfile: name, builtIn: folder.Origin == "built-in");
                }
            }
            if (!folder.Files.ContainsKey(ProfileFile.ProfileFileName))
            {
                errors.Add($"{folder.Origin}:1: the profile folder '{name}' has no {ProfileFile.ProfileFileName}");
            }
            var index = profiles.FindLastIndex(p => p.Name == name && p.Files.Count == 0 && folder.Files.ContainsKey(ProfileFile.ProfileFileName));
            if (index >= 0)
            {
                profiles[index] = profiles[index] with { Files = folder.Files, Origin = folder.Origin };
            }
        }

        foreach (var file in userRulePaths.SelectMany(Expand))
        {
            if (ReadChecked(new ProfileFile(file, () => ReadUserFile(file)), errors) is { } content)
            {
                RuleFileReader.Read(file, content, rules, profiles, errors);
            }
        }
        return Compile(rules, profiles, errors, libraryTexts, compilePatterns ? RegexOptions.Compiled : RegexOptions.None);
    }

    /// <summary>The profile folders a user names: the folder itself when it holds profile.yaml, else its subfolders that do.</summary>
    private static IEnumerable<string> ProfileFolders(string root)
    {
        if (!Directory.Exists(root))
        {
            return [];
        }
        return File.Exists(Path.Combine(root, ProfileFile.ProfileFileName))
            ? [root]
            : Directory.EnumerateDirectories(root).Where(d => File.Exists(Path.Combine(d, ProfileFile.ProfileFileName))).Order(StringComparer.Ordinal);
    }

    private static byte[] ReadResource(string name)
    {
        using var stream = typeof(RuleSet).Assembly.GetManifestResourceStream(name)!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>A user's file: a regular file only (never a FIFO or a device), bounded by the bytes actually read.</summary>
    private static byte[] ReadUserFile(string path) =>
        BoundedFile.TryRead(path, PacketLoader.MaxBytes, out var content, out var problem)
            ? content
            : throw new IOException($"the rule or profile file {problem}");

    private static byte[]? ReadChecked(ProfileFile file, List<string> errors)
    {
        try
        {
            return file.Read();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add($"{file.DisplayPath}:1: {e.Message}");
            return null;
        }
    }

    private static IEnumerable<string> Expand(string path) =>
        Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*.y*ml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : [path];

    private static RuleSetLoad Compile(List<RawRule> rawRules, List<RawProfile> rawProfiles, List<string> errors,
        Dictionary<string, Dictionary<string, RuleText>> libraryTexts, RegexOptions builtInPatterns)
    {
        var definitions = new List<RuleDefinition>();
        var seen = new Dictionary<string, RawRule>();
        foreach (var raw in rawRules)
        {
            // The built-in rules are validated by the tests (BuiltInRuleFileTests): start-up does not build the validator for them.
            if (!raw.BuiltIn && !IsValid(raw, errors))
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
                raw.Parameters, raw.Message!, raw.Help!, raw.Source!, when, raw.File, raw.Line)
            { Optional = raw.Optional, BuiltIn = raw.BuiltIn });
        }

        var profiles = new List<ProviderProfile>();
        var byName = new Dictionary<string, RawProfile>();
        foreach (var raw in rawProfiles)
        {
            if (!byName.TryAdd(raw.Name, raw))
            {
                errors.Add($"{raw.File}:{raw.Line}: the profile '{raw.Name}' is already defined in {byName[raw.Name].File}");
                continue;
            }
            profiles.Add(new ProviderProfile(raw.Name, raw.Title, raw.Description, raw.IsDefault, raw.Origin, raw.Files));
        }
        foreach (var profile in profiles)
        {
            profile.Extends = byName[profile.Name].Extends is { } parent ? profiles.FirstOrDefault(p => p.Name == parent) : null;
            if (profile.Origin != "built-in")
            {
                profile.CheckContent(errors);
            }
        }
        var defaults = profiles.Where(p => p.IsDefault).ToList();
        if (defaults.Count != 1)
        {
            errors.Add(defaults.Count == 0
                ? "profiles:1: no profile says 'default: true'; one profile must check packets that name no provider"
                : $"{byName[defaults[1].Name].File}:{byName[defaults[1].Name].Line}: only one profile may say 'default: true'; {defaults[0].Name} already does");
        }

        // Only what the built-in files say is compiled on demand, profile by profile: a command checks one packet with
        // one profile, and the tests compile them all. A user's file is compiled at once, so its mistakes stop the load.
        var lazy = rawRules.All(r => r.BuiltIn) && rawProfiles.All(p => p.Origin == "built-in");
        var compiled = new Dictionary<string, Lazy<RulePlan>>();
        foreach (var profile in byName.Values)
        {
            var chain = Chain(profile, byName, errors);
            foreach (var unknown in profile.Overrides.Keys.Where(id => !definitions.Any(d => d.Id == id)))
            {
                errors.Add($"{profile.File}:{profile.Overrides[unknown].Line}: the profile overrides '{unknown}', which is not a rule id");
            }
            foreach (var unknown in profile.Uses.Concat(profile.Skips).Where(id => !definitions.Any(d => d.Id == id)))
            {
                errors.Add($"{profile.File}:{profile.Line}: the profile uses or skips '{unknown}', which is not a rule id");
            }
            compiled[profile.Name] = lazy
                ? new Lazy<RulePlan>(() => new RulePlan(CompileBuiltIn(profile.Name, chain, definitions, libraryTexts, builtInPatterns)))
                : new Lazy<RulePlan>(new RulePlan(CompileProfile(chain, definitions, libraryTexts, errors, builtInPatterns)));
        }
        foreach (var definition in definitions)
        {
            foreach (var name in definition.Profiles.Where(n => n != "all" && !byName.ContainsKey(n)))
            {
                errors.Add($"{definition.File}:{definition.Line}: rule '{definition.Id}' names the profile '{name}', which no profile file defines");
            }
        }
        return errors.Count > 0 ? new RuleSetLoad(null, errors) : new RuleSetLoad(new RuleSet(profiles, compiled, profiles.Single(p => p.IsDefault)), []);
    }

    /// <summary>True when the rule says everything a rule must; otherwise adds each gap to <paramref name="errors"/>.</summary>
    internal static bool IsValid(RawRule raw, List<string> errors)
    {
        var result = RawRuleValidator.Instance.Validate(raw);
        errors.AddRange(result.Errors.Select(e => $"{raw.File}:{raw.Line}: {e.ErrorMessage}"));
        return result.IsValid;
    }

    /// <summary>The rules of one profile: those that apply to it or a profile it extends, with their overrides and texts.</summary>
    private static Rule[] CompileProfile(List<RawProfile> chain, List<RuleDefinition> definitions,
        Dictionary<string, Dictionary<string, RuleText>> libraryTexts, List<string> errors, RegexOptions builtInPatterns)
    {
        var names = chain.Select(p => p.Name).ToList();
        // A rule applies when it is for every profile (and not optional), names the profile or one it extends, or
        // is used by one of them; unless one of them skips it.
        bool Applies(RuleDefinition d) =>
            ((!d.Optional && d.Profiles.Contains("all")) || d.Profiles.Any(names.Contains) || chain.Any(p => p.Uses.Contains(d.Id)))
            && !chain.Any(p => p.Skips.Contains(d.Id));
        var rules = new List<Rule>();
        // The texts of the profile folders (texts-fr.yaml), farthest ancestor first, so that the nearest profile's wins.
        var chainTexts = chain.AsEnumerable().Reverse().Select(p => RuleTexts.OfProfile(p.Files, errors)).ToList();
        foreach (var definition in definitions.Where(Applies))
        {
            var effective = chain.AsEnumerable().Reverse()
                .Aggregate(definition, (current, p) => p.Overrides.TryGetValue(definition.Id, out var change) ? Apply(current, change, p, errors) : current);
            var texts = new Dictionary<string, RuleText>(StringComparer.Ordinal);
            foreach (var source in chainTexts.Prepend(libraryTexts))
            {
                if (source.TryGetValue(definition.Id, out var byLanguage))
                {
                    foreach (var (language, text) in byLanguage)
                    {
                        texts[language] = text;
                    }
                }
            }
            effective = effective with { Texts = texts };
            var problems = new List<string>();
            // A user's pattern may be anything: only the non-backtracking engine keeps its matching linear (decision 1203).
            var parameters = new CheckParameters(effective.Parameters, problems) { PatternEngine = effective.BuiltIn ? builtInPatterns : RegexOptions.NonBacktracking };
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
        return [.. rules];
    }

    private static Rule[] CompileBuiltIn(string name, List<RawProfile> chain, List<RuleDefinition> definitions,
        Dictionary<string, Dictionary<string, RuleText>> libraryTexts, RegexOptions builtInPatterns)
    {
        var errors = new List<string>();
        var rules = CompileProfile(chain, definitions, libraryTexts, errors, builtInPatterns);
        return errors.Count == 0 ? rules : throw new InvalidOperationException($"The built-in profile '{name}' is broken:\n" + string.Join("\n", errors));
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
        // A user's profile that changes a built-in rule may change its pattern: the rule is the user's from here on.
        var result = profile.Origin == "built-in" ? definition : definition with { BuiltIn = false };
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
    public IReadOnlyList<Rule> RulesFor(string profile) => _rulesByProfile.TryGetValue(profile, out var plan) ? plan.Value.Rules : [];

    /// <summary>Validates a packet with its profile's rules. Never throws on bad input: problems become findings.</summary>
    public ValidationReport Validate(PacketDocument document, ValidationOptions? options = null) => Run(document, options).Report;

    /// <summary>Validates a packet, and says what the inspector learnt of its avatar when a rule looked at it.</summary>
    internal (ValidationReport Report, Images.ImageInspection? Avatar) Run(PacketDocument document, ValidationOptions? options = null)
    {
        options ??= new ValidationOptions();
        var run = new RuleRun(document, options);
        foreach (var finding in document.LoadFindings)
        {
            run.Add(finding);
        }
        var profile = options.Profile ?? document.Provider ?? Default.Name;
        if (!_rulesByProfile.TryGetValue(profile, out var plan))
        {
            var provider = document.Root?["provider"];
            run.Add(new Finding("provider-unknown", Severity.Error, "provider",
                $"'{profile}' is not a provider profile; the packet was checked with the {Default.Name} profile.",
                $"Set provider to one of: {string.Join(", ", _rulesByProfile.Keys)}.")
            { Line = provider?.Line, Column = provider?.Column });
            profile = Default.Name;
            plan = _rulesByProfile[Default.Name];
        }
        if (document.Root is { } root)
        {
            plan.Value.Run(root, run);
        }
        if (run.Unlisted is { } unlisted)
        {
            var total = unlisted.Errors + unlisted.Warnings + unlisted.Infos;
            var worst = unlisted.Errors > 0 ? Severity.Error : unlisted.Warnings > 0 ? Severity.Warning : Severity.Info;
            var truncated = new Finding("findings-truncated", worst, "",
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{total:N0} more findings were not listed ({unlisted.Errors:N0} errors, {unlisted.Warnings:N0} warnings, {unlisted.Infos:N0} infos); the report lists the first {RuleRun.MaxFindings:N0}."),
                "Fix the findings above and check the packet again; a packet with this many problems is usually generated or repeated by mistake.");
            return (new ValidationReport(document.Source, profile, run.Findings(truncated), unlisted), run.Avatar);
        }
        return (new ValidationReport(document.Source, profile, run.Findings()), run.Avatar);
    }
}
