using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace WaOnboard.Browser.Tests;

/// <summary>The pre-flight page in Chromium: findings, hostile packets, accessibility, layout, requests, snippets.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageTests(PageServer server, ITestOutputHelper output)
{
    public static TheoryData<string, string, string?> Examples() => new()
    {
        { "engage-digital", "packet.yaml", "avatar.png" },
        { "8x8", "packet.yaml", "avatar.png" },
        { "generic", "packet.json", "avatar.png" },
        { "many-mistakes", "packet.yaml", "avatar.png" },
        { "many-mistakes", "packet.yaml", null },
    };

    [BrowserTheory]
    [MemberData(nameof(Examples))]
    public async Task DroppedExampleShowsTheFindingsOfTheApi(string example, string packet, string? avatar)
    {
        var packetFile = Path.Combine(Repo.Examples, example, packet);
        var avatarFile = avatar is null ? null : Path.Combine(Repo.Examples, example, avatar);
        var expected = await PageDriver.ApiReportAsync(server.Http, packetFile, avatarFile);
        var page = await server.NewPageAsync();
        await PageDriver.LoadAsync(page);

        await PageDriver.ChooseAsync(page, packetFile, avatarFile);
        await PageDriver.WaitForReportAsync(page, expected);

        var shown = await PageDriver.FindingsAsync(page);
        Assert.Equal(PageDriver.Findings(expected).Select(f => f.Key), shown.Select(f => f.Key));
        Assert.Equal(expected.GetProperty("valid").GetBoolean().ToString().ToLowerInvariant(), await page.GetAttributeAsync("#summary", "data-valid"));
        // A finding the report places in the file carries its line.
        foreach (var (finding, item) in PageDriver.Findings(expected).Zip(shown))
        {
            if (finding.Text.Length > 0)
            {
                Assert.Contains($"line {finding.Text}", item.Text, StringComparison.Ordinal);
            }
        }
    }

    [BrowserFact]
    public async Task HostilePacketIsShownAsTextAndRunsNothing()
    {
        var packetFile = Path.Combine(AppContext.BaseDirectory, "Packets", "hostile.yaml");
        var expected = await PageDriver.ApiReportAsync(server.Http, packetFile);
        var page = await server.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        await PageDriver.LoadAsync(page);

        await PageDriver.ChooseAsync(page, packetFile);
        await PageDriver.WaitForReportAsync(page, expected);
        await page.Locator("#packet-form").HoverAsync();

        Assert.Equal(PageDriver.Findings(expected).Select(f => f.Key), (await PageDriver.FindingsAsync(page)).Select(f => f.Key));
        Assert.Null(await page.EvaluateAsync<string?>("() => window.__pwned === undefined ? null : String(window.__pwned)"));
        Assert.Equal(0, dialogs);
        // Nothing from the packet became an element: the only images are the page's own avatar preview.
        Assert.Equal(0, await page.Locator("#summary img, #summary script, #summary iframe, #summary svg, #packet-form img, #packet-form script, #packet-form iframe").CountAsync());
        // The values are there, as text.
        Assert.Equal("<script>window.__pwned='name'</script>Acme", await page.InputValueAsync("#f-business-verifiedName"));
        Assert.Contains("<img src=x onerror=window.__pwned=1>", await page.InnerTextAsync("#summary"), StringComparison.Ordinal);
    }

    [BrowserTheory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task AxeFindsNoSeriousViolationOnTheEmptyPageThePageWithFindingsAndTheSnippetGallery(string scheme)
    {
        // axe is injected as a script tag, which the page's own policy would (rightly) refuse.
        var page = await server.NewPageAsync(new BrowserNewContextOptions { BypassCSP = true, ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
        await PageDriver.LoadAsync(page);
        var empty = await PageDriver.SeriousAxeViolationsAsync(page);

        var packetFile = Path.Combine(Repo.Examples, "many-mistakes", "packet.yaml");
        await PageDriver.ChooseAsync(page, packetFile);
        await PageDriver.WaitForReportAsync(page, await PageDriver.ApiReportAsync(server.Http, packetFile));
        var withFindings = await PageDriver.SeriousAxeViolationsAsync(page);

        await PageDriver.ChooseAsync(page, Path.Combine(Repo.Examples, "engage-digital", "packet.yaml"));
        await MakeSnippetsAsync(page);
        var gallery = await PageDriver.SeriousAxeViolationsAsync(page);

        foreach (var (name, violations) in new[] { ("empty page", empty), ("page with findings", withFindings), ("snippet gallery", gallery) })
        {
            output.WriteLine($"axe, {scheme}, {name}: {violations.Count} serious or critical violation(s)");
        }
        Assert.Empty(empty);
        Assert.Empty(withFindings);
        Assert.Empty(gallery);
    }

    [BrowserFact]
    public async Task At375PixelsWideNothingScrollsSideways()
    {
        var page = await server.NewPageAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 375, Height = 812 } });
        await PageDriver.LoadAsync(page);
        Assert.True(await FitsAsync(page), "the empty page scrolls sideways at 375 px");
        var packetFile = Path.Combine(Repo.Examples, "many-mistakes", "packet.yaml");
        await PageDriver.ChooseAsync(page, packetFile);
        await PageDriver.WaitForReportAsync(page, await PageDriver.ApiReportAsync(server.Http, packetFile));
        Assert.True(await FitsAsync(page), "the page with findings scrolls sideways at 375 px");
        await PageDriver.ChooseAsync(page, Path.Combine(Repo.Examples, "engage-digital", "packet.yaml"));
        await MakeSnippetsAsync(page);
        Assert.True(await FitsAsync(page), "the snippet gallery scrolls sideways at 375 px");
    }

    [BrowserFact]
    public async Task NoRequestLeavesTheServer()
    {
        var page = await server.NewPageAsync();
        var outside = new List<string>();
        var inside = 0;
        await page.Context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.Scheme is "http" or "https" && !(url.IsLoopback && url.Port == server.Address.Port))
            {
                outside.Add(route.Request.Url);
                await route.AbortAsync();
                return;
            }
            inside++;
            await route.ContinueAsync();
        });
        await PageDriver.LoadAsync(page);
        var example = Path.Combine(Repo.Examples, "engage-digital");
        await PageDriver.ChooseAsync(page, Path.Combine(example, "packet.yaml"), Path.Combine(example, "avatar.png"));
        await page.WaitForSelectorAsync("#summary[data-valid=true]");
        await MakeSnippetsAsync(page);
        await page.FillAsync("#f-business-verifiedName", "Acme Bank Two");
        await page.WaitForSelectorAsync("#summary:not([aria-busy])");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-checklist=html][data-audience=customer]"));
        Assert.Equal("checklist.en.html", download.SuggestedFilename);

        Assert.Empty(outside);
        Assert.True(inside > 10, $"only {inside} requests were seen: the route did not intercept the page's requests");
    }

    [BrowserFact]
    public async Task EverySnippetRendersInThePage()
    {
        var kinds = JsonDocument.Parse(await server.Http.GetStringAsync(new Uri("/v1/snippets", UriKind.Relative))).RootElement;
        var page = await server.NewPageAsync();
        await PageDriver.LoadAsync(page);
        await PageDriver.ChooseAsync(page, Path.Combine(Repo.Examples, "engage-digital", "packet.yaml"));
        await MakeSnippetsAsync(page);

        foreach (var kind in kinds.EnumerateArray())
        {
            var name = kind.GetProperty("name").GetString()!;
            var card = page.Locator($"#gallery article[data-kind='{name}']");
            Assert.Equal(1, await card.CountAsync());
            Assert.False(string.IsNullOrWhiteSpace(await card.Locator("pre code").InnerTextAsync()), $"{name}: no code");
            var preview = card.Locator("[data-preview]");
            Assert.Equal(1, await preview.CountAsync());
            switch (await preview.EvaluateAsync<string>("e => e.tagName"))
            {
                case "IFRAME":
                    var frame = page.FrameLocator($"#gallery article[data-kind='{name}'] iframe");
                    await Assertions.Expect(frame.Locator("a[href^='https://wa.me/33612345678']").First).ToBeVisibleAsync();
                    break;
                case "IMG":
                    await page.WaitForFunctionAsync("e => e.complete && e.naturalWidth > 0", await preview.ElementHandleAsync());
                    break;
                default:
                    Assert.Contains("wa.me/33612345678", await preview.InnerTextAsync(), StringComparison.Ordinal);
                    break;
            }
        }
    }

    [BrowserFact]
    public async Task FormFilledByHandShowsFindingsNextToTheirField()
    {
        var page = await server.NewPageAsync();
        await PageDriver.LoadAsync(page);
        await page.FillAsync("#f-business-facebookBusinessId", "12345");
        await page.WaitForSelectorAsync("#summary [data-finding][data-rule-id='business-id-format']");
        Assert.Equal("false", await page.GetAttributeAsync("#summary", "data-valid"));
        Assert.Contains("12345", await page.InnerTextAsync("[data-field='business.facebookBusinessId'] .field-findings"), StringComparison.Ordinal);
        Assert.Equal("true", await page.GetAttributeAsync("#f-business-facebookBusinessId", "aria-invalid"));
        // Required fields of the profile are marked.
        Assert.Equal("true", await page.GetAttributeAsync("#f-business-verifiedName", "aria-required"));
    }

    [BrowserFact]
    public async Task EveryControlIsReachedWithTheTabKeyAndShowsItsFocus()
    {
        var page = await server.NewPageAsync();
        await PageDriver.LoadAsync(page);
        await PageDriver.ChooseAsync(page, Path.Combine(Repo.Examples, "engage-digital", "packet.yaml"));
        await page.WaitForSelectorAsync("#summary[data-valid]:not([data-valid=''])");
        var reached = new HashSet<string>();
        var unfocusable = new List<string>();
        await page.FocusAsync("body");
        for (var i = 0; i < 150 && !reached.Contains("record"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string[]>(
                "() => { const e = document.activeElement; const s = getComputedStyle(e); return [e.id || e.tagName, s.outlineStyle + ' ' + s.outlineWidth]; }");
            var (id, outline) = (focused[0], focused[1]);
            reached.Add(id);
            if (outline.StartsWith("none", StringComparison.Ordinal) || outline.EndsWith(" 0px", StringComparison.Ordinal))
            {
                unfocusable.Add(id);
            }
        }
        foreach (var id in new[] { "lang", "provider", "packet-file", "avatar-file", "f-business-facebookBusinessId", "f-hsm-0-elementName", "download-yaml", "make-snippets", "api-key", "record" })
        {
            Assert.Contains(id, reached);
        }
        Assert.Empty(unfocusable);
    }

    [BrowserFact]
    public async Task FrenchTurnsThePageFrench()
    {
        var page = await server.NewPageAsync();
        await PageDriver.LoadAsync(page);
        await page.SelectOptionAsync("#lang", "fr");
        Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Vérification d'un dossier WhatsApp Business avant envoi", await page.InnerTextAsync("h1"));
    }

    [BrowserFact]
    public async Task FirstLoadWeighsUnder100Kilobytes()
    {
        var page = await server.NewPageAsync();
        await PageDriver.LoadAsync(page);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // The page itself: the HTML, CSS and JavaScript of the first load, as bytes on the wire (bodies; this server does
        // not compress). The API data the page then fetches (profiles, rules) grows with the rule set and is reported apart.
        var bytes = await page.EvaluateAsync<long>(
            "() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource').filter(e => e.initiatorType !== 'fetch')).reduce((sum, e) => sum + e.encodedBodySize, 0)");
        var data = await page.EvaluateAsync<long>(
            "() => performance.getEntriesByType('resource').filter(e => e.initiatorType === 'fetch').reduce((sum, e) => sum + e.encodedBodySize, 0)");
        output.WriteLine($"first load: {bytes} bytes of HTML, CSS and JavaScript; {data} bytes of API data");
        Assert.InRange(bytes, 1, 100 * 1024);
    }

    internal static async Task MakeSnippetsAsync(IPage page)
    {
        await page.ClickAsync("#make-snippets");
        await page.WaitForSelectorAsync("#gallery article[data-kind='qr'] img");
    }

    private static Task<bool> FitsAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");
}
