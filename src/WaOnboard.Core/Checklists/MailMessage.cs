using System.Globalization;
using System.IO.Hashing;
using System.Text;

namespace WaOnboard.Checklists;

/// <summary>What goes into an e-mail: headers and the two alternative bodies.</summary>
/// <param name="Subject">The subject, any language.</param>
/// <param name="Text">The plain-text body.</param>
/// <param name="Html">The HTML body.</param>
/// <param name="Date">The Date header.</param>
/// <param name="From">The From header (<c>Name &lt;address&gt;</c> or an address).</param>
/// <param name="To">The To header, or null for a draft without recipient.</param>
public sealed record MailDraft(string Subject, string Text, string Html, DateTimeOffset Date, string From, string? To);

/// <summary>Writes RFC 5322 messages: multipart/alternative, UTF-8, RFC 2047 encoded headers, CRLF line ends.</summary>
public static class MailMessage
{
    private const string Crlf = "\r\n";

    /// <summary>The message's bytes. A header value holding CR or LF is refused, since it could inject headers.</summary>
    public static byte[] Write(MailDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        RefuseLineBreaks(draft.Subject, "Subject");
        RefuseLineBreaks(draft.From, "From");
        if (draft.To is not null)
        {
            RefuseLineBreaks(draft.To, "To");
        }

        // Message-ID and boundary derive from the content, so the same checklist on the same date gives the same file.
        // CRC-32 is enough and costs a fraction of SHA-256 over 30 KB: the boundary only has to be absent from the
        // base64 parts (which never hold '_'), and the ID only has to differ from one checklist to another.
        var text = Encoding.UTF8.GetBytes(draft.Text.ReplaceLineEndings(Crlf));
        var html = Encoding.UTF8.GetBytes(draft.Html.ReplaceLineEndings(Crlf));
        var head = Encoding.UTF8.GetBytes(draft.Subject + "\n" + draft.Date.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        var hash = string.Create(CultureInfo.InvariantCulture, $"{Crc32.HashToUInt32(head):x8}{Crc32.HashToUInt32(text):x8}{Crc32.HashToUInt32(html):x8}");
        var boundary = "=_wa-onboard_" + hash;
        var message = new StringBuilder(1024 + ((text.Length + html.Length) * 140 / 100));
        Header(message, "From", Address(draft.From, "From: ".Length));
        if (draft.To is not null)
        {
            Header(message, "To", Address(draft.To, "To: ".Length));
        }
        Header(message, "Subject", EncodeWords(draft.Subject, "Subject: ".Length));
        Header(message, "Date", draft.Date.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture)
            + draft.Date.ToString("zzz", CultureInfo.InvariantCulture).Replace(":", "", StringComparison.Ordinal));
        Header(message, "Message-ID", "<" + hash + "@wa-onboard.invalid>");
        Header(message, "MIME-Version", "1.0");
        Header(message, "Content-Type", "multipart/alternative;" + Crlf + " boundary=\"" + boundary + "\"");
        // Opens as an unsent draft in Outlook and Thunderbird, so the project manager can add the recipient and send.
        Header(message, "X-Unsent", "1");
        message.Append(Crlf).Append("This is a message in MIME format.").Append(Crlf);
        Part(message, boundary, "text/plain", text);
        Part(message, boundary, "text/html", html);
        message.Append("--").Append(boundary).Append("--").Append(Crlf);
        return Encoding.ASCII.GetBytes(message.ToString());
    }

    /// <summary>Encodes a header value as RFC 2047 encoded words when it is not plain ASCII; folds long values.</summary>
    public static string EncodeWords(string value, int used = 0)
    {
        if (value.All(c => c is >= ' ' and < '\u007F') && value.Length + used <= 78)
        {
            return value;
        }
        // RFC 2047: a line holding encoded words is at most 76 characters. Each word costs 12 characters of
        // "=?UTF-8?B?" and "?=" plus 4 base64 characters per 3 bytes; the first shares its line with the header name.
        static int Budget(int used) => (76 - used - 12) / 4 * 3;
        var words = new List<string>();
        var chunk = new StringBuilder();
        var chunkBytes = 0;
        var budget = Budget(used);
        foreach (var rune in value.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (chunkBytes + size > budget && chunk.Length > 0)
            {
                words.Add(Word(chunk.ToString()));
                chunk.Clear();
                chunkBytes = 0;
                budget = Budget(1);
            }
            chunk.Append(rune.ToString());
            chunkBytes += size;
        }
        if (chunk.Length > 0)
        {
            words.Add(Word(chunk.ToString()));
        }
        return string.Join(Crlf + " ", words);

        static string Word(string text) => "=?UTF-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) + "?=";
    }

    private static string Address(string value, int used)
    {
        var open = value.LastIndexOf('<');
        if (open <= 0 || !value.EndsWith('>'))
        {
            return value.Trim();
        }
        var name = value[..open].Trim().Trim('"');
        var address = value[open..];
        var encoded = name.All(c => c is >= ' ' and < '\u007F' and not '"' and not '\\') ? "\"" + name + "\"" : EncodeWords(name, used);
        return encoded + " " + address;
    }

    private static void RefuseLineBreaks(string value, string header)
    {
        if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException($"The {header} header would contain a line break (CR or LF); it is refused so that no header can be injected.");
        }
    }

    private static void Header(StringBuilder message, string name, string value) => message.Append(name).Append(": ").Append(value).Append(Crlf);

    private static void Part(StringBuilder message, string boundary, string mediaType, byte[] body)
    {
        message.Append("--").Append(boundary).Append(Crlf)
            .Append("Content-Type: ").Append(mediaType).Append("; charset=utf-8").Append(Crlf)
            .Append("Content-Transfer-Encoding: base64").Append(Crlf).Append(Crlf)
            // InsertLineBreaks writes lines of 76 characters ending in CRLF, as RFC 2045 asks.
            .Append(Convert.ToBase64String(body, Base64FormattingOptions.InsertLineBreaks)).Append(Crlf);
    }
}
