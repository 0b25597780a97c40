using Microsoft.Playwright;
using Xunit.Abstractions;

namespace WaOnboard.Browser.Tests;

/// <summary>
/// Not a test: regenerates docs/screenshots/page-findings*.png and measures the page (weight, time to first findings)
/// when scripts/screenshots.sh sets WA_ONBOARD_SCREENSHOTS=1. Figures, not assertions: a timed test would be flaky.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class Screenshots(PageServer server, ITestOutputHelper output)
{
    private static readonly bool On = Environment.GetEnvironmentVariable("WA_ONBOARD_SCREENSHOTS") == "1";

    [BrowserFact]
    public async Task WriteScreenshotsAndFigures()
    {
        if (!On)
        {
            output.WriteLine("WA_ONBOARD_SCREENSHOTS is not 1: nothing written (scripts/screenshots.sh sets it).");
            return;
        }
        var folder = Path.Combine(Repo.Root, "docs", "screenshots");
        Directory.CreateDirectory(folder);
        var example = Path.Combine(Repo.Examples, "many-mistakes");
        var packetFile = Path.Combine(example, "packet.yaml");
        var report = await PageDriver.ApiReportAsync(server.Http, packetFile, Path.Combine(example, "avatar.png"));
        foreach (var (name, scheme, width) in new[] { ("page-findings.png", ColorScheme.Light, 1280), ("page-findings-dark.png", ColorScheme.Dark, 1280), ("page-findings-375.png", ColorScheme.Light, 375) })
        {
            var page = await server.NewPageAsync(new BrowserNewContextOptions { ColorScheme = scheme, ViewportSize = new ViewportSize { Width = width, Height = 900 }, Locale = "en-GB" });
            await PageDriver.LoadAsync(page);
            await PageDriver.ChooseAsync(page, packetFile, Path.Combine(example, "avatar.png"));
            await PageDriver.WaitForReportAsync(page, report);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = false });
            await page.Context.CloseAsync();
        }

        // Tall enough for the whole gallery: out-of-process frames outside the viewport are not painted in a screenshot.
        var gallery = await server.NewPageAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 6000 }, Locale = "en-GB" });
        await PageDriver.LoadAsync(gallery);
        await PageDriver.ChooseAsync(gallery, Path.Combine(Repo.Examples, "engage-digital", "packet.yaml"));
        await PageTests.MakeSnippetsAsync(gallery);
        foreach (var kind in new[] { "button", "floating-button", "contact-page", "email-signature" })
        {
            await gallery.FrameLocator($"#gallery article[data-kind='{kind}'] iframe").Locator("a[href^='https://wa.me/']").First.WaitForAsync();
        }
        await gallery.Locator("#gallery").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(folder, "page-snippets.png") });
        await gallery.Context.CloseAsync();

        // Time to first findings: from choosing the file to the findings on screen (the page's own 'wa-findings' mark).
        var ready = new List<double>();
        var findings = new List<double>();
        for (var run = 0; run < 21; run++)
        {
            var page = await server.NewPageAsync();
            await PageDriver.LoadAsync(page);
            ready.Add(await page.EvaluateAsync<double>("() => performance.getEntriesByName('wa-ready')[0].startTime"));
            await page.EvaluateAsync("() => document.querySelector('#packet-file').addEventListener('change', () => { window.__chosen = performance.now(); }, { capture: true })");
            await PageDriver.ChooseAsync(page, packetFile);
            await PageDriver.WaitForReportAsync(page, await PageDriver.ApiReportAsync(server.Http, packetFile));
            findings.Add(await page.EvaluateAsync<double>("() => performance.getEntriesByName('wa-findings').at(-1).startTime - window.__chosen"));
            await page.Context.CloseAsync();
        }
        var weightPage = await server.NewPageAsync();
        await PageDriver.LoadAsync(weightPage);
        await weightPage.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var weight = await weightPage.EvaluateAsync<string>(
            "() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).map(e => new URL(e.name).pathname + ' ' + e.encodedBodySize).join('\\n')");
        var timing = await weightPage.EvaluateAsync<string>(
            "() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).map(e => new URL(e.name).pathname + ' start ' + Math.round(e.startTime) + ' end ' + Math.round(e.responseEnd)).join('\\n') + '\\nDOMContentLoaded ' + Math.round(performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd) + ', wa-ready ' + Math.round(performance.getEntriesByName('wa-ready')[0].startTime)");
        var lines = new[]
        {
            "bytes per request of the first load:", weight, "timeline of that load (ms):", timing,
            $"page usable (navigation start to the form built with the profile's rules), median of {ready.Count}: {Median(ready):F0} ms",
            $"time to first findings (file chosen to findings shown, many-mistakes), median of {findings.Count}: {Median(findings):F0} ms (min {findings.Min():F0}, max {findings.Max():F0})",
        };
        await File.WriteAllLinesAsync(Path.Combine(folder, "figures.txt"), lines);
        foreach (var line in lines)
        {
            output.WriteLine(line);
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
