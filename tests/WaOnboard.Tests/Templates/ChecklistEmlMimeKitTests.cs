using System.Text;
using MimeKit;
using WaOnboard.Checklists;
using WaOnboard.Tests.Cli;

namespace WaOnboard.Tests.Templates;

/// <summary>
/// Every checklist e-mail the product writes, read back by an independent MIME parser (MimeKit, test-only): headers
/// decoded, and both bodies equal to the text and HTML renders of the same checklist.
/// </summary>
public class ChecklistEmlMimeKitTests
{
    public static TheoryData<string, string, string> Checklists()
    {
        var cases = new TheoryData<string, string, string>();
        foreach (var example in Directory.GetDirectories(Repo.PathOf("examples")).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            foreach (var language in ChecklistOptions.Languages)
            {
                foreach (var audience in new[] { "customer", "pm" })
                {
                    cases.Add(example!, language, audience);
                }
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Checklists))]
    public void ChecklistEmlOfEveryExampleParsesWithItsHeadersAndBothBodies(string example, string language, string audience)
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var eml = WriteChecklist(example, language, audience, "eml");
        var text = Encoding.UTF8.GetString(WriteChecklist(example, language, audience, "text"));
        var html = Encoding.UTF8.GetString(WriteChecklist(example, language, audience, "html"));

        using var message = MimeMessage.Load(new MemoryStream(eml));

        var from = Assert.Single(message.From.Mailboxes);
        var expectedFrom = MailboxAddress.Parse(new ChecklistOptions().From);
        Assert.Equal((expectedFrom.Name, expectedFrom.Address), (from.Name, from.Address));
        // No recipient is known to the command: the file is an unsent draft that the project manager addresses.
        Assert.Empty(message.To);
        Assert.Equal("1", message.Headers["X-Unsent"]);
        Assert.Equal(Html.ParseDocument(html).Title, message.Subject);
        Assert.DoesNotContain("=?", message.Subject, StringComparison.Ordinal);
        Assert.InRange(message.Date, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Matches("^[0-9a-f]{24}@wa-onboard\\.invalid$", message.MessageId);
        Assert.Equal(new Version(1, 0), message.MimeVersion);

        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Collection(
            alternative,
            part => Assert.Equal("text/plain", part.ContentType.MimeType),
            part => Assert.Equal("text/html", part.ContentType.MimeType));
        // MIME text travels with CRLF line ends (RFC 2046 4.1.1); the renders use the platform's.
        Assert.Equal(text.ReplaceLineEndings("\n"), message.TextBody?.ReplaceLineEndings("\n"));
        Assert.Equal(html.ReplaceLineEndings("\n"), message.HtmlBody?.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void RecipientSubjectAndDateWithAccentsDecodeToWhatWasGiven()
    {
        var date = new DateTimeOffset(2026, 7, 14, 18, 5, 9, TimeSpan.FromHours(2));
        var packet = TestPackets.Load("8x8");
        var options = new ChecklistOptions
        {
            Language = "fr",
            Format = ChecklistFormat.Eml,
            Date = date,
            From = "Équipe d'intégration WhatsApp <onboarding@wa-onboard.invalid>",
            To = "Zoé Dupont-Lefèvre <zoe@acme-bank.example>",
        };

        using var message = MimeMessage.Load(new MemoryStream(ChecklistRenderer.Render(TestPackets.Check(packet), options).Content));
        var html = ChecklistRenderer.Render(TestPackets.Check(packet), options with { Format = ChecklistFormat.Html }).Text;

        Assert.Equal(("Équipe d'intégration WhatsApp", "onboarding@wa-onboard.invalid"), (message.From.Mailboxes.Single().Name, message.From.Mailboxes.Single().Address));
        Assert.Equal(("Zoé Dupont-Lefèvre", "zoe@acme-bank.example"), (message.To.Mailboxes.Single().Name, message.To.Mailboxes.Single().Address));
        Assert.Equal(Html.ParseDocument(html).Title, message.Subject);
        Assert.Equal(date, message.Date);
        Assert.Equal(date.Offset, message.Date.Offset);
    }

    private static byte[] WriteChecklist(string example, string language, string audience, string format)
    {
        var file = Path.Combine(Path.GetTempPath(), $"wa-onboard-{Guid.NewGuid():N}.{format}");
        try
        {
            var (exit, _, error) = CliRunner.Run("checklist", Path.Combine("examples", example), "--lang", language, "--audience", audience, "--format", format, "--out", file);
            Assert.True(exit == 0, error);
            return File.ReadAllBytes(file);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
