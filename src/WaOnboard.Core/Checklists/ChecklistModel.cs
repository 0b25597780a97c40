using WaOnboard.Findings;
using WaOnboard.Packets;
using WaOnboard.Phone;

namespace WaOnboard.Checklists;

// The view models templates see: strings, lists and flags only, already decided here, so templates stay logic-less.

internal sealed record FindingView(string Message, string? Help, string Path, bool IsError, bool IsWarning);

internal sealed record ElementView(string Title, string Status, bool IsDone, bool IsToFix, bool IsToConfirm, bool IsMissing, IReadOnlyList<FindingView> Findings);

internal sealed record FieldView(string Label, string? Value, IReadOnlyList<string> Values, bool IsMissing);

internal sealed record StepView(int Number, string Title, string Text, IReadOnlyList<FieldView> Fields);

internal sealed record EstimateView(string Line, string Split, string Source, string Note);

internal sealed record ChecklistView(
    IReadOnlyDictionary<string, string> T,
    string Language,
    string Subject,
    string Intro,
    string Provider,
    string Business,
    string SendHeading,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<ElementView> Elements,
    IReadOnlyList<FindingView> FileFindings,
    IReadOnlyList<FindingView> OtherFindings,
    IReadOnlyList<string> ToSend,
    IReadOnlyList<StepView> Steps,
    IReadOnlyList<string> Missing,
    EstimateView? Estimate,
    string? EstimateProblem);

