using System.CommandLine;
using WaOnboard.Packets;

namespace WaOnboard.Cli;

/// <summary>The <c>wa-onboard</c> command line: a thin adapter over the core.</summary>
internal static class CliApp
{
    public const int ExitValid = 0;
    public const int ExitInvalid = 1;
    public const int ExitUsage = 2;

    /// <summary>Runs the command line with the given output and error writers; returns the exit code.</summary>
    public static int Run(string[] args, InvocationConfiguration configuration)
    {
        var root = new RootCommand("wa-onboard: checks WhatsApp Business onboarding packets before anyone submits them.")
        {
            ValidateCommand.Create(),
            RulesCommand.Create(),
            PhoneCommand.Create(),
            ChecklistCommand.Create(),
            EstimateCommand.Create(),
            SnippetCommand.Create(),
            ServeCommand.Create(),
            KeysCommand.Create(),
            RegistryCommand.Create(),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // The spec's exit code for a usage error is 2 (System.CommandLine's own default is 1), with one line on stderr.
            var messages = string.Join("; ", parse.Errors.Select(e => e.Message.ReplaceLineEndings(" ").Replace("\t", "", StringComparison.Ordinal).TrimEnd('.')));
            configuration.Error.WriteLine($"wa-onboard: {messages} (see 'wa-onboard --help').");
            return ExitUsage;
        }
        return parse.Invoke(configuration);
    }

    /// <summary>Writes one line for a usage error or an unusable input on standard error; returns exit code 2.</summary>
    public static int Fail(InvocationConfiguration io, string message)
    {
        io.Error.WriteLine($"wa-onboard: {TerminalText.Escape(message)}");
        return ExitUsage;
    }

    /// <summary>Reads a packet path for a command that needs one packet; null (after one line on stderr) when it cannot be read at all.</summary>
    public static PacketDocument? LoadPacket(InvocationConfiguration io, string path)
    {
        var document = PacketLoader.LoadPath(path);
        if (document.IsReadable)
        {
            return document;
        }
        Fail(io, document.LoadFindings[0].Message);
        return null;
    }

    /// <summary>The <c>--registry</c> option: a SQLite file or a PostgreSQL connection string.</summary>
    public static Option<string?> RegistryOption(string description) => new("--registry")
    {
        Description = description + ": a SQLite file, or a PostgreSQL connection string (Host=...;Database=...;Username=...)",
        HelpName = "PATH|CONN",
    };

    /// <summary>
    /// Opens the registry <paramref name="connection"/> names (null: the API's default file), migrating its schema; on
    /// failure writes one line and returns null. A SQLite file that does not exist is an error when <paramref name="mustExist"/>.
    /// </summary>
    public static Registry.RegistryDatabase? OpenRegistry(InvocationConfiguration io, string? connection, bool mustExist)
    {
        connection ??= Registry.SqliteRegistryDatabase.DefaultConnectionString();
        if (mustExist && !Registry.RegistryDatabase.IsPostgres(connection))
        {
            var file = connection.Contains('=', StringComparison.Ordinal)
                ? new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection).DataSource
                : connection;
            // A registry that does not exist is a typo, not an empty registry: checking against nothing would pass silently.
            if (!File.Exists(file))
            {
                Fail(io, $"no registry at '{file}'.");
                return null;
            }
        }
        try
        {
            return Registry.RegistryDatabase.Open(connection);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or ArgumentException or IOException or TimeoutException)
        {
            // The connection string is not repeated: it may hold a password.
            Fail(io, $"cannot open the registry: {e.Message.ReplaceLineEndings(" ")}");
            return null;
        }
    }

    /// <summary>True when the output is a terminal a person reads (colour, text by default).</summary>
    public static bool IsTerminal(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;

    /// <summary>True when the command should write JSON: asked for, or by default when the output is not a terminal (spec/packet.md).</summary>
    public static bool WantsJson(ParseResult parse, Option<string?> format) =>
        (parse.GetValue(format) ?? (IsTerminal(parse.InvocationConfiguration.Output) ? "text" : "json")) == "json";

    /// <summary>True when ANSI colour may be used on this output (a terminal, and NO_COLOR unset).</summary>
    public static bool UseColour(TextWriter output) =>
        IsTerminal(output) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
}
