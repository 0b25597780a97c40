using System.Text;
using WaOnboard.Checking;
using WaOnboard.Templates;

namespace WaOnboard.Checklists;

/// <summary>Renders the customer checklist e-mail and the project manager's configuration sheet of a checked packet.</summary>
public static class ChecklistRenderer
{
    /// <summary>Renders the checklist of a checked packet, with the elements, steps and warnings of the profile that checked it.</summary>
    public static RenderedDocument Render(CheckedPacket packet, ChecklistOptions options)
    {
        ArgumentNullException.ThrowIfNull(packet);
        ArgumentNullException.ThrowIfNull(options);
        if (!ChecklistOptions.Languages.Contains(options.Language))
        {
            throw new ArgumentException($"No checklist in language '{options.Language}': use en or fr.", nameof(options));
        }
        var view = ChecklistModel.Build(packet, packet.Profile, options);
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
}