internal static class ChecklistModel
{
    public static ChecklistView Build(PacketDocument packet, ValidationReport report, string profileName, ChecklistOptions options)
    {
        var language = options.Language;
        var t = ChecklistContent.Labels(language);
        var profile = ChecklistContent.Profiles[profileName];
        var root = packet.Root;
        var business = PacketPath.Text(root, "business.verifiedName") ?? PacketPath.Text(root, "profile.businessName") ?? packet.Source;
        var sendTo = profile.SendTo[language];

        var fileFindings = report.Findings.Where(f => f.Path.Length == 0).Select(View).ToList();
        var claimed = new HashSet<Finding>(ReferenceEqualityComparer.Instance);
        var elements = new List<ElementView>();
        foreach (var element in profile.Elements)
        {
            var findings = report.Findings
                .Where(f => f.Path.Length > 0 && element.Paths.Any(p => PacketValues.Covers(p, f.Path)))
                .ToList();
            claimed.UnionWith(findings);
            var hasError = findings.Any(f => f.Severity == Severity.Error);
            var hasWarning = findings.Any(f => f.Severity == Severity.Warning);
            var present = element.Paths.Any(p => PacketValues.HasValue(PacketPath.Find(root, p)));
            var status = hasError ? "statusToFix" : hasWarning ? "statusToConfirm" : present ? "statusDone" : "statusMissing";
            elements.Add(new ElementView(language == "fr" ? element.Fr : element.En, t[status],
                status == "statusDone", status == "statusToFix", status == "statusToConfirm", status == "statusMissing",
                [.. findings.Where(f => f.Severity != Severity.Info).Select(View)]));
        }
        var other = report.Findings.Where(f => f.Path.Length > 0 && !claimed.Contains(f) && f.Severity != Severity.Info).Select(View).ToList();
        var toSend = elements.Where(e => !e.IsDone).Select(e => e.Title).ToList();

        var missing = new List<string>();
        var steps = new List<StepView>();
        var number = 0;
        foreach (var step in profile.Steps)
        {
            var fields = step.Fields.Select(f => Field(root, f, language, t)).ToList();
            missing.AddRange(fields.Where(f => f.IsMissing).Select(f => f.Label).Where(l => !missing.Contains(l)));
            steps.Add(new StepView(++number, language == "fr" ? step.Fr : step.En, language == "fr" ? step.TextFr : step.TextEn, fields));
        }

        var estimate = CostEstimate.For(packet, out var missingRate);
        EstimateView? estimateView = null;
        string? estimateProblem = null;
        if (estimate is not null)
        {
            estimateView = new EstimateView(
                Fill(t["estimateLine"], ("sessions", estimate.Sessions.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    ("rate", estimate.Format(estimate.WhatsAppRate, language)), ("fee", estimate.Format(estimate.ProviderFee, language)),
                    ("feeProvider", estimate.Provider), ("total", estimate.Format(estimate.Total, language))),
                Fill(t["estimateSplit"], ("whatsApp", estimate.Format(estimate.WhatsAppCharge, language)),
                    ("feeProvider", estimate.Provider), ("provider", estimate.Format(estimate.ProviderCharge, language))),
                Fill(t["estimateSource"], ("source", estimate.Source)),
                t["estimateNote"]);
        }
        else if (missingRate is not null)
        {
            var parts = missingRate.Split('/');
            estimateProblem = Fill(t["estimateNoRate"], ("country", parts[0]), ("currency", parts[1]));
        }

        var pm = options.Audience == ChecklistAudience.ProjectManager;
        var subject = Fill(t[pm ? "pmSubject" : "subject"], ("business", business));
        return new ChecklistView(t, language, subject,
            Fill(t[pm ? "pmIntro" : "intro"], ("business", business), ("provider", profile.Name)),
            profile.Name, business, Fill(t["sendHeading"], ("sendTo", sendTo)),
            [.. profile.Warnings.Select(w => w[language])],
            elements, fileFindings, other, toSend, steps, missing, estimateView, estimateProblem);
    }

    private static FindingView View(Finding f) =>
        new(f.Message, f.Help, f.Path, f.Severity == Severity.Error, f.Severity == Severity.Warning);

    /// <summary>Replaces {name} placeholders of a label; values are data and are never parsed as a template.</summary>
    internal static string Fill(string text, params (string Name, string Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }
        return text;
    }

    private static FieldView Field(MapNode? root, string field, string language, IReadOnlyDictionary<string, string> t)
    {
        var label = ChecklistContent.FieldLabel(field, language);
        string? YesNo(string path) => PacketValues.Flag(root, path) switch { true => t["yes"], false => t["no"], _ => null };
        FieldView One(string? value) => new(label, value, [], value is null);
        FieldView Many(IReadOnlyList<string> values) => new(label, null, values, values.Count == 0);

        switch (field)
        {
            case "phone":
                var number = PacketPath.Text(root, "phone.number");
                if (number is null)
                {
                    return One(null);
                }
                var info = PhoneNumbers.Inspect(number);
                return One(info.Valid ? info.E164 : number);
            case "websites":
                var sites = PacketValues.Texts(root, "profile.websites");
                return Many([.. sites.Select(s => PacketValues.HttpUrl(s) ?? t["notShown"])]);
            case "facebookPage":
                var page = PacketPath.Text(root, "profile.facebookPage");
                return page is null ? One(null) : One(PacketValues.HttpUrl(page) ?? t["notShown"]);
            case "hsmBodies":
                var bodies = new List<string>();
                foreach (var template in (PacketPath.Find(root, "hsm") as ListNode)?.Items ?? [])
                {
                    foreach (var translation in ((template as MapNode)?["translations"] as ListNode)?.Items ?? [])
                    {
                        var map = translation as MapNode;
                        if (map?["body"] is ScalarNode { IsBlank: false } body)
                        {
                            var lang = map["language"] is ScalarNode { IsBlank: false } l ? l.Text : "?";
                            bodies.Add(lang + ": " + body.Text);
                        }
                    }
                }
                return Many(bodies);
            case "canReceive": return Many(PacketValues.Texts(root, "phone.canReceive"));
            case "lineOfCredit": return One(YesNo("lineOfCredit.approved"));
            case "hsmApproved": return One(YesNo("hsm[0].approved"));
            case "termsAccepted": return One(YesNo("account.termsAccepted"));
            default:
                var path = field switch
                {
                    "businessId" => "business.facebookBusinessId",
                    "verifiedName" => "business.verifiedName",
                    "legalName" => "business.legalName",
                    "hsmNamespace" => "hsm[0].namespace",
                    "hsmElementName" => "hsm[0].elementName",
                    "plan" => "account.plan",
                    "channelName" => "channel.name",
                    "channelScript" => "channel.script",
                    _ => "profile." + field,
                };
                return One(PacketPath.Text(root, path));
        }
    }
}
