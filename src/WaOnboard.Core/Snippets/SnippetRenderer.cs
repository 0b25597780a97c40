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
        var words = WordsOf(request.Language);
        switch (kind)
        {
            case "qr":
                var phone = request.Phone.Trim();
                return QrCodes.Svg(link, request.QrSize, ChecklistModel.Fill(words["qrTitle"], ("phone", phone)), words["brandNote"],
                    request.QrCaption ? [words["qrCaption"], phone] : null);
            case "wa-link":
                // The bare link: it is pasted into other documents and compared with QR codes. Its brand note is in --list and on the page.
                return TemplateSet.Render("snippets/wa-link.txt.hbs", new LinkView(link, "", words, words["brandNote"]));
            case "app-link":
                // Without text there is no deep link: a bare whatsapp://send opens an empty composer with no contact.
                return TemplateSet.Render("snippets/app-link.txt.hbs",
                    new LinkView(link, string.IsNullOrEmpty(request.Text) ? "" : WaLinks.DeepLink(request.Text), words, words["brandNote"]));
            case "google-business":
                return TemplateSet.Render("snippets/google-business.txt.hbs", new LinkView(link, "", words, words["brandNote"]));
            case "ivr":
                return TemplateSet.Render("snippets/ivr.txt.hbs", new IvrView(Prompts(request, link, info.E164!), words["brandNote"]));
            case "button":
            case "floating-button":
            case "contact-page":
            case "email-signature":
                return TemplateSet.Render($"snippets/{kind}.html.hbs", View(kind, request, link, info.E164!));
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

    /// <summary>The languages whose words every snippet has (the IVR prompt has more: see <see cref="IvrLanguages"/>).</summary>
    public static IReadOnlyList<string> Languages { get; } = ["en", "fr"];

    /// <summary>The languages the IVR prompt can be spoken in.</summary>
    public static IReadOnlyList<string> IvrLanguages => [.. Labels.Value.Where(l => l.Value.ContainsKey("ivrPrompt")).Select(l => l.Key)];

    /// <summary>The brand rules every snippet must follow, in a language of <see cref="Languages"/> (English otherwise).</summary>
    public static string BrandNote(string language) => WordsOf(language)["brandNote"];

    /// <summary>The IVR key: one key of a phone keypad.</summary>
    public static bool IsIvrKey(string key) => key is { Length: 1 } && (char.IsAsciiDigit(key[0]) || key[0] is '*' or '#');

    private static readonly Lazy<Dictionary<string, Dictionary<string, string>>> Labels = new(() =>
    {
        var labels = ChecklistTexts.Load<Dictionary<string, Dictionary<string, string>>>("snippets/labels.yaml");
        // Brand notes go into HTML and SVG comments unencoded (they are this file's text): a comment must not end early.
        foreach (var (language, words) in labels)
        {
            if (words.TryGetValue("brandNote", out var note) && (note.Contains("--", StringComparison.Ordinal) || note.Contains('>', StringComparison.Ordinal)))
            {
                throw new InvalidOperationException($"templates/snippets/labels.yaml: the brandNote of '{language}' has '--' or '>', which would end a comment.");
            }
        }
        return labels;
    });

    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> Words = new(StringComparer.Ordinal);

    /// <summary>The words of a language, each falling back to English when the language lacks it.</summary>
    private static IReadOnlyDictionary<string, string> WordsOf(string language) =>
        Words.GetOrAdd(Labels.Value.ContainsKey(language) ? language : "en", static key =>
        {
            var words = new Dictionary<string, string>(Labels.Value["en"], StringComparer.Ordinal);
            foreach (var (name, value) in Labels.Value[key])
            {
                words[name] = value;
            }
            return words;
        });

    private static HtmlSnippetView View(string kind, SnippetRequest request, string link, string e164)
    {
        var language = Languages.Contains(request.Language) ? request.Language : "en";
        var t = WordsOf(language);
        var name = string.IsNullOrWhiteSpace(request.BusinessName)
            ? t["buttonLabelNoName"]
            : t["buttonLabel"].Replace("{business}", request.BusinessName, StringComparison.Ordinal);
        // The number as the business writes it (it is valid, so it carries its country code).
        var phone = request.Phone.Trim();
        var contactText = kind == "contact-page" ? t["contactText"].Replace("{phone}", phone, StringComparison.Ordinal) : "";
        // The number of a tel: link must not break across lines: its spaces are no-break spaces.
        return new HtmlSnippetView(link, language, t["button"], name, t["contactHeading"], contactText, t["signatureText"], phone,
            "tel:" + e164, phone.Replace(' ', '\u00A0'), t["callLabel"], t["brandNote"]);
    }

    private static List<IvrPrompt> Prompts(SnippetRequest request, string link, string e164)
    {
        // The prompt is spoken in the languages of the packet's message templates (en-US is spoken as en), or in the
        // language asked for; a language without words says so rather than falling back to another language silently.
        var languages = (request.Languages.Count > 0 ? request.Languages : [request.Language])
            .Select(l => l.Trim().Split('-', '_')[0].ToLowerInvariant())
            .Where(l => l.Length is > 0 and <= 8 && l.All(char.IsAsciiLetterLower))
            .Distinct()
            .ToList();
        if (languages.Count == 0)
        {
            languages.Add("en");
        }
        var business = string.IsNullOrWhiteSpace(request.BusinessName) ? e164 : request.BusinessName;
        return
        [
            .. languages.Select(language =>
            {
                if (!Labels.Value.TryGetValue(language, out var own) || !own.ContainsKey("ivrPrompt"))
                {
                    return new IvrPrompt(language, "", "", WordsOf(request.Language)["ivrMissing"]);
                }
                var t = WordsOf(language);
                return new IvrPrompt(language, ChecklistModel.Fill(t["ivrPrompt"], ("key", request.Key)),
                    ChecklistModel.Fill(t["ivrSms"], ("business", business), ("link", link)), "");
            }),
        ];
    }
}

internal sealed record LinkView(string Link, string DeepLink, IReadOnlyDictionary<string, string> Words, string BrandNote);

internal sealed record HtmlSnippetView(string Link, string Language, string ButtonText, string AccessibleName, string Heading, string ContactText,
    string SignatureText, string Phone, string Tel, string TelText, string CallLabel, string BrandNote);

internal sealed record IvrPrompt(string Language, string Prompt, string Sms, string Missing);

internal sealed record IvrView(IReadOnlyList<IvrPrompt> Prompts, string BrandNote);
