using System.CommandLine;
using System.Globalization;
using WaOnboard.Checking;
using WaOnboard.Pricing;

namespace WaOnboard.Cli;

/// <summary><c>wa-onboard estimate PACKET [--rates FILE] [--format text|json]</c>: the monthly cost per delivered message.</summary>
internal static class EstimateCommand
{
    public static Command Create()
    {
        var packetArgument = new Argument<string>("PACKET") { Description = "A packet file or packet folder with an estimate section." };
        var rates = RatesOption();
        var format = new Option<string?>("--format") { Description = "text or json (JSON by default when the output is redirected)." };
        format.AcceptOnlyFromAmong("text", "json");
        var profile = new Option<string?>("--profile") { Description = "Price with this profile instead of the packet's provider", HelpName = "NAME" };
        var sources = new ProfileOptions();
        var command = new Command("estimate", "Estimate the monthly cost of a packet's messages, per delivered message, from dated rate files.")
        {
            packetArgument, rates, format, profile,
        };
        sources.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var io = parseResult.InvocationConfiguration;
            if (!sources.TryLoad(parseResult, profile, out var ruleSet, out var profileName))
            {
                return CliApp.ExitUsage;
            }
            if (!TryLoadRates(io, parseResult.GetValue(rates), out var card))
            {
                return CliApp.ExitUsage;
            }
            if (CliApp.LoadPacket(io, parseResult.GetValue(packetArgument)!) is not { } packet)
            {
                return CliApp.ExitUsage;
            }
            var checkedPacket = await new PacketChecker(ruleSet).CheckAsync(packet, profileName, cancellationToken: cancellationToken);
            var estimate = checkedPacket.Estimate(card, DateOnly.FromDateTime(DateTime.UtcNow));
            if (estimate is null)
            {
                return CliApp.Fail(io, "the packet has no estimate to work from: give estimate.country, estimate.currency and estimate.messages (per category, per month).");
            }
            io.Output.WriteLine(CliApp.WantsJson(parseResult, format) ? estimate.ToJson() : Text(estimate));
            return CliApp.ExitValid;
        });
        return command;
    }

    /// <summary>The <c>--rates FILE</c> option that replaces a profile's rate file.</summary>
    public static Option<string?> RatesOption() =>
        new("--rates") { HelpName = "FILE", Description = "A rate file (the format of a profile's rates.yaml) to use instead of the profile's." };

    /// <summary>Reads <c>--rates FILE</c>; false (after one line on stderr) when it cannot be used.</summary>
    public static bool TryLoadRates(InvocationConfiguration io, string? path, out RateCard? card)
    {
        card = null;
        if (path is null)
        {
            return true;
        }
        byte[] content;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > Packets.PacketLoader.MaxBytes)
            {
                CliApp.Fail(io, $"'{path}' is over {Packets.PacketLoader.MaxBytes / 1024} KiB; a rate file is a few kilobytes of text.");
                return false;
            }
            content = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            CliApp.Fail(io, $"cannot read the rate file '{path}': {e.Message}");
            return false;
        }
        var errors = new List<string>();
        card = RateCard.Parse(path, content, errors);
        if (errors.Count > 0)
        {
            CliApp.Fail(io, errors[0]);
            return false;
        }
        return true;
    }

    private static string Text(MessageEstimate estimate)
    {
        var lines = new List<string> { $"Monthly cost estimate, {estimate.Country}, {estimate.Currency}" + (estimate.Effective is { } e ? $" (rates effective {e:yyyy-MM-dd})" : "") };
        foreach (var line in estimate.Lines)
        {
            lines.Add($"  {line.Category,-15} {line.Messages.ToString(CultureInfo.InvariantCulture),8} x {(line.Rate is { } r ? estimate.FormatRate(r, "en") : "(no rate)"),-12} = {(line.ExactAmount is { } a ? estimate.Format(a, "en") : "(no rate)")}");
        }
        lines.AddRange(estimate.Fees.Select(f => $"  {f.Name}: {estimate.Format(f.ExactAmount, "en")}"));
        var partial = estimate.Lines.Any(l => l.Rate is null) ? ", without the messages that have no rate" : "";
        lines.Add($"  Total per month{partial}: {estimate.Format(estimate.ExactTotal, "en")}");
        if (estimate.Source.Length > 0)
        {
            lines.Add($"  Rates from: {estimate.Source}");
        }
        lines.AddRange(estimate.Warnings.Select(w => "  ! " + w));
        return string.Join('\n', lines);
    }
}
