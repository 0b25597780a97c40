using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace WaOnboard.Tests.Templates;

/// <summary>Parses rendered HTML in strict mode: any parse error throws, so a test fails on malformed output.</summary>
internal static class Html
{
    private static readonly HtmlParser Strict = new(new HtmlParserOptions { IsStrictMode = true });

    public static IHtmlDocument ParseDocument(string html) => Strict.ParseDocument(html);

    /// <summary>Parses a snippet the way a page that includes it would.</summary>
    public static IHtmlDocument ParseSnippet(string fragment) =>
        Strict.ParseDocument("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>t</title></head><body>" + fragment + "</body></html>");

    public static IReadOnlyList<string> ElementNames(IDocument document) => [.. document.All.Select(e => e.LocalName)];
}
