using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Playwright;

namespace WaOnboard.Browser.Tests;

/// <summary>A finding as the page shows it, or as the API reports it.</summary>
public sealed record ShownFinding(string RuleId, string Path, string Severity, string Text = "")
{
    public string Key => $"{Severity} {RuleId} {Path}";
}

/// <summary>What the tests do on the page, through its fixed contract (#packet-file, #summary, data-finding...).</summary>
public static class PageDriver
{
    public static async Task LoadAsync(IPage page)
    {
        await page.GotoAsync("/");
        await page.WaitForSelectorAsync("body[data-ready=true]");
    }

    /// <summary>Chooses the packet file (and its avatar), as a user dropping them would.</summary>
    public static async Task ChooseAsync(IPage page, string packetFile, string? avatarFile = null)
    {
        await page.SetInputFilesAsync("#packet-file", packetFile);
        if (avatarFile is not null)
        {
            await page.SetInputFilesAsync("#avatar-file", avatarFile);
        }
    }

    /// <summary>Waits until the summary shows the report it is expected to show (findings are debounced and asynchronous).</summary>
    public static async Task WaitForReportAsync(IPage page, JsonElement report)
    {
        var errors = report.GetProperty("summary").GetProperty("errors").GetInt32();
        var count = report.GetProperty("findings").GetArrayLength();
        await page.WaitForFunctionAsync(
            "([errors, count]) => { const s = document.querySelector('#summary'); return s.dataset.valid !== '' && !s.hasAttribute('aria-busy') && s.dataset.errors === String(errors) && s.querySelectorAll('[data-finding]').length === count; }",
            new object[] { errors, count }, new PageWaitForFunctionOptions { Timeout = 15000 });
    }

    public static async Task<List<ShownFinding>> FindingsAsync(IPage page)
    {
        var items = await page.Locator("#summary [data-finding]").AllAsync();
        var shown = new List<ShownFinding>();
        foreach (var item in items)
        {
            shown.Add(new ShownFinding(
                await item.GetAttributeAsync("data-rule-id") ?? "",
                await item.GetAttributeAsync("data-path") ?? "",
                await item.GetAttributeAsync("data-severity") ?? "",
                await item.InnerTextAsync()));
        }
        return shown;
    }

    /// <summary>The API's report for the same files, sent as the page's form would be: a packet part and an avatar part.</summary>
    public static async Task<JsonElement> ApiReportAsync(HttpClient http, string packetFile, string? avatarFile = null)
    {
        using var form = new MultipartFormDataContent();
        var packet = new ByteArrayContent(await File.ReadAllBytesAsync(packetFile));
        packet.Headers.ContentType = new MediaTypeHeaderValue(packetFile.EndsWith(".json", StringComparison.Ordinal) ? "application/json" : "application/yaml");
        form.Add(packet, "packet", Path.GetFileName(packetFile));
        if (avatarFile is not null)
        {
            var avatar = new ByteArrayContent(await File.ReadAllBytesAsync(avatarFile));
            avatar.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(avatar, "avatar", Path.GetFileName(avatarFile));
        }
        using var response = await http.PostAsync(new Uri("/v1/validate", UriKind.Relative), form);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public static List<ShownFinding> Findings(JsonElement report) =>
    [
        .. report.GetProperty("findings").EnumerateArray().Select(f => new ShownFinding(
            f.GetProperty("ruleId").GetString()!, f.GetProperty("path").GetString()!, f.GetProperty("severity").GetString()!,
            f.TryGetProperty("line", out var line) ? line.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) : "")),
    ];

    /// <summary>Runs axe-core on the page and returns its serious and critical violations, one line each.</summary>
    public static async Task<List<string>> SeriousAxeViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Repo.AxePath });
        var violations = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).join(', ') }))");
        return
        [
            .. violations.EnumerateArray()
                .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
                .Select(v => $"{v.GetProperty("impact").GetString()} {v.GetProperty("id").GetString()}: {v.GetProperty("nodes").GetString()}"),
        ];
    }
}
