using System.Reflection;
using System.Text;

namespace WaOnboard.Templates;

/// <summary>The files of the top-level <c>templates/</c> folder, embedded in the core assembly.</summary>
public static class TemplateFiles
{
    private const string Prefix = "templates/";
    private static readonly Assembly Assembly = typeof(TemplateFiles).Assembly;

    /// <summary>Every embedded template and data file, as paths under <c>templates/</c> (<c>snippets/button.html.hbs</c>).</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        .. Assembly.GetManifestResourceNames()
            .Select(name => name.Replace('\\', '/'))
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(name => name[Prefix.Length..])
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>The text of an embedded file, by its path under <c>templates/</c>.</summary>
    public static string Read(string name)
    {
        using var stream = Assembly.GetManifestResourceStream(Prefix + name)
            ?? throw new TemplateException(Prefix + name, 0, "no such file is embedded in the core assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
