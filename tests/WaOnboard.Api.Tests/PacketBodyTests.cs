using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace WaOnboard.Api.Tests;

public sealed class PacketBodyTests
{
    private static readonly byte[] AvatarBytes = File.ReadAllBytes(Repo.PathOf("examples/engage-digital/avatar.png"));

    [Fact]
    public async Task TheAvatarPartIsFoundUnderTheNameThePacketGivesIt()
    {
        var packet = Packets.EngageDigital().Replace("\"avatar.png\"", "\"images/logo.png\"", StringComparison.Ordinal);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(packet, Encoding.UTF8, "application/json"), "packet", "packet.json" },
            { Image(AvatarBytes), "avatar", "whatever-the-browser-calls-it.png" },
        };

        var document = (await ReadAsync(form)).Document!;

        Assert.True(document.Files.TryOpen("images/logo.png", out var stream, out _));
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        Assert.Equal(AvatarBytes, copy.ToArray());
        Assert.False(document.Files.TryOpen("whatever-the-browser-calls-it.png", out _, out _));
    }

    [Fact]
    public async Task AFileThePacketNamesIsNeverOpenedFromTheServersDisk()
    {
        var onDisk = Repo.PathOf("examples/engage-digital/avatar.png");
        var packet = Packets.EngageDigital().Replace("\"avatar.png\"", $"\"{onDisk}\"", StringComparison.Ordinal);

        var document = (await ReadAsync(new StringContent(packet, Encoding.UTF8, "application/json"))).Document!;

        Assert.True(File.Exists(onDisk));
        Assert.False(document.Files.TryOpen(onDisk, out _, out var problem));
        // Refused by the same rule as on the command line, before any look-up.
        Assert.Contains("must be a path relative to the packet's folder", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APacketPartWithoutAContentTypeIsReadByItsFileName()
    {
        var yaml = await File.ReadAllBytesAsync(Repo.PathOf("examples/8x8/packet.yaml"));
        using var form = new MultipartFormDataContent { { new ByteArrayContent(yaml), "packet", "packet.yaml" } };

        var document = (await ReadAsync(form)).Document!;

        Assert.Equal("8x8", document.Provider);
        Assert.Equal("request", document.Source);
    }

    private static ByteArrayContent Image(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return content;
    }

    private static async Task<PacketUpload> ReadAsync(HttpContent content)
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = content.Headers.ContentType!.ToString();
        context.Request.Body = new MemoryStream(await content.ReadAsByteArrayAsync());
        return await PacketBody.ReadAsync(context.Request, CancellationToken.None);
    }
}
