using System.Text.RegularExpressions;

namespace WaOnboard.Checklists;

/// <summary>
/// Finding texts as the customer's e-mail shows them: the packet paths the project manager's sheet keeps
/// (<c>(profile.email)</c>, <c>hsm[0].translations[1].body</c>) are taken out, so the sentences speak to a person filling
/// a form, not to a YAML file.
/// </summary>
internal static partial class CustomerText
{
    // A packet path: a known top-level section, then .field or [index] parts; in parentheses, or standing alone.
    [GeneratedRegex(@"\s?\((?:provider|business|account|phone|hsm|profile|lineOfCredit|channel|estimate)(?:\.[A-Za-z]+|\[[0-9]+\])*(?:(?: (?:is|est|repeats|répète)| :) [^)]*)?\)|(?<![\w'])(?:business|account|phone|hsm|profile|lineOfCredit|channel|estimate)(?:\.[A-Za-z]+|\[[0-9]+\])+(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex PacketPath();

    [GeneratedRegex(@" {2,}| (?=[,.])", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    /// <summary>The text without packet paths.</summary>
    public static string WithoutPaths(string text)
    {
        var stripped = PacketPath().Replace(text, _ => "");
        return Spaces().Replace(stripped, m => m.Length >= 2 ? " " : "");
    }
}
