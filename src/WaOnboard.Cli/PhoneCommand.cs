using System.CommandLine;
using WaOnboard.Phone;

namespace WaOnboard.Cli;

/// <summary><c>wa-onboard phone NUMBER... [--region XX] [--format text|json]</c>: what the validator knows of numbers.</summary>
internal static class PhoneCommand
{
    public static Command Create()
    {
        var numbers = new Argument<string[]>("NUMBER") { Description = "Phone numbers in any common notation", Arity = ArgumentArity.OneOrMore };
        var region = new Option<string?>("--region") { Description = "ISO 3166 region for numbers written without a country code (FR, GB, US)", HelpName = "XX" };
        var format = new Option<string?>("--format") { Description = "text (the default on a terminal) or json" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("phone", "Parse, validate and classify phone numbers (libphonenumber-csharp)") { numbers, region, format };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var defaultRegion = parse.GetValue(region);
            if (defaultRegion is not null && !PhoneNumbers.IsKnownRegion(defaultRegion))
            {
                return CliApp.Fail(parse.InvocationConfiguration,
                    $"--region '{defaultRegion}' is not an ISO 3166 region with a numbering plan; give a two-letter code such as FR, GB or US.");
            }

            var results = parse.GetValue(numbers)!.Select(n => PhoneNumbers.Inspect(n, defaultRegion)).ToList();
            if (CliApp.WantsJson(parse, format))
            {
                output.WriteLine(PhoneJson.Write(results));
            }
            else
            {
                foreach (var info in results)
                {
                    output.WriteLine(info.Valid
                        ? $"{info.Input}: valid, {info.E164}, {RegionText(info)}, {info.Type.Name()}; national {info.NationalFormat}, international {info.InternationalFormat}"
                        : $"{info.Input}: not valid: it {info.Problem}");
                }
            }
            // Like validate: 0 when every number is valid, 1 when one is not.
            return results.All(r => r.Valid) ? CliApp.ExitValid : CliApp.ExitInvalid;
        });
        return command;
    }

    private static string RegionText(PhoneNumberInfo info) => (info.Region, info.RegionName) switch
    {
        (null, _) => "non-geographic",
        ({ } code, null) => code,
        ({ } code, { } name) => $"{code} ({name})",
    };
}
