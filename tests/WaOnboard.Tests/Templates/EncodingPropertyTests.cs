using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using WaOnboard.Checklists;
using WaOnboard.Snippets;

namespace WaOnboard.Tests.Templates;

/// <summary>Properties of the two encodings that reach the outside world: link text and e-mail headers.</summary>
public class EncodingPropertyTests
{
    // Strings of whole characters (no lone surrogates), from ASCII punctuation to RTL, CJK and emoji.
    private static Arbitrary<string> Texts() =>
        Gen.Elements("a", " ", "&", "=", "?", "#", "%", "+", "/", "\"", "'", "<", "é", "ü", "م", "中", "😀", "👍🏽", "\u200F", "\t")
            .ListOf()
            .Select(parts => string.Concat(parts))
            .ToArbitrary();

    [Property]
    public Property PrefilledTextRoundTripsThroughPercentEncodingAndLeavesOnlyUrlSafeCharacters() =>
        Prop.ForAll(Texts(), text =>
        {
            var encoded = WaLinks.EncodeUriComponent(text);
            Assert.Equal(text, Uri.UnescapeDataString(encoded));
            Assert.All(encoded, c => Assert.True(char.IsAsciiLetterOrDigit(c) || "-_.!~*'()%".Contains(c, StringComparison.Ordinal), $"'{c}' in {encoded}"));
        });

    [Property]
    public Property AnySubjectWithoutLineBreaksIsEncodedIntoShortAsciiLinesAndDecodesBack() =>
        Prop.ForAll(Texts(), subject =>
        {
            subject = subject.Replace("\t", " ", StringComparison.Ordinal);
            var eml = MailMessage.Write(new MailDraft(subject, "t", "<p>h</p>", TestPackets.FixedDate, "a@b.example", null));
            Assert.All(eml, b => Assert.True(b < 0x80));
            var text = Encoding.ASCII.GetString(eml);
            Assert.DoesNotContain(text.Split("\r\n"), line => line.Length > 78);
            var header = MailParts.Decode(text).Headers["Subject"];
            var decoded = header.StartsWith("=?UTF-8?B?", StringComparison.Ordinal)
                ? string.Concat(header.Split("\r\n ").Select(w => Encoding.UTF8.GetString(Convert.FromBase64String(w[10..^2]))))
                : header;
            Assert.Equal(subject, decoded);
        });
}
