using System.CommandLine;
using System.Globalization;
using WaOnboard.Registry;

namespace WaOnboard.Cli;

/// <summary><c>wa-onboard keys add|list|revoke|rotate</c>: the API keys, kept in the registry's database.</summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var registry = CliApp.RegistryOption("The registry that keeps the keys (default: the API's default file)");
        registry.Recursive = true;
        var name = new Argument<string>("NAME") { Description = "Who or what uses the key (a web form, a provider's system, a person)" };
        var scopes = new Option<string[]>("--scope")
        {
            Description = "read (see who holds a number), record (record packets), admin (remove records; includes both); repeatable",
            HelpName = "read|record|admin",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        scopes.AcceptOnlyFromAmong([.. KeyScopesExtensions.Names]);

        var add = new Command("add", "Add a key and print it once: only a salted hash of it is stored") { name, scopes };
        add.SetAction(async (parse, cancellationToken) =>
        {
            var keyName = parse.GetValue(name)!.Trim();
            if (keyName.Length is 0 or > 100 || keyName.Any(char.IsControl))
            {
                return CliApp.Fail(parse.InvocationConfiguration, "a key's name has 1 to 100 characters and no control characters.");
            }
            var scope = parse.GetValue(scopes)!.Aggregate(KeyScopes.None, (all, s) => KeyScopesExtensions.TryParse(s, out var one) ? all | one : all);
            using var database = CliApp.OpenRegistry(parse.InvocationConfiguration, parse.GetValue(registry), mustExist: false);
            if (database is null)
            {
                return CliApp.ExitUsage;
            }
            if (await database.AddKeyAsync(keyName, scope, cancellationToken) is not { } text)
            {
                return CliApp.Fail(parse.InvocationConfiguration, $"a working key named '{keyName}' exists; revoke it, rotate it, or choose another name.");
            }
            // The key alone on standard output, so that a script can capture it; the advice on standard error.
            parse.InvocationConfiguration.Output.WriteLine(text);
            parse.InvocationConfiguration.Error.WriteLine($"Key '{keyName}' ({scope.ToNames()}) added. It is shown this once and cannot be recovered: store it now.");
            return CliApp.ExitValid;
        });

        var list = new Command("list", "List the keys (never their secrets)");
        list.SetAction(async (parse, cancellationToken) =>
        {
            using var database = CliApp.OpenRegistry(parse.InvocationConfiguration, parse.GetValue(registry), mustExist: true);
            if (database is null)
            {
                return CliApp.ExitUsage;
            }
            var output = parse.InvocationConfiguration.Output;
            var keys = await database.ListKeysAsync(cancellationToken);
            output.WriteLine($"{"NAME",-24} {"SCOPES",-18} {"CREATED",-20} STATUS");
            foreach (var key in keys)
            {
                var status = key.RevokedAt is { } revoked ? "revoked " + Stamp(revoked) : "working";
                output.WriteLine($"{key.Name,-24} {key.Scopes.ToNames(),-18} {Stamp(key.CreatedAt),-20} {status}");
            }
            return CliApp.ExitValid;
        });

        var revokeName = new Argument<string>("NAME") { Description = "The key's name" };
        var revoke = new Command("revoke", "Revoke a key: requests with it get 401 (after at most Auth:KeyCacheSeconds on a running server)") { revokeName };
        revoke.SetAction(async (parse, cancellationToken) =>
        {
            using var database = CliApp.OpenRegistry(parse.InvocationConfiguration, parse.GetValue(registry), mustExist: true);
            if (database is null)
            {
                return CliApp.ExitUsage;
            }
            var keyName = parse.GetValue(revokeName)!;
            if (!await database.RevokeKeyAsync(keyName, cancellationToken))
            {
                return CliApp.Fail(parse.InvocationConfiguration, $"no working key named '{keyName}'.");
            }
            parse.InvocationConfiguration.Error.WriteLine($"Key '{keyName}' revoked.");
            return CliApp.ExitValid;
        });

        var rotateName = new Argument<string>("NAME") { Description = "The key's name" };
        var rotate = new Command("rotate", "Replace a key by a new one with the same name and scopes, and print it once (the old one stops working)") { rotateName };
        rotate.SetAction(async (parse, cancellationToken) =>
        {
            using var database = CliApp.OpenRegistry(parse.InvocationConfiguration, parse.GetValue(registry), mustExist: true);
            if (database is null)
            {
                return CliApp.ExitUsage;
            }
            var keyName = parse.GetValue(rotateName)!;
            if (await database.RotateKeyAsync(keyName, cancellationToken) is not { } text)
            {
                return CliApp.Fail(parse.InvocationConfiguration, $"no working key named '{keyName}'.");
            }
            parse.InvocationConfiguration.Output.WriteLine(text);
            parse.InvocationConfiguration.Error.WriteLine($"Key '{keyName}' rotated: the old key is revoked. The new one is shown this once: store it now.");
            return CliApp.ExitValid;
        });

        return new Command("keys", "Manage the API's keys (Authorization: Bearer KEY)") { registry, add, list, revoke, rotate };
    }

    private static string Stamp(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);
}
