using System.CommandLine;
using WaOnboard.Phone;
using WaOnboard.Registry;

namespace WaOnboard.Cli;

/// <summary><c>wa-onboard registry remove NUMBER --reason TEXT</c>: frees a number recorded for the wrong business, keeping an audit row.</summary>
internal static class RegistryCommand
{
    public static Command Create()
    {
        var registry = CliApp.RegistryOption("The registry (default: the API's default file)");
        registry.Recursive = true;
        var number = new Argument<string>("NUMBER") { Description = "The number, in E.164 or any notation with its country code" };
        var reason = new Option<string>("--reason") { Description = "Why the record is removed; kept with who removed it and when", Required = true, HelpName = "TEXT" };
        var remove = new Command("remove", "Remove a number's record; the removal is kept (who, when, why)") { number, reason };
        remove.SetAction(async (parse, cancellationToken) =>
        {
            var io = parse.InvocationConfiguration;
            var text = parse.GetValue(number)!;
            var info = PhoneNumbers.Inspect(text.Length > PhoneNumbers.MaxInputLength ? "" : text);
            if (info.E164 is not { } e164)
            {
                return CliApp.Fail(io, $"'{(text.Length > 40 ? text[..40] + "..." : text)}' {info.Problem ?? "is not a valid phone number"}.");
            }
            var why = parse.GetValue(reason)!.Trim();
            if (why.Length is 0 or > 500)
            {
                return CliApp.Fail(io, "--reason says why the record is removed, in 1 to 500 characters.");
            }
            using var database = CliApp.OpenRegistry(io, parse.GetValue(registry), mustExist: true);
            if (database is null)
            {
                return CliApp.ExitUsage;
            }
            // Who: the operating-system account at the registry's machine (the API records the admin key's name instead).
            var removal = new NumberRemoval($"cli:{Environment.UserName}", why, DateTimeOffset.UtcNow);
            if (await database.RemoveAsync(e164, removal, cancellationToken) is not { } removed)
            {
                return CliApp.Fail(io, $"{e164} is not recorded in this registry.");
            }
            io.Output.WriteLine($"Removed {removed.E164} (recorded {removed.RecordedAt:yyyy-MM-dd} for {(removed.BusinessId.Length > 0 ? $"Business ID {removed.BusinessId}" : removed.VerifiedName)}); the removal is kept by {removal.RemovedBy}.");
            return CliApp.ExitValid;
        });
        return new Command("registry", "Manage the registry of onboarded numbers") { registry, remove };
    }
}
