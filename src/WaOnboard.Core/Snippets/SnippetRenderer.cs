using System.Collections.Concurrent;
using WaOnboard.Checklists;
using WaOnboard.Phone;
using WaOnboard.Templates;

namespace WaOnboard.Snippets;

/// <summary>A phone number that cannot be used in a click to chat link.</summary>
public sealed class InvalidPhoneNumberException(string input, string problem)
    : ArgumentException($"'{input}' {problem}: give the number in international format, for example +33 1 42 00 00 00.")
{
    /// <summary>The number as given.</summary>
    public string Input { get; } = input;
}

/// <summary>Renders entry-point snippets (click to chat link, buttons, contact page, signature, app, IVR, QR).</summary>
public static class SnippetRenderer
{
    /// <summary>Every snippet kind.</summary>
    public static IReadOnlyList<SnippetKind> Kinds => SnippetKinds.All;

    // A snippet is a pure function of its request and of the embedded templates, which never change in a process,
    // so a rendered snippet can be reused. The cache is bounded: when full it is emptied, never grown.
    private const int CacheLimit = 4096;
    private static readonly ConcurrentDictionary<(string Kind, SnippetRequest Request, string Languages), string> Cache = new();

    /// <summary>Renders a snippet kind (<c>button</c>, ...) for a number and optional pre-filled text; <c>qr</c> gives SVG.</summary>
    public static string Render(string kind, SnippetRequest request)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(request);
        // Records compare lists by reference: the languages take part in the key by value.
        var key = (kind, request, string.Join(',', request.Languages));
        if (Cache.TryGetValue(key, out var cached))
        {
            return cached;
        }
        var rendered = RenderUncached(kind, request);
        if (Cache.Count >= CacheLimit)
        {
            Cache.Clear();
        }
        Cache[key] = rendered;
        return rendered;
    }

    /// <summary>Renders without the cache (benchmarks measure both).</summary>
    internal static string RenderUncached(string kind, SnippetRequest request)
    {
        var info = PhoneNumbers.Inspect(request.Phone);
        if (!info.Valid || info.WaMeDigits is null)
        {
            throw new InvalidPhoneNumberException(request.Phone, info.Problem ?? "is not a valid phone number");
        }
        var link = WaLinks.WaMe(info.WaMeDigits, request.Text);
        switch (kind)
        {
            case "qr":
                return QrCodes.Svg(link);
            case "wa-link":
                return TemplateSet.Render("snippets/wa-link.txt.hbs", new LinkView(link, ""));
            case "app-link":
                return TemplateSet.Render("snippets/app-link.txt.hbs", new LinkView(link, WaLinks.DeepLink(request.Text)));
            case "ivr":
                return TemplateSet.Render("snippets/ivr.txt.hbs", new IvrView(Prompts(request, link, info.E164!)));
            case "button":
                return TemplateSet.Render("snippets/button.html.hbs", View(kind, request, link));
            case "floating-button":
                return TemplateSet.Render("snippets/floating-button.html.hbs", View(kind, request, link));
            case "contact-page":
                return TemplateSet.Render("snippets/contact-page.html.hbs", View(kind, request, link));
            case "email-signature":
                return TemplateSet.Render("snippets/email-signature.html.hbs", View(kind, request, link));
            default:
                throw new ArgumentException($"No snippet kind '{kind}': use one of {string.Join(", ", Kinds.Select(k => k.Name))}.", nameof(kind));
        }
    }

    /// <summary>Renders a snippet for a bare number and optional pre-filled text.</summary>
    public static string Render(string kind, string phone, string? text = null) => Render(kind, new SnippetRequest(phone, text));

    /// <summary>The wa.me link of a number and optional pre-filled text; throws <see cref="InvalidPhoneNumberException"/> for a number that is not valid.</summary>
    public static string Link(string phone, string? text = null)
    {
        var info = PhoneNumbers.Inspect(phone);
        return info.Valid && info.WaMeDigits is not null
            ? WaLinks.WaMe(info.WaMeDigits, text)
            : throw new InvalidPhoneNumberException(phone, info.Problem ?? "is not a valid phone number");
    }

    private static readonly Lazy<Dictionary<string, Dictionary<string, string>>> Labels =
        new(() => ChecklistTexts.Load<Dictionary<string, Dictionary<string, string>>>("snippets/labels.yaml"));

    private static Dictionary<string, string> LabelsOf(string language) =>
        Labels.Value.TryGetValue(language, out var labels) ? labels : Labels.Value["en"];

    private static HtmlSnippetView View(string kind, SnippetRequest request, string link)
    {
        var language = Labels.Value.ContainsKey(request.Language) ? request.Language : "en";
        var t = LabelsOf(language);
        var name = string.IsNullOrWhiteSpace(request.BusinessName)
            ? t["buttonLabelNoName"]
            : t["buttonLabel"].Replace("{business}", request.BusinessName, StringComparison.Ordinal);
        // The number as the business writes it (it is valid, so it carries its country code).
        var phone = request.Phone.Trim();
        var contactText = kind == "contact-page" ? t["contactText"].Replace("{phone}", phone, StringComparison.Ordinal) : "";
        return new HtmlSnippetView(link, language, t["button"], name, t["contactHeading"], contactText, t["signatureText"], phone);
    }

    private static List<IvrPrompt> Prompts(SnippetRequest request, string link, string e164)
    {
        var languages = request.Languages.Concat(["en", "fr"]).Where(l => Labels.Value.ContainsKey(l)).Distinct().ToList();
        return
        [
            .. languages.Select(language =>
            {
                var t = LabelsOf(language);
                var business = string.IsNullOrWhiteSpace(request.BusinessName) ? e164 : request.BusinessName;
                return new IvrPrompt(language, ChecklistModel.Fill(t["ivrPrompt"], ("key", "5")),
                    ChecklistModel.Fill(t["ivrSms"], ("business", business), ("link", link)));
            }),
        ];
    }
}

internal sealed record LinkView(string Link, string DeepLink);

internal sealed record HtmlSnippetView(string Link, string Language, string ButtonText, string AccessibleName, string Heading, string ContactText, string SignatureText, string Phone);

internal sealed record IvrPrompt(string Language, string Prompt, string Sms);

internal sealed record IvrView(IReadOnlyList<IvrPrompt> Prompts);
