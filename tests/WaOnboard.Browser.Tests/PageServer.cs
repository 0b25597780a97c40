using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace WaOnboard.Browser.Tests;

/// <summary>
/// The API on a loopback port (Kestrel, a real server: the in-memory TestServer cannot serve a browser) and one
/// headless Chromium, shared by every browser test.
/// </summary>
public sealed class PageServer : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wa-onboard-browser-tests-").FullName;
    private WebApplication? _app;
    private IPlaywright? _playwright;

    /// <summary>The page's address: http://127.0.0.1:PORT.</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    public IBrowser Browser { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (BrowserEnvironment.SkipReason is not null)
        {
            return;
        }
        var registry = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "registry.db") }.ToString();
        _app = WaOnboard.Api.ApiHost.Build(["--urls", "http://127.0.0.1:0", "--ConnectionStrings:Registry", registry, "--RateLimiting:PermitLimit", "0"]);
        await _app.StartAsync();
        Address = new Uri(_app.Urls.First());
        Http = new HttpClient { BaseAddress = Address };
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserEnvironment.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh page (its own context: no cache, no storage shared with other tests).</summary>
    public async Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL = Address.ToString();
        var context = await Browser.NewContextAsync(options);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.CloseAsync();
            _playwright.Dispose();
        }
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Http?.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A pooled connection may still hold the file; the temporary folder is the system's to clean.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<PageServer>
{
    public const string Name = "browser";
}
