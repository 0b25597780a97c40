using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WaOnboard.Api;

namespace WaOnboard.Cli;

/// <summary><c>wa-onboard serve [--urls URL] [--registry PATH]</c>: the HTTP API, the same app as <c>dotnet run --project src/WaOnboard.Api</c>.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen (semicolon-separated); on this machine only unless you name another address",
            HelpName = "URL",
            DefaultValueFactory = _ => ApiHost.DefaultUrls,
        };
        var registry = new Option<string?>("--registry")
        {
            Description = "The SQLite file of onboarded numbers (default: wa-onboard/registry.db in the user's local application data)",
            HelpName = "PATH",
        };
        var command = new Command("serve", "Serve the HTTP API (POST /v1/validate, /v1/packets, ...)") { urls, registry };
        command.SetAction(async (parse, cancellationToken) =>
        {
            foreach (var url in (parse.GetValue(urls) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                // Kestrel's "Invalid url" is a FormatException with a stack trace; say it in one line before starting anything.
                if (!Uri.TryCreate(url.Replace("*", "localhost", StringComparison.Ordinal).Replace("+", "localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                    || uri.Scheme is not ("http" or "https"))
                {
                    return CliApp.Fail(parse.InvocationConfiguration, $"--urls '{url}' is not an address to listen on; write it as http://127.0.0.1:5080.");
                }
            }
            var args = new List<string> { $"--urls={parse.GetValue(urls)}" };
            if (parse.GetValue(registry) is { } path)
            {
                args.Add($"--ConnectionStrings:Registry=Data Source={path}");
            }
            // The host logs a failure to start with its stack; the command says it in one line instead (below).
            await using var app = ApiHost.Build([.. args], builder => builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical));
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (Exception e) when (e is IOException or FormatException or InvalidOperationException)
            {
                // A port already in use, an address not of this machine: one line, not a stack trace.
                parse.InvocationConfiguration.Error.WriteLine($"wa-onboard: cannot listen on {parse.GetValue(urls)}: {e.Message}");
                return CliApp.ExitUsage;
            }
            await app.WaitForShutdownAsync(cancellationToken);
            return CliApp.ExitValid;
        });
        return command;
    }
}
