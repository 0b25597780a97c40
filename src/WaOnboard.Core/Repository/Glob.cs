using System.Text;
using System.Text.RegularExpressions;

namespace WaOnboard.Repository;

/// <summary>A glob over file paths (<c>packets/**/old-*</c>) or over packet paths (<c>hsm[*].translations[*].body</c>).</summary>
/// <remarks>
/// One small matcher for both: Microsoft.Extensions.FileSystemGlobbing walks directories and knows nothing of
/// packet paths, and the core does not reference the ASP.NET Core shared framework that carries it.
/// </remarks>
public sealed class Glob
{
    private readonly Regex _regex;

    private Glob(string pattern, Regex regex)
    {
        Pattern = pattern;
        _regex = regex;
    }

    /// <summary>The pattern as written.</summary>
    public string Pattern { get; }

    /// <summary>A glob over file paths with <c>/</c>: <c>*</c> and <c>?</c> stay within a folder name, <c>**</c> crosses folders.</summary>
    public static Glob ForFiles(string pattern)
    {
        var regex = new StringBuilder("^");
        var text = pattern.Replace('\\', '/').TrimStart('.', '/');
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '*' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var slash = i + 2 < text.Length && text[i + 2] == '/';
                regex.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else
            {
                regex.Append(text[i] switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(text[i].ToString()),
                });
            }
        }
        return new Glob(pattern, Compile(regex.Append("/?$").ToString()));
    }

    /// <summary>A glob over packet paths: <c>[*]</c> is any item, <c>*</c> any field name, <c>**</c> anything below.</summary>
    public static Glob ForPacketPaths(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            if (string.CompareOrdinal(pattern, i, "[*]", 0, 3) == 0)
            {
                regex.Append(@"\[\d+\]");
                i += 2;
            }
            else if (pattern[i] == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                regex.Append(".*");
                i++;
            }
            else
            {
                regex.Append(pattern[i] switch
                {
                    '*' => @"[^.\[]*",
                    '?' => @"[^.\[]",
                    _ => Regex.Escape(pattern[i].ToString()),
                });
            }
        }
        return new Glob(pattern, Compile(regex.Append('$').ToString()));
    }

    /// <summary>True when the whole path matches.</summary>
    public bool IsMatch(string path) => _regex.IsMatch(path.Replace('\\', '/'));

    // Patterns come from configuration files: a non-backtracking regex keeps any pattern linear in the path's length.
    private static Regex Compile(string regex) => new(regex, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
}
