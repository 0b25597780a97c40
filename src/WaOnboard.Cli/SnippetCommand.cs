using System.CommandLine;
using System.Text;
using WaOnboard.Checking;
using WaOnboard.Snippets;
using WaOnboard.Templates;

namespace WaOnboard.Cli;

/// <summary><c>wa-onboard snippet --list</c> and <c>wa-onboard snippet KIND (--packet P | --phone N) [--text T] [--lang L] [--key K] [--size PX] [--caption] [--out FILE]</c>.</summary>
internal static class SnippetCommand
{
    public static Command Create()
    {
        var kindArgument = new Argument<string?>("KIND") { Description = "The snippet kind (see --list).", Arity = ArgumentArity.ZeroOrOne };
        var list = new Option<bool>("--list") { Description = "List the snippet kinds." };
        var packetOption = new Option<string?>("--packet") { HelpName = "PACKET", Description = "Take the number, language and business name from this packet." };
        var phone = new Option<string?>("--phone") { HelpName = "NUMBER", Description = "The business number in international format (+33 1 42 00 00 00)." };
        var text = new Option<string?>("--text") { HelpName = "TEXT", Description = "Text pre-filled in the customer's message." };
        var output = new Option<string?>("--out") { HelpName = "FILE", Description = "Write to this file; for qr, a .png name writes PNG, otherwise SVG." };
        var language = new Option<string?>("--lang") { HelpName = "LANG", Description = "The language of the snippet's words: en or fr (default: the packet's first template language, else en); for ivr, also spoken first." };
        var key = new Option<string>("--key") { HelpName = "KEY", Description = "The key the IVR prompt asks callers to press (0-9, * or #).", DefaultValueFactory = _ => "5" };
        var size = new Option<int>("--size")
        {
            HelpName = "PIXELS",
            Description = $"The width of the QR code in pixels (default {QrCodes.DefaultSize}: 5 cm at 600 dpi, 10 cm at 300 dpi).",
            DefaultValueFactory = _ => QrCodes.DefaultSize,
        };
        var caption = new Option<bool>("--caption") { Description = "Write \"Scan to chat on WhatsApp\" and the number under the QR code (SVG only)." };

        var sources = new ProfileOptions();
        var command = new Command("snippet", "Write an entry-point snippet: click to chat link, buttons, contact page, e-mail signature, app link, IVR prompt, QR code.")
        {
            kindArgument, list, packetOption, phone, text, language, key, size, caption, output,
        };
        sources.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var io = parseResult.InvocationConfiguration;
            if (parseResult.GetValue(list))
            {
                foreach (var kind in SnippetRenderer.Kinds)
                {
                    io.Output.WriteLine($"{kind.Name,-16} {kind.EntryPoint,-18} {kind.Description}");
                }
                return CliApp.ExitValid;
            }
            var name = parseResult.GetValue(kindArgument);
            if (name is null || SnippetKinds.Find(name) is null)
            {
                return CliApp.Fail(io, $"give a snippet kind: {string.Join(", ", SnippetRenderer.Kinds.Select(k => k.Name))} (wa-onboard snippet --list).");
            }
            var packetPath = parseResult.GetValue(packetOption);
            var number = parseResult.GetValue(phone);
            if ((packetPath is null) == (number is null))
            {
                return CliApp.Fail(io, "give either --packet PACKET or --phone NUMBER.");
            }
            var lang = parseResult.GetValue(language);
            if (lang is not null && !SnippetRenderer.Languages.Contains(lang))
            {
                return CliApp.Fail(io, $"--lang '{lang}' is not a snippet language; use one of: {string.Join(", ", SnippetRenderer.Languages)}.");
            }
            var digit = parseResult.GetValue(key)!;
            if (!SnippetRenderer.IsIvrKey(digit))
            {
                return CliApp.Fail(io, $"--key '{digit}' is not a key of a phone keypad; use one of 0-9, * or #.");
            }
            var pixels = parseResult.GetValue(size);
            if (pixels is < QrCodes.MinSize or > QrCodes.MaxSize)
            {
                return CliApp.Fail(io, $"--size {pixels} is out of range; give {QrCodes.MinSize} to {QrCodes.MaxSize} pixels.");
            }
            var request = number is not null
                ? new SnippetRequest(number, parseResult.GetValue(text)) { Language = lang ?? "en" }
                : await FromPacketAsync(packetPath!, parseResult.GetValue(text), parseResult, sources, cancellationToken);
            if (request is null)
            {
                return CliApp.ExitUsage;
            }
            request = request.With(lang) with { Key = digit, QrSize = pixels, QrCaption = parseResult.GetValue(caption) };
            var path = parseResult.GetValue(output);
            if (Output.Refuses(path, packetPath is null ? null : Output.PacketFileOf(packetPath), io) is { } refused)
            {
                return refused;
            }
            var extension = Path.GetExtension(path ?? "").ToLowerInvariant();
            if (name == "qr" && extension is ".jpg" or ".jpeg" or ".gif" or ".webp" or ".bmp" or ".tif" or ".tiff" or ".ico" or ".heic" or ".avif" or ".pdf" or ".eps")
            {
                // The format follows the name (.png, else SVG): SVG bytes in a .jpg would open as a broken picture.
                return CliApp.Fail(io, $"a QR code is written as PNG or SVG: name the file .png or .svg, not '{Path.GetFileName(path)}'.");
            }
            try
            {
                if (name == "qr" && extension == ".png")
                {
                    if (request.QrCaption)
                    {
                        return CliApp.Fail(io, "--caption is for SVG: a PNG has no text renderer here; write the code as .svg, or add the caption in your layout.");
                    }
                    return Output.Write(QrCodes.Png(SnippetRenderer.Link(request.Phone, request.Text), request.QrSize), path, io);
                }
                return Output.Write(Encoding.UTF8.GetBytes(SnippetRenderer.Render(name, request)), path, io);
            }
            catch (Exception e) when (e is InvalidPhoneNumberException or TemplateException)
            {
                return CliApp.Fail(io, e.Message);
            }
            catch (QRCoder.Exceptions.DataTooLongException)
            {
                var link = SnippetRenderer.Link(request.Phone, request.Text);
                return CliApp.Fail(io, $"the link is too long for a QR code ({link.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} characters once encoded; a QR code holds at most 2,953 bytes): shorten --text.");
            }
        });
        return command;
    }

    /// <summary>The request a packet implies, once checked with its profile; null (after one line on stderr) when there is none.</summary>
    private static async Task<SnippetRequest?> FromPacketAsync(string path, string? text, ParseResult parse, ProfileOptions sources, CancellationToken cancellationToken)
    {
        var io = parse.InvocationConfiguration;
        if (sources.Load(parse) is not { } ruleSet || CliApp.LoadPacket(io, path) is not { } packet)
        {
            return null;
        }
        var checkedPacket = await new PacketChecker(ruleSet).CheckAsync(packet, cancellationToken: cancellationToken);
        var request = SnippetRequest.FromPacket(checkedPacket, text);
        if (request is null)
        {
            CliApp.Fail(io, checkedPacket.Packet.Phone.Number is null
                ? $"the packet '{path}' has no phone number (phone.number)."
                : $"the packet's phone number '{checkedPacket.Packet.Phone.Number}' {checkedPacket.Phone?.Problem ?? "is not valid"}: a click to chat link needs the number registered on WhatsApp.");
        }
        return request;
    }
}
