using System.Text;
using WaOnboard.Findings;
using WaOnboard.Packets;
using WaOnboard.Templates;

namespace WaOnboard.Checklists;

/// <summary>Renders the customer checklist e-mail and the project manager's configuration sheet from a packet and its report.</summary>
public static class ChecklistRenderer
{
    /// <summary>Renders a checklist for a packet and the validation report of that packet.</summary>
    public static RenderedDocument Render(PacketDocument packet, ValidationReport report, ChecklistOptions options)
    {
        ArgumentNullException.ThrowIfNull(packet);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        if (!ChecklistOptions.Languages.Contains(options.Language))
        {
            throw new ArgumentException($"No checklist in language '{options.Language}': use en or fr.", nameof(options));
        }
        var profile = ProfileOf(packet, report, options);
        var view = ChecklistModel.Build(packet, report, profile, options);
        var name = options.Audience == ChecklistAudience.ProjectManager ? "pm" : "customer";
        switch (options.Format)
        {
            case ChecklistFormat.Text:
                return new RenderedDocument(Encoding.UTF8.GetBytes(TemplateSet.Render($"checklists/{name}.txt.hbs", view)), "text/plain; charset=utf-8", ".txt");
            case ChecklistFormat.Html:
                return new RenderedDocument(Encoding.UTF8.GetBytes(TemplateSet.Render($"checklists/{name}.html.hbs", view)), "text/html; charset=utf-8", ".html");
            default:
                var text = TemplateSet.Render($"checklists/{name}.txt.hbs", view);
                var html = TemplateSet.Render($"checklists/{name}.html.hbs", view);
                var mail = new MailDraft(view.Subject, text, html, options.Date ?? DateTimeOffset.UtcNow, options.From, options.To);
                return new RenderedDocument(MailMessage.Write(mail), "message/rfc822", ".eml");
        }
    }

    /// <summary>Renders with a validation function (the rule engine) instead of a ready report.</summary>
    public static RenderedDocument Render(PacketDocument packet, Func<PacketDocument, ValidationReport> validate, ChecklistOptions options)
    {
        ArgumentNullException.ThrowIfNull(validate);
        return Render(packet, validate(packet), options);
    }

    /// <summary>The profile whose elements are listed: the option, else the report's, else the packet's provider, else generic.</summary>
    private static string ProfileOf(PacketDocument packet, ValidationReport report, ChecklistOptions options)
    {
        foreach (var candidate in new[] { options.Profile, report.Profile, packet.Provider })
        {
            if (candidate is not null && ChecklistOptions.Profiles.Contains(candidate))
            {
                return candidate;
            }
        }
        return "generic";
    }
}
