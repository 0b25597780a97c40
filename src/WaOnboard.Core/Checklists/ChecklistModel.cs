using WaOnboard.Checking;
using WaOnboard.Findings;
using WaOnboard.Packets;
using WaOnboard.Profiles;
using WaOnboard.Templates;

namespace WaOnboard.Checklists;

// The view models templates see: strings, lists and flags only, already decided here, so templates stay logic-less.

internal sealed record FindingView(string Message, string? Help, string Path, bool IsError, bool IsWarning);

internal sealed record ElementView(string Title, string Status, bool IsDone, bool IsToFix, bool IsToConfirm, bool IsMissing, IReadOnlyList<FindingView> Findings)
{
    /// <summary>The value that was checked, echoed beside a done element (the verified name, the number in E.164).</summary>
    public string? Value { get; init; }
}

internal sealed record FieldView(string Label, string? Value, IReadOnlyList<string> Values, bool IsMissing)
{
    /// <summary>An error finding stands on the field: the sheet flags the value, with the finding's message.</summary>
    public bool IsInvalid { get; init; }

    public string? Problem { get; init; }
}

internal sealed record StepView(int Number, string Title, string Text, IReadOnlyList<FieldView> Fields);

internal sealed record EstimateView(IReadOnlyList<string> Lines, string Total, string Source, string Note, IReadOnlyList<string> Warnings);

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
    string? EstimateProblem)
{
    /// <summary>The project manager's verdict: ready, or not ready with the count of errors.</summary>
    public string Verdict { get; init; } = "";

    public bool IsReady { get; init; }

    /// <summary>One line of guidance per entry point, and the communication resources.</summary>
    public IReadOnlyList<string> EntryPoints { get; init; } = [];

    public IReadOnlyList<string> Resources { get; init; } = [];
}

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

        var pm = options.Audience == ChecklistAudience.ProjectManager;
        // The customer reads sentences, not a YAML file: packet paths stay on the project manager's sheet only.
        FindingView View(Finding f) => pm ? ChecklistModel.View(f) : ChecklistModel.View(f) with
        {
            Message = CustomerText.WithoutPaths(f.Message),
            Help = f.Help is null ? null : CustomerText.WithoutPaths(f.Help),
        };
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
                [.. findings.Where(f => f.Severity != Severity.Info).Select(View)])
            {
                Value = status == "statusDone" ? CheckedValue(checkedPacket, element.Paths) : null,
            });
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
            var fields = step.Fields.Select(f => Flag(Field(checkedPacket, f, language, t, content.Name), f, report, t)).ToList();
            missing.AddRange(fields.Where(f => f.IsMissing).Select(f => f.Label).Where(l => !missing.Contains(l)));
            steps.Add(new StepView(++number, language == "fr" ? step.Fr : step.En, language == "fr" ? step.TextFr : step.TextEn, fields));
        }

        var today = DateOnly.FromDateTime((options.Date ?? DateTimeOffset.UtcNow).UtcDateTime);
        var estimate = checkedPacket.Estimate(options.Rates, today);
        EstimateView? estimateView = null;
        if (estimate is not null)
        {
            var lines = estimate.Lines.Select(l => Fill(t["estimateLine"],
                ("messages", l.Messages.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("category", t.TryGetValue("category_" + l.Category, out var name) ? name : l.Category),
                ("rate", l.Rate is { } rate ? estimate.FormatRate(rate, language) : t["noRate"]),
                ("amount", l.ExactAmount is { } amount ? estimate.Format(amount, language) : t["noRate"])))
                .Concat(estimate.Fees.Select(f => Fill(t["estimateFee"], ("name", language == "fr" ? f.NameFr ?? f.Name : f.Name), ("amount", estimate.Format(f.ExactAmount, language)))))
                .ToList();
            estimateView = new EstimateView(lines,
                // Never a total that looks complete when some messages have no rate: the label says what it leaves out.
                Fill(t[estimate.Lines.Any(l => l.Rate is null) ? "estimateTotalPartial" : "estimateTotal"], ("total", estimate.Format(estimate.ExactTotal, language))),
                estimate.Effective is { } effective
                    ? Fill(t["estimateSource"], ("source", estimate.Source), ("effective", effective.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))
                    : "",
                t["estimateNote"],
                [.. EstimateWarnings(estimate, language, t)]);
        }

        var subject = Fill(t[pm ? "pmSubject" : "subject"], ("business", business));
        return new ChecklistView(t, language, subject,
            Fill(t[pm ? "pmIntro" : "intro"], ("business", business), ("provider", content.Name)),
            content.Name, business, Fill(t["sendHeading"], ("sendTo", sendTo)),
            [.. content.Warnings.Where(w => Applies(w, checkedPacket)).Select(w => w[language])],
            elements, fileFindings, other, toSend, steps, missing, estimateView, null)
        {
            IsReady = report.Valid,
            Verdict = report.Valid
                ? t["verdictReady"]
                : Fill(t[report.Summary.Errors == 1 ? "verdictNotReadyOne" : "verdictNotReady"],
                    ("errors", report.Summary.Errors.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            EntryPoints = [.. content.EntryPoints.Select(e => e[language])],
            Resources = [.. content.Resources.Select(e => e[language])],
        };
    }

    /// <summary>A warning with <c>when: path=value</c> applies only when the packet has that value there.</summary>
    private static bool Applies(Dictionary<string, string> warning, CheckedPacket checkedPacket)
    {
        if (!warning.TryGetValue("when", out var condition))
        {
            return true;
        }
        var equals = condition.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 && string.Equals(PacketPath.Text(checkedPacket.Document.Root, condition[..equals].Trim()), condition[(equals + 1)..].Trim(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The estimate's warnings in the checklist's language (the core writes them in English for the JSON).</summary>
    private static IEnumerable<string> EstimateWarnings(Pricing.MessageEstimate estimate, string language, IReadOnlyDictionary<string, string> t)
    {
        if (language == "en")
        {
            return estimate.Warnings;
        }
        return estimate.Warnings.Select(w => w switch
        {
            _ when w.StartsWith("sessionsPerMonth", StringComparison.Ordinal) => t["estimateSessionsWarning"],
            _ when w.StartsWith("No WhatsApp rate", StringComparison.Ordinal) => Fill(t["estimateNoRate"], ("country", estimate.Country), ("currency", estimate.Currency)),
            _ when w.StartsWith("The rates took effect", StringComparison.Ordinal) => Fill(t["estimateOldRates"], ("effective", estimate.Effective?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "")),
            _ when w.StartsWith("Service messages", StringComparison.Ordinal) => t["estimateServiceWarning"],
            _ => t["estimateCategoryNoRate"],
        });
    }

    /// <summary>Flags a sheet value on which an error finding stands, with the finding's message.</summary>
    private static FieldView Flag(FieldView field, string name, ValidationReport report, IReadOnlyDictionary<string, string> t)
    {
        if (field.IsMissing && OptionalFields.Contains(name))
        {
            // Asked only when it applies (another name, a parent brand, an OBA request): not given is not missing.
            field = field with { IsMissing = false, Value = t["none"] };
        }
        if (!FieldPaths.TryGetValue(name, out var path))
        {
            return field;
        }
        var error = report.Findings.FirstOrDefault(f => f.Severity == Severity.Error && Covers(path, f.Path));
        return error is null ? field : field with { IsInvalid = true, Problem = error.Message };
    }

    /// <summary>Fields of the sheet that apply only to some businesses; when not given, the sheet says "none", not "missing".</summary>
    private static readonly HashSet<string> OptionalFields =
        ["otherNames", "nameInEnglish", "parentBrand", "obaRequested", "obaPrimaryCountry", "obaPrimaryLanguage", "obaSupportingLinks", "facebookPage"];

    /// <summary>The packet path behind each field of the sheet whose value can be invalid.</summary>
    private static readonly Dictionary<string, string> FieldPaths = new()
    {
        ["phone"] = "phone.number",
        ["canReceive"] = "phone.canReceive",
        ["currentlyOn"] = "phone.currentlyOn",
        ["twoStepPinReady"] = "phone.twoStepPinReady",
        ["businessId"] = "business.facebookBusinessId",
        ["verifiedName"] = "business.verifiedName",
        ["legalName"] = "business.legalName",
        ["plan"] = "account.plan",
        ["termsAccepted"] = "account.termsAccepted",
        ["channelName"] = "channel.name",
        ["channelScript"] = "channel.script",
        ["lineOfCredit"] = "lineOfCredit",
        ["hsmElementName"] = "hsm[0].elementName",
        ["hsmCategory"] = "hsm[0].category",
        ["hsmApproved"] = "hsm[0].approved",
        ["hsmBodies"] = "hsm[0].translations",
        ["websites"] = "profile.websites",
        ["facebookPage"] = "profile.facebookPage",
        ["businessName"] = "profile.businessName",
        ["nameInEnglish"] = "profile.nameInEnglish",
        ["about"] = "profile.about",
        ["description"] = "profile.description",
        ["address"] = "profile.address",
        ["email"] = "profile.email",
        ["vertical"] = "profile.vertical",
        ["avatar"] = "profile.avatar",
        ["publicNumbers"] = "profile.phoneNumbers",
        ["obaPrimaryCountry"] = "profile.officialBusinessAccount.primaryCountry",
        ["obaPrimaryLanguage"] = "profile.officialBusinessAccount.primaryLanguage",
        ["obaSupportingLinks"] = "profile.officialBusinessAccount.supportingLinks",
    };

    /// <summary>What a done element was checked against: the number in E.164, template names and languages, or a single value.</summary>
    private static string? CheckedValue(CheckedPacket checkedPacket, IReadOnlyList<string> paths)
    {
        if (paths.Count == 1 && paths[0] == "phone")
        {
            return checkedPacket.E164;
        }
        if (paths.Count == 1 && paths[0] == "hsm")
        {
            var templates = checkedPacket.Packet.Templates.Where(t => t.ElementName is not null)
                .Select(t => $"{t.ElementName} ({string.Join(", ", t.Translations.Select(l => l.Language).OfType<string>())})")
                .ToList();
            return templates.Count == 0 ? null : Printable(string.Join("; ", templates));
        }
        if (paths.Count != 1)
        {
            return null;
        }
        return PacketPath.Find(checkedPacket.Document.Root, paths[0]) switch
        {
            ScalarNode { IsBlank: false, Kind: not ScalarKind.Boolean } scalar => Printable(scalar.Text),
            ListNode list when list.Items.All(i => i is ScalarNode) && list.Items.Count > 0 => Printable(string.Join(", ", list.Items.Cast<ScalarNode>().Select(i => i.Text))),
            _ => null,
        };
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
    private static FieldView Field(CheckedPacket checkedPacket, string field, string language, IReadOnlyDictionary<string, string> t, string providerName)
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
            "currentlyOn" => One(packet.Phone.CurrentlyOn ?? (packet.Phone.UsedOnWhatsAppBefore == false ? "none" : null)),
            "twoStepPinReady" => One(YesNo(packet.Phone.TwoStepPinReady)),
            "hsmCategory" => One(firstTemplate?.Category),
            "providerName" => One(providerName),
            "otherNames" => Many(profile.AlsoKnownAs),
            "publicNumbers" => Many(profile.PhoneNumbers),
            "obaRequested" => One(YesNo(profile.OfficialBusinessAccount.Requested)),
            "obaPrimaryCountry" => One(profile.OfficialBusinessAccount.PrimaryCountry),
            "obaPrimaryLanguage" => One(profile.OfficialBusinessAccount.PrimaryLanguage),
            "obaSupportingLinks" => Many([.. profile.OfficialBusinessAccount.SupportingLinks.Select(s => HttpUrl(s) ?? t["notShown"])]),
            _ => throw new TemplateException(checkedPacket.Profile.Origin, 0, $"'{field}' is not a field of the configuration sheet; use one of the names in templates/checklists/fields.yaml."),
        };
    }
}
