using WaOnboard.Checking;
using WaOnboard.Findings;
using WaOnboard.Profiles;
using WaOnboard.Templates;

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
    public static ChecklistView Build(CheckedPacket checkedPacket, ProviderProfile profile, ChecklistOptions options)
    {
        var language = options.Language;
        var t = ChecklistTexts.Labels(language);
        var content = profile.Checklist ?? throw new TemplateException(profile.Origin, 0, $"the profile '{profile.Name}' has no {ProfileFile.ChecklistFileName}, and extends none that has.");
        var packet = checkedPacket.Packet;
        var report = checkedPacket.Report;
        // A name with a line break or control character is an error of the report; the e-mail shows it made harmless.
        var business = Printable(packet.DisplayName ?? checkedPacket.Document.Source);
        var sendTo = content.SendTo[language];

        var fileFindings = report.Findings.Where(f => f.Path.Length == 0).Select(View).ToList();
        var claimed = new HashSet<Finding>(ReferenceEqualityComparer.Instance);
        var elements = new List<ElementView>();
        foreach (var element in content.Elements)
        {
            var findings = report.Findings
                .Where(f => f.Path.Length > 0 && element.Paths.Any(p => Covers(p, f.Path)))
                .ToList();
            claimed.UnionWith(findings);
            var hasError = findings.Any(f => f.Severity == Severity.Error);
            var hasWarning = findings.Any(f => f.Severity == Severity.Warning);
            var present = element.Paths.Any(checkedPacket.Document.HasValueAt);
            var status = hasError ? "statusToFix" : hasWarning ? "statusToConfirm" : present ? "statusDone" : "statusMissing";
            elements.Add(new ElementView(language == "fr" ? element.Fr : element.En, t[status],
                status == "statusDone", status == "statusToFix", status == "statusToConfirm", status == "statusMissing",
                [.. findings.Where(f => f.Severity != Severity.Info).Select(View)]));
        }
        var other = report.Findings.Where(f => f.Path.Length > 0 && !claimed.Contains(f) && f.Severity != Severity.Info).Select(View).ToList();
        var toSend = elements.Where(e => !e.IsDone).Select(e => e.Title).ToList();
        if (toSend.Count == 0 && !report.Valid)
        {
            // Every element is done, yet an error stands elsewhere (the file, another field): never say "send it as it is".
            toSend.Add(t["fixFirst"]);
        }

        var missing = new List<string>();
        var steps = new List<StepView>();
        var number = 0;
        foreach (var step in content.Steps)
        {
            var fields = step.Fields.Select(f => Field(checkedPacket, f, language, t)).ToList();
            missing.AddRange(fields.Where(f => f.IsMissing).Select(f => f.Label).Where(l => !missing.Contains(l)));
            steps.Add(new StepView(++number, language == "fr" ? step.Fr : step.En, language == "fr" ? step.TextFr : step.TextEn, fields));
        }

        var estimate = CostEstimate.For(packet, profile, out var missingRate);
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
            Fill(t[pm ? "pmIntro" : "intro"], ("business", business), ("provider", content.Name)),
            content.Name, business, Fill(t["sendHeading"], ("sendTo", sendTo)),
            [.. content.Warnings.Select(w => w[language])],
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

    /// <summary>True when a finding's path is the element's path or lies under it.</summary>
    internal static bool Covers(string prefix, string path) =>
        path.StartsWith(prefix, StringComparison.Ordinal)
        && (path.Length == prefix.Length || path[prefix.Length] is '.' or '[');

    /// <summary>The text with every control character (a line break in a name) shown as a space.</summary>
    internal static string Printable(string text) =>
        text.Any(char.IsControl) ? new string([.. text.Select(c => char.IsControl(c) ? ' ' : c)]) : text;

    /// <summary>The text of a URL field when it is an absolute http(s) address; null otherwise, so it never reaches a template.</summary>
    internal static string? HttpUrl(string? value) =>
        value is not null
        && Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? value.Trim()
            : null;

    /// <summary>A value of the configuration sheet, by the field names of checklist.yaml and fields.yaml.</summary>
    private static FieldView Field(CheckedPacket checkedPacket, string field, string language, IReadOnlyDictionary<string, string> t)
    {
        var packet = checkedPacket.Packet;
        var label = ChecklistTexts.FieldLabel(field, language);
        string? YesNo(bool? flag) => flag switch { true => t["yes"], false => t["no"], _ => null };
        FieldView One(string? value) => new(label, value, [], value is null);
        FieldView Many(IReadOnlyList<string> values) => new(label, null, values, values.Count == 0);
        var firstTemplate = packet.Templates.Count > 0 ? packet.Templates[0] : null;
        var profile = packet.Profile;
        return field switch
        {
            "phone" => One(checkedPacket.E164 ?? packet.Phone.Number),
            "canReceive" => Many(packet.Phone.CanReceive),
            "businessId" => One(packet.Business.FacebookBusinessId),
            "verifiedName" => One(packet.Business.VerifiedName),
            "legalName" => One(packet.Business.LegalName),
            "plan" => One(packet.Account.Plan),
            "termsAccepted" => One(YesNo(packet.Account.TermsAccepted)),
            "channelName" => One(packet.Channel.Name),
            "channelScript" => One(packet.Channel.Script),
            "lineOfCredit" => One(YesNo(packet.LineOfCredit.Approved)),
            "hsmNamespace" => One(firstTemplate?.Namespace),
            "hsmElementName" => One(firstTemplate?.ElementName),
            "hsmApproved" => One(YesNo(firstTemplate?.Approved)),
            "hsmBodies" => Many([.. packet.Templates.SelectMany(h => h.Translations).Where(l => l.Body is not null).Select(l => (l.Language ?? "?") + ": " + l.Body)]),
            "websites" => Many([.. profile.Websites.Select(s => HttpUrl(s) ?? t["notShown"])]),
            "facebookPage" => One(profile.FacebookPage is null ? null : HttpUrl(profile.FacebookPage) ?? t["notShown"]),
            "businessName" => One(profile.BusinessName),
            "nameInEnglish" => One(profile.NameInEnglish),
            "parentBrand" => One(profile.ParentBrand),
            "about" => One(profile.About),
            "description" => One(profile.Description),
            "address" => One(profile.Address),
            "email" => One(profile.Email),
            "vertical" => One(profile.Vertical),
            "avatar" => One(profile.Avatar),
            _ => throw new TemplateException(checkedPacket.Profile.Origin, 0, $"'{field}' is not a field of the configuration sheet; use one of the names in templates/checklists/fields.yaml."),
        };
    }
}
