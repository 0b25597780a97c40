using System.Text.RegularExpressions;
using WaOnboard.Findings;

namespace WaOnboard.Checking;

/// <summary>
/// The file-level findings of the loader and the schema (unknown field, wrong kind of value, ...) in French. Their
/// English is written in code, not in a rule file, so the words are given here from the finding's rule id and path;
/// the rule id, path, severity and position stay as they are.
/// </summary>
internal static partial class FileFindingTexts
{
    [GeneratedRegex("did you mean '([^']*)'", RegexOptions.CultureInvariant)]
    private static partial Regex Suggestion();

    /// <summary>The finding in <paramref name="language"/>; unchanged for English and for findings without a translation.</summary>
    public static Finding In(Finding finding, string language)
    {
        if (language != "fr")
        {
            return finding;
        }
        var field = finding.Path.Length == 0 ? "" : finding.Path[(finding.Path.LastIndexOfAny(['.', ']']) + 1)..];
        var parent = finding.Path.Contains('.', StringComparison.Ordinal) ? finding.Path[..finding.Path.LastIndexOf('.')] : "";
        var suggestion = Suggestion().Match(finding.Message) is { Success: true } m ? m.Groups[1].Value : null;
        return finding.RuleId switch
        {
            "unknown-field" => finding with
            {
                Message = $"« {field} » n'est pas un champ {(parent.Length == 0 ? "du dossier" : $"de {parent}")}"
                    + (suggestion is null ? " ; il est ignoré." : $" ; vouliez-vous dire « {suggestion} » ? Il est ignoré."),
                Help = suggestion is null ? "Retirez ce champ, ou corrigez son nom d'après le format du dossier." : $"Renommez-le en « {suggestion} ».",
            },
            "field-type" => finding with
            {
                Message = $"La valeur de {finding.Path} n'est pas du bon type (texte, liste, oui/non ou nombre selon le champ).",
                Help = "Écrivez la valeur comme le décrit le format du dossier (spec/packet.md).",
            },
            "duplicate-key" => finding with
            {
                Message = "Un champ est écrit deux fois au même endroit du dossier" + (finding.Path.Length == 0 ? "." : $" ({finding.Path})."),
                Help = "Gardez une seule fois chaque champ.",
            },
            "provider-unknown" => finding with
            {
                Message = "Le fournisseur indiqué n'est pas un profil connu ; le dossier a été contrôlé avec le profil par défaut.",
                Help = "Indiquez l'un des profils connus, celui de votre fournisseur.",
            },
            "schema-version" => finding with
            {
                Message = "La version du format (schemaVersion) n'est pas 1, la seule que ce contrôleur sait lire.",
                Help = "Indiquez schemaVersion: 1, ou retirez ce champ.",
            },
            "value-too-long" => finding with
            {
                Message = $"La valeur de {finding.Path} dépasse 4 096 caractères ; elle n'a pas été contrôlée davantage.",
                Help = "Raccourcissez la valeur.",
            },
            _ => finding,
        };
    }
}
