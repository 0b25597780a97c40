using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using HandlebarsDotNet;

namespace WaOnboard.Templates;

/// <summary>
/// Compiles the embedded Handlebars templates once per process, on first use, thread-safely. HTML templates
/// (<c>*.html.hbs</c>) and text templates (<c>*.txt.hbs</c>) get separate environments so each has its own encoder.
/// Only embedded template files are ever compiled: packet values are data, never templates.
/// </summary>
internal sealed partial class TemplateSet
{
    private static readonly Lazy<TemplateSet> HtmlSet = new(() => new TemplateSet(new HtmlTextEncoder()));
    private static readonly Lazy<TemplateSet> TextSet = new(() => new TemplateSet(new PlainTextEncoder()));

    private readonly IHandlebars _handlebars;
    private readonly ConcurrentDictionary<string, Lazy<HandlebarsTemplate<object, object>>> _compiled = new(StringComparer.Ordinal);

    private TemplateSet(ITextEncoder encoder)
    {
        var configuration = new HandlebarsConfiguration { TextEncoder = encoder };
        configuration.ObjectDescriptorProviders.Add(new ViewModelDescriptors());
        _handlebars = Handlebars.Create(configuration);
    }

    /// <summary>The compiled template of an embedded file such as <c>snippets/button.html.hbs</c>.</summary>
    public static HandlebarsTemplate<object, object> Get(string name)
    {
        var set = name.EndsWith(".html.hbs", StringComparison.Ordinal) ? HtmlSet.Value : TextSet.Value;
        return set._compiled.GetOrAdd(name, static (key, self) =>
            new Lazy<HandlebarsTemplate<object, object>>(() => self.Compile(key), LazyThreadSafetyMode.ExecutionAndPublication), set).Value;
    }

    /// <summary>Renders an embedded template with a view model.</summary>
    public static string Render(string name, object model) => Get(name)(model);

    /// <summary>Compiles a template's source; a broken template becomes a <see cref="TemplateException"/> naming file and line.</summary>
    internal static HandlebarsTemplate<object, object> CompileSource(string file, string source, bool html)
    {
        var set = html ? HtmlSet.Value : TextSet.Value;
        return set.CompileText(file, source);
    }

    private HandlebarsTemplate<object, object> Compile(string name) => CompileText("templates/" + name, TemplateFiles.Read(name));

    private HandlebarsTemplate<object, object> CompileText(string file, string source)
    {
        // Handlebars.Net does not always say where an unclosed or mismatched block is: check the nesting first.
        CheckBlocks(file, source);
        try
        {
            // Compiling happens once per template; serialising it keeps the shared environment's registries safe.
            lock (_handlebars)
            {
                return _handlebars.Compile(source);
            }
        }
        catch (Exception e) when (e is HandlebarsException or InvalidOperationException or ArgumentException)
        {
            throw new TemplateException(file, LineOf(e.Message), FirstLine(e.Message));
        }
    }

    /// <summary>
    /// Finds the mistakes a person editing a template makes most (an unclosed <c>{{</c>, a block never closed or
    /// closed with another name, an <c>{{else}}</c> outside a block) and says on which line, which Handlebars.Net
    /// does not always do.
    /// </summary>
    private static void CheckBlocks(string file, string source)
    {
        var open = new Stack<(string Name, int Line)>();
        var at = 0;
        while ((at = source.IndexOf("{{", at, StringComparison.Ordinal)) >= 0)
        {
            var line = LineAt(source, at);
            var comment = source.AsSpan(at).StartsWith("{{!--");
            var close = comment ? source.IndexOf("--}}", at + 5, StringComparison.Ordinal) : source.IndexOf("}}", at + 2, StringComparison.Ordinal);
            var next = comment ? -1 : source.IndexOf("{{", at + 2, StringComparison.Ordinal);
            if (close < 0 || (next >= 0 && next < close))
            {
                throw new TemplateException(file, line, comment ? "'{{!--' comment is never closed: end it with '--}}'." : "'{{' is not closed: end the tag with '}}'.");
            }
            var tag = source.AsSpan(at + 2, close - at - 2).Trim().Trim('~').Trim();
            at = close + 2;
            if (comment || tag.IsEmpty || tag[0] == '!')
            {
                continue;
            }
            var name = BlockName(tag[1..]);
            if (tag[0] == '#')
            {
                open.Push((name, line));
            }
            else if (tag[0] == '/')
            {
                if (open.Count == 0)
                {
                    throw new TemplateException(file, line, $"'{{{{/{name}}}}}' closes a block that was never opened.");
                }
                var (expected, openedAt) = open.Pop();
                if (expected != name)
                {
                    throw new TemplateException(file, line, $"'{{{{/{name}}}}}' closes '{{{{#{expected}}}}}' opened on line {openedAt}: close it with '{{{{/{expected}}}}}'.");
                }
            }
            else if ((tag.SequenceEqual("else") || tag[0] == '^') && open.Count == 0)
            {
                throw new TemplateException(file, line, "'{{else}}' is outside any '{{#if}}' or '{{#each}}' block.");
            }
        }
        if (open.Count > 0)
        {
            var (name, line) = open.Peek();
            throw new TemplateException(file, line, $"'{{{{#{name}}}}}' is never closed: add '{{{{/{name}}}}}'.");
        }
    }

    private static string BlockName(ReadOnlySpan<char> tag)
    {
        tag = tag.TrimStart();
        var end = tag.IndexOfAny(' ', '\t', '\n');
        return (end < 0 ? tag : tag[..end]).ToString();
    }

    private static int LineAt(string source, int index) => 1 + source.AsSpan(0, index).Count('\n');

    private static int LineOf(string message)
    {
        var match = LinePosition().Match(message);
        return match.Success && int.TryParse(match.Groups["line"].Value, out var line) ? line : 0;
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }

    [GeneratedRegex(@"(?:line|Line)\D{0,3}(?<line>\d+)")]
    private static partial Regex LinePosition();
}
