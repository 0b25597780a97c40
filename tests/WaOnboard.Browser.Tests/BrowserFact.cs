namespace WaOnboard.Browser.Tests;

/// <summary>Whether the browser tests can run here: they need Chromium and are turned on by tests/browser/run.sh.</summary>
public static class BrowserEnvironment
{
    /// <summary>The variable tests/browser/run.sh sets: a plain <c>dotnet test</c> with only the SDK skips these tests.</summary>
    public const string Variable = "WA_ONBOARD_BROWSER_TESTS";

    /// <summary>Debian's Chromium: Playwright's own browser download cannot work here.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("WA_ONBOARD_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Why the browser tests are skipped, or null when they run.</summary>
    public static string? SkipReason =>
        Environment.GetEnvironmentVariable(Variable) != "1" ? $"browser tests are off: run tests/browser/run.sh (it installs Chromium and axe-core, then sets {Variable}=1)"
        : !File.Exists(ChromiumPath) ? $"no Chromium at {ChromiumPath}: run tests/browser/run.sh, which installs Debian's chromium"
        : !File.Exists(Repo.AxePath) ? $"no axe-core at {Repo.AxePath}: run tests/browser/run.sh, which installs it with npm"
        : null;
}

/// <summary>A fact that runs only where a browser can: otherwise it is skipped, and says why.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (BrowserEnvironment.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A theory that runs only where a browser can: otherwise it is skipped, and says why.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (BrowserEnvironment.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
