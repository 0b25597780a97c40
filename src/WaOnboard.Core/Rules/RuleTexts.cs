using WaOnboard.Packets;
using WaOnboard.Profiles;

namespace WaOnboard.Rules;

/// <summary>
/// The texts files: a rule's message and help in another language than the rule files' English, keyed by rule id
/// (<c>rules/texts-fr.yaml</c> for the library, <c>texts-fr.yaml</c> in a profile folder for its own rules and overrides).
/// </summary>
internal static class RuleTexts
{
    /// <summary>The languages texts files may be written in.</summary>
    public static readonly IReadOnlyList<string> Languages = ["fr"];

    /// <summary>The language of a texts file's name (<c>texts-fr.yaml</c>), or null when the name is not one.</summary>
    public static string? LanguageOf(string name)
    {
        var file = name[(name.LastIndexOf('/') + 1)..];
        return Languages.FirstOrDefault(l => file == $"texts-{l}.yaml");
    }

    /// <summary>Reads a texts file into <paramref name="texts"/> (rule id, then language); problems are <c>file:line: what</c>.</summary>
    public static void Read(string file, ReadOnlySpan<byte> content, string language, Dictionary<string, Dictionary<string, RuleText>> texts, List<string> errors)
    {
        var findings = new List<Findings.Finding>();
        var root = YamlPacketReader.Read(content, findings);
        foreach (var finding in findings.Where(f => f.Severity == Findings.Severity.Error))
        {
            errors.Add($"{file}:{finding.Line ?? 1}: {finding.Message}");
        }
        foreach (var entry in root?.Entries ?? [])
        {
            if (entry.Value is MapNode map && map["message"] is ScalarNode { IsBlank: false } message && map["help"] is ScalarNode { IsBlank: false } help)
            {
                if (!texts.TryGetValue(entry.Key, out var byLanguage))
                {
                    texts[entry.Key] = byLanguage = new Dictionary<string, RuleText>(StringComparer.Ordinal);
                }
                byLanguage[language] = new RuleText(message.Text, help.Text);
            }
            else
            {
                errors.Add($"{file}:{entry.Line}: the text of '{entry.Key}' must be a mapping with message and help");
            }
        }
    }

    /// <summary>The texts of a profile folder's texts files.</summary>
    public static Dictionary<string, Dictionary<string, RuleText>> OfProfile(IReadOnlyDictionary<string, ProfileFile> files, List<string> errors)
    {
        var texts = new Dictionary<string, Dictionary<string, RuleText>>(StringComparer.Ordinal);
        foreach (var (name, file) in files)
        {
            if (LanguageOf(name) is not { } language)
            {
                continue;
            }
            try
            {
                Read(file.DisplayPath, file.Read(), language, texts, errors);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Add($"{file.DisplayPath}:1: {e.Message}");
            }
        }
        return texts;
    }
}
