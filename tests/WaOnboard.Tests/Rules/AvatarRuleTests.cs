using System.Text;
using WaOnboard.Packets;
using WaOnboard.Rules;
using WaOnboard.Tests.Images;

namespace WaOnboard.Tests.Rules;

/// <summary>The profile-avatar-* rules over pictures sent with the packet (as the HTTP API receives them).</summary>
public class AvatarRuleTests
{
    private static List<string> AvatarFindings(byte[]? picture, string name = "avatar.png")
    {
        var packet = Repo.ExampleAsJson("engage-digital");
        Repo.Set(packet, "profile.avatar", name);
        var files = picture is null ? InMemoryPacketFiles.None : new InMemoryPacketFiles(new Dictionary<string, byte[]> { [name] = picture });
        var document = PacketLoader.Load(Encoding.UTF8.GetBytes(packet.ToJsonString()), PacketFormat.Json, "test", files);
        return [.. RuleSet.BuiltIn.Validate(document).Findings.Where(f => f.RuleId.StartsWith("profile-avatar-", StringComparison.Ordinal)).Select(f => f.RuleId)];
    }

    [Fact]
    public void Square640PngAndJpegPass()
    {
        Assert.Empty(AvatarFindings(TestImages.Png()));
        Assert.Empty(AvatarFindings(TestImages.Jpeg(), "avatar.jpg"));
    }

    [Fact]
    public void PictureThatWasNotSentIsAFileFinding() => Assert.Equal(["profile-avatar-file"], AvatarFindings(null));

    [Fact]
    public void GifNamedPngIsAFormatFinding() => Assert.Equal(["profile-avatar-format"], AvatarFindings("GIF89a\x80\x02\x80\x02"u8.ToArray()));

    [Fact]
    public void PictureOfAnotherSizeIsADimensionsFinding() => Assert.Equal(["profile-avatar-dimensions"], AvatarFindings(TestImages.Png(641, 640)));

    [Fact]
    public void TruncatedPngIsAnIntactFinding()
    {
        var png = TestImages.Png();
        Assert.Equal(["profile-avatar-intact"], AvatarFindings(png[..(png.Length - 12)]));
    }

    [Fact]
    public void PngWhoseImageDataIsCutBehindGoodCrcsIsAnIntactFindingThatSaysWhy()
    {
        var zlib = TestImages.Zlib(TestImages.SolidRgbRows(640, 639));
        var png = TestImages.PngWithImageData(TestImages.Ihdr(640, 640), zlib);
        var packet = Repo.ExampleAsJson("engage-digital");
        Repo.Set(packet, "profile.avatar", "avatar.png");
        var files = new InMemoryPacketFiles(new Dictionary<string, byte[]> { ["avatar.png"] = png });
        var document = PacketLoader.Load(Encoding.UTF8.GetBytes(packet.ToJsonString()), PacketFormat.Json, "test", files);

        var finding = Assert.Single(RuleSet.BuiltIn.Validate(document).Findings);

        Assert.Equal("profile-avatar-intact", finding.RuleId);
        Assert.Equal(
            "The profile picture 'avatar.png' is truncated: its image data (IDAT) ends after 1,227,519 of the 1,229,440 bytes that 640x640 pixels need.",
            finding.Message);
    }

    [Fact]
    public void PictureOverFiveMegabytesIsABytesFinding() =>
        Assert.Contains("profile-avatar-bytes", AvatarFindings(TestImages.PngOfLength(5 * 1024 * 1024 + 1)));

    [Fact]
    public void AvatarPathOutsideThePacketFolderIsRefused()
    {
        var packet = Repo.ExampleAsJson("engage-digital");
        Repo.Set(packet, "profile.avatar", "../many-mistakes/avatar.png");
        var finding = Assert.Single(RuleSet.BuiltIn.Validate(Repo.Load(packet, "engage-digital")).Findings);
        Assert.Equal("profile-avatar-file", finding.RuleId);
        Assert.Contains("outside the packet's folder", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AbsoluteAvatarPathIsRefused()
    {
        var packet = Repo.ExampleAsJson("engage-digital");
        Repo.Set(packet, "profile.avatar", "/etc/passwd");
        Assert.Equal("profile-avatar-file", Assert.Single(RuleSet.BuiltIn.Validate(Repo.Load(packet, "engage-digital")).Findings).RuleId);
    }
}
