using System.Text;
using WaOnboard.Checklists;
using WaOnboard.Findings;
using WaOnboard.Templates;

namespace WaOnboard.Tests.Templates;

public class ChecklistTests
{
    private static string Customer(string profile, string language = "en")
    {
        var packet = TestPackets.Load(profile);
        return ChecklistRenderer.Render(TestPackets.Check(packet, profile), new() { Language = language }).Text;
    }

    /// <summary>The customer checklist of a bundled example, from its real report.</summary>
    private static string Example(string example) =>
        ChecklistRenderer.Render(TestPackets.Check(WaOnboard.Packets.PacketLoader.LoadPath(Repo.PathOf("examples", example))), new()).Text;

    [Fact]
    public void AnErrorFindingMarksItsElementToFixWithMessageAndHelp()
    {
        var text = Example("many-mistakes");
        Assert.Contains("[to fix] Business ID (Meta business portfolio", text, StringComparison.Ordinal);
        Assert.Contains("The Business ID '12345' is not a number of 15 or 16 digits.", text, StringComparison.Ordinal);
        Assert.Contains("How to fix: Copy it from Business settings > Business info", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AWarningFindingMarksItsElementToConfirm()
    {
        // The phone number is fine but for one warning: a landline that declares only SMS.
        var packet = TestPackets.FromYaml("provider: engage-digital\nphone:\n  number: \"+33 1 42 00 00 00\"\n  canReceive: [sms]\n  usedOnWhatsAppBefore: false\n");
        var checkedPacket = TestPackets.Check(packet);
        Assert.DoesNotContain(checkedPacket.Report.Findings, f => f.Path.StartsWith("phone", StringComparison.Ordinal) && f.Severity == Severity.Error);
        Assert.Contains(checkedPacket.Report.Findings, f => f.Path.StartsWith("phone", StringComparison.Ordinal) && f.Severity == Severity.Warning);
        Assert.Contains("[to confirm] Phone number", ChecklistRenderer.Render(checkedPacket, new()).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnElementWithNoValueAndNoFindingIsMissingNotDone()
    {
        var packet = TestPackets.FromYaml("provider: engage-digital\nbusiness:\n  verifiedName: Acme Bank\n");
        var checkedPacket = TestPackets.Check(packet, "engage-digital") with { Report = new ValidationReport("inline", "engage-digital", []) };
        var text = ChecklistRenderer.Render(checkedPacket, new()).Text;
        Assert.Contains("[done] Verified name", text, StringComparison.Ordinal);
        Assert.Contains("[missing] Line of credit", text, StringComparison.Ordinal);
    }

    [Fact]
    public void FileLevelAndUnclaimedFindingsAreNotLost()
    {
        var text = Example("many-mistakes");
        Assert.Contains("'verifedName' is not a field of business", text, StringComparison.Ordinal);
        var broken = TestPackets.FromYaml("provider: generic\nschemaVersion: 2\n");
        Assert.Contains("this validator reads version 1 only", ChecklistRenderer.Render(TestPackets.Check(broken), new()).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void EngageDigitalChecklistListsTheSixStepsAndTheTimeCriticalWarnings()
    {
        var text = Customer("engage-digital");
        string[] steps = ["Create the customer's WhatsApp Business account", "Add and verify the phone number",
            "Register the number and create the source", "HSM configuration", "Business profile configuration",
            "Official Business Account request (blue check)"];
        for (var i = 0; i < steps.Length; i++)
        {
            Assert.Contains($"{i + 1}. {steps[i]}", text, StringComparison.Ordinal);
        }
        // The template numbers the steps: a title that numbers itself too reads "1. Step 1 - ...".
        Assert.DoesNotContain("Step 1", text, StringComparison.Ordinal);
        Assert.Contains("within one hour", text, StringComparison.Ordinal);
        Assert.Contains("hard to change later", text, StringComparison.Ordinal);
        Assert.Contains("Business Manager > Requests (left navigation pane) > Approve", text, StringComparison.Ordinal);
    }

    [Fact]
    public void EightByEightChecklistFollowsItsProcessUpToThreeWorkingDays()
    {
        var text = Customer("8x8");
        Assert.Contains("Configuration Manager", text, StringComparison.Ordinal);
        Assert.Contains("CPaaS log-in", text, StringComparison.Ordinal);
        Assert.Contains("Facebook flow", text, StringComparison.Ordinal);
        Assert.Contains("up to 3 working days", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEstimateWithNoSourcedRateSaysSoInsteadOfGuessingAndShowsOnlyThisProvidersFee()
    {
        var packet = TestPackets.FromYaml("provider: 8x8\nestimate:\n  country: GB\n  currency: GBP\n  messages: { utility: 1000 }\n");
        var text = ChecklistRenderer.Render(TestPackets.Check(packet, "8x8"), new()).Text;
        Assert.Contains("No WhatsApp rate for GB in GBP", text, StringComparison.Ordinal);
        Assert.Contains("8x8 transaction charge (2021 figure per session, applied per message): £3.00", text, StringComparison.Ordinal);
        Assert.Contains("Total per month, without the messages that have no rate: £3.00", text, StringComparison.Ordinal);
        var engage = TestPackets.FromYaml("provider: engage-digital\nestimate:\n  country: GB\n  currency: GBP\n  messages: { utility: 1000 }\n");
        Assert.DoesNotContain("8x8", ChecklistRenderer.Render(TestPackets.Check(engage, "engage-digital"), new()).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void SessionsAreNoLongerPricedAndTheChecklistSaysWhy()
    {
        var packet = TestPackets.FromYaml("provider: 8x8\nestimate:\n  sessionsPerMonth: 1000\n  country: GB\n  currency: GBP\n");
        var checkedPacket = TestPackets.Check(packet, "8x8");
        Assert.Contains(checkedPacket.Report.Findings, f => f.RuleId == "estimate-sessions-obsolete" && f.Severity == Severity.Warning);
        var text = ChecklistRenderer.Render(checkedPacket, new()).Text;
        Assert.DoesNotContain("sessions x", text, StringComparison.Ordinal);
        Assert.Contains("Sessions are not counted", text, StringComparison.Ordinal);
        Assert.Contains("charged again from 1 October 2026", text, StringComparison.Ordinal);
    }

    [Fact]
    public void EngageDigitalStepsDescribeTodaysRegistrationNotTheOnPremisesApi()
    {
        foreach (var language in new[] { "en", "fr" })
        {
            foreach (var audience in new[] { ChecklistAudience.Customer, ChecklistAudience.ProjectManager })
            {
                var text = ChecklistRenderer.Render(TestPackets.Check(TestPackets.Load("engage-digital"), "engage-digital"), new() { Language = language, Audience = audience }).Text;
                Assert.DoesNotContain("certifica", text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("API hosting", text, StringComparison.Ordinal);
                Assert.DoesNotContain("Get your register code", text, StringComparison.Ordinal);
                Assert.Contains("Embedded Signup", text, StringComparison.Ordinal);
                Assert.Contains(language == "en" ? "six-digit two-step verification PIN" : "code PIN de vérification en deux étapes à six chiffres", text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void TheVerifiedNameIsSaidHardToChangeNotImpossible()
    {
        foreach (var profile in new[] { "engage-digital", "8x8", "generic" })
        {
            var en = Customer(profile);
            Assert.DoesNotContain("never be changed", en, StringComparison.Ordinal);
            Assert.Contains("hard to change later: each change needs Meta's review and a new registration", en, StringComparison.Ordinal);
            Assert.DoesNotContain("jamais être modifié", Customer(profile, "fr"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheEightByEightNotCallableNoteIsOnlyForEightByEightNumbers()
    {
        var other = TestPackets.FromYaml("provider: 8x8\nphone:\n  number: \"+44 7400 123456\"\n  provider: other\n");
        Assert.DoesNotContain("cannot be called on WhatsApp", ChecklistRenderer.Render(TestPackets.Check(other, "8x8"), new()).Text, StringComparison.Ordinal);
        var own = TestPackets.FromYaml("provider: 8x8\nphone:\n  number: \"+44 7400 123456\"\n  provider: 8x8\n");
        Assert.Contains("Your 8x8 number cannot be called on WhatsApp", ChecklistRenderer.Render(TestPackets.Check(own, "8x8"), new()).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCustomerChecklistGuidesEachEntryPointAndNamesTheBrandAndPressRules()
    {
        var text = Customer("engage-digital");
        foreach (var entryPoint in new[] { "Contact page:", "Website footer:", "App:", "Phone menu (IVR):", "Packaging and print:", "Google:", "E-mail signature:" })
        {
            Assert.Contains("  - " + entryPoint, text, StringComparison.Ordinal);
        }
        Assert.Contains("https://whatsappbrand.com/", text, StringComparison.Ordinal);
        Assert.Contains("https://wa.me/<number>", text, StringComparison.Ordinal);
        Assert.Contains("WhatsApp's press team", text, StringComparison.Ordinal);
        Assert.Contains("WhatsApp press", Customer("engage-digital", "fr").Replace("l'équipe presse de WhatsApp", "WhatsApp press", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void TheCustomerChecklistShowsNoPacketPathsAndTheSheetKeepsThem()
    {
        var document = WaOnboard.Packets.PacketLoader.LoadPath(Repo.PathOf("examples", "many-mistakes"));
        var checkedPacket = TestPackets.Check(document);
        foreach (var language in new[] { "en", "fr" })
        {
            var customer = ChecklistRenderer.Render(checkedPacket, new() { Language = language }).Text;
            foreach (var path in new[] { "business.facebookBusinessId", "phone.usedOnWhatsAppBefore", "lineOfCredit.approved", "profile.websites", "hsm[0]", "phone.canReceive", "docs/rules.md", "usedOnWhatsAppBefore:" })
            {
                Assert.DoesNotContain(path, customer, StringComparison.Ordinal);
            }
        }
        var pm = ChecklistRenderer.Render(checkedPacket, new() { Audience = ChecklistAudience.ProjectManager }).Text;
        Assert.Contains("business.verifedName", pm, StringComparison.Ordinal);
    }

    [Fact]
    public void DoneElementsEchoTheValueThatWasChecked()
    {
        var text = Example("engage-digital");
        Assert.Contains("[done] Verified name (vname): Acme Bank", text, StringComparison.Ordinal);
        Assert.Contains(": +33612345678", text, StringComparison.Ordinal);
        Assert.Contains("Message templates (HSM): reply_reminder (en, fr)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheProjectManagersSheetStartsWithItsVerdictAndFlagsInvalidValues()
    {
        var checkedPacket = TestPackets.Check(WaOnboard.Packets.PacketLoader.LoadPath(Repo.PathOf("examples", "many-mistakes")));
        var text = ChecklistRenderer.Render(checkedPacket, new() { Audience = ChecklistAudience.ProjectManager }).Text;
        var lines = text.Split('\n');
        Assert.Equal($"Verdict: not ready. The packet has {checkedPacket.Report.Summary.Errors} errors; the invalid values are flagged below.", lines[2]);
        Assert.Contains("Business ID: 12345  [INVALID: The Business ID '12345' is not a number of 15 or 16 digits.]", text, StringComparison.Ordinal);
        Assert.Contains("Provider name: Engage Digital", text, StringComparison.Ordinal);
        Assert.Contains("Other names of the business", text, StringComparison.Ordinal);
        Assert.Contains("Public phone numbers", text, StringComparison.Ordinal);
        var example = WaOnboard.Packets.PacketLoader.LoadPath(Repo.PathOf("examples", "engage-digital"));
        var ready = ChecklistRenderer.Render(TestPackets.Check(example), new() { Audience = ChecklistAudience.ProjectManager }).Text;
        Assert.StartsWith("Verdict: ready.", ready.Split('\n')[2], StringComparison.Ordinal);
    }

    [Fact]
    public void ProjectManagerSheetFillsInThePacketValuesAndListsWhatIsMissing()
    {
        var packet = TestPackets.Load("engage-digital");
        var text = ChecklistRenderer.Render(TestPackets.Check(packet, "engage-digital"), new() { Audience = ChecklistAudience.ProjectManager }).Text;
        Assert.Contains("Phone number with country code: +33612345678", text, StringComparison.Ordinal);
        Assert.Contains("Business ID: 104857600000042", text, StringComparison.Ordinal);
        Assert.DoesNotContain("namespace", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Template element name: reply_reminder", text, StringComparison.Ordinal);
        Assert.Contains("Still missing", text, StringComparison.Ordinal);
    }

    [Fact]
    public void FrenchChecklistIsInFrench() =>
        Assert.Contains("Prochaines étapes", Customer("engage-digital", language: "fr"), StringComparison.Ordinal);

    [Fact]
    public void AnUnknownLanguageIsRefused()
    {
        var packet = TestPackets.Load("generic");
        Assert.Throws<ArgumentException>(() => ChecklistRenderer.Render(TestPackets.Check(packet, "generic"), new() { Language = "de" }));
    }

    [Fact]
    public void ABrokenTemplateStopsWithFileLineAndWhatIsWrong()
    {
        var error = Assert.Throws<TemplateException>(() =>
            WaOnboard.Templates.TemplateSet.CompileSource("templates/broken.html.hbs", "<p>\n{{#each Steps}}\n<li>{{Title}}</li>\n", html: true));
        Assert.Equal("templates/broken.html.hbs:2: '{{#each}}' is never closed: add '{{/each}}'.", error.Message);
    }

    [Fact]
    public void AMismatchedCloseNamesBothLines()
    {
        var error = Assert.Throws<TemplateException>(() =>
            WaOnboard.Templates.TemplateSet.CompileSource("templates/x.txt.hbs", "{{#if A}}\n\n{{/each}}", html: false));
        Assert.StartsWith("templates/x.txt.hbs:3: '{{/each}}' closes '{{#if}}' opened on line 1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<p>\n\n{{Title</p>\n", "templates/bad.html.hbs:3: '{{' is not closed")]
    [InlineData("<p>\n{{Title}\n{{Intro}}", "templates/bad.html.hbs:2: '{{' is not closed")]
    [InlineData("<p>\n{{#each A}}{{/each}}\n{{else}}\n", "templates/bad.html.hbs:3: '{{else}}' is outside")]
    [InlineData("{{!-- note\n\n", "templates/bad.html.hbs:1: '{{!--' comment is never closed")]
    [InlineData("{{/if}}", "templates/bad.html.hbs:1: '{{/if}}' closes a block that was never opened")]
    public void ATemplateSyntaxErrorNamesFileAndLine(string source, string expected)
    {
        var error = Assert.Throws<TemplateException>(() => WaOnboard.Templates.TemplateSet.CompileSource("templates/bad.html.hbs", source, html: true));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnErrorOnlyHandlebarsFindsStillNamesTheFile()
    {
        var error = Assert.Throws<TemplateException>(() => WaOnboard.Templates.TemplateSet.CompileSource("templates/bad.txt.hbs", "{{#each}}{{/each}}", html: false));
        Assert.StartsWith("templates/bad.txt.hbs: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoEmbeddedTemplateUsesUnescapedOutput()
    {
        var templates = TemplateFiles.Names.Where(n => n.EndsWith(".hbs", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(templates);
        foreach (var name in templates)
        {
            var source = TemplateFiles.Read(name);
            Assert.DoesNotContain("{{{", source, StringComparison.Ordinal);
            Assert.DoesNotContain("{{&", source, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryEmbeddedTemplateCompiles()
    {
        foreach (var name in TemplateFiles.Names.Where(n => n.EndsWith(".hbs", StringComparison.Ordinal)))
        {
            Assert.NotNull(WaOnboard.Templates.TemplateSet.Get(name));
        }
    }
}

public class MailMessageTests
{
    private static MailDraft Draft(string subject) => new(subject, "Text body é", "<p>HTML body é</p>", TestPackets.FixedDate, "PM <pm@example.com>", null);

    [Fact]
    public void EmlIsMultipartAlternativeWithTheRequiredHeaders()
    {
        var eml = Encoding.ASCII.GetString(MailMessage.Write(Draft("Checklist")));
        var mail = MailParts.Decode(eml);
        Assert.Equal("Thu, 15 Jan 2026 09:30:00 +0000", mail.Headers["Date"]);
        Assert.Equal("1.0", mail.Headers["MIME-Version"]);
        Assert.Matches("^<[0-9a-f]+@wa-onboard\\.invalid>$", mail.Headers["Message-ID"]);
        Assert.StartsWith("multipart/alternative;", mail.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("Text body é", mail.Text);
        Assert.Equal("<p>HTML body é</p>", mail.Html);
        Assert.DoesNotContain(eml.Split("\r\n"), line => line.Length > 78);
        Assert.DoesNotContain('\n', eml.Replace("\r\n", "", StringComparison.Ordinal));
    }

    [Fact]
    public void NonAsciiSubjectIsRfc2047EncodedAndDecodesBack()
    {
        var subject = "Liste de contrôle de votre intégration WhatsApp : Café Ünïcode 😀 with a long tail of words";
        var header = MailParts.Decode(Encoding.ASCII.GetString(MailMessage.Write(Draft(subject)))).Headers["Subject"];
        var words = header.Split("\r\n ");
        Assert.All(words, w => Assert.True(w.Length <= 75 && w.StartsWith("=?UTF-8?B?", StringComparison.Ordinal)));
        var decoded = string.Concat(words.Select(w => Encoding.UTF8.GetString(Convert.FromBase64String(w[10..^2]))));
        Assert.Equal(subject, decoded);
    }

    [Theory]
    [InlineData("Hello\r\nBcc: victim@example.com")]
    [InlineData("Hello\nX: y")]
    [InlineData("Hello\rX: y")]
    public void ALineBreakInAHeaderIsRefused(string subject) =>
        Assert.Throws<ArgumentException>(() => MailMessage.Write(Draft(subject)));

    [Fact]
    public void AVerifiedNameWithALineBreakIsAFindingAndCannotInjectAHeaderIntoTheChecklistEmail()
    {
        var packet = TestPackets.FromYaml("provider: generic\nbusiness:\n  verifiedName: \"Acme\\r\\nBcc: victim@example.com\"\n");
        var checkedPacket = TestPackets.Check(packet, "generic");
        Assert.Contains(checkedPacket.Report.Findings, f => f.RuleId == "verified-name-single-line" && f.Severity == Severity.Error);
        var mail = Encoding.UTF8.GetString(ChecklistRenderer.Render(checkedPacket, new() { Format = ChecklistFormat.Eml, Date = TestPackets.FixedDate }).Content);
        var headers = mail[..mail.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        Assert.DoesNotContain("\r\nBcc:", headers, StringComparison.Ordinal);
    }
}
