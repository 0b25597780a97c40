using System.Text;
using WaOnboard.Packets;
using WaOnboard.Rules;
using WaOnboard.Tests.Images;

namespace WaOnboard.Tests.Rules;

/// <summary>The profile-avatar-* rules over pictures sent with the packet (as the HTTP API receives them).</summary>
public class AvatarRuleTests
{
    private static List<string> AvatarFindings(byte[]? picture, string name = "avatar.png", string example = "engage-digital")
    {
        var packet = Repo.ExampleAsJson(example);
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
    public void EngageDigitalAsksForExactly640ButWhatsAppTakesAnySquareOfAtLeast192()
    {
        Assert.Equal(["profile-avatar-dimensions"], AvatarFindings(TestImages.Png(300, 300)));
        // Elsewhere 300x300 is accepted, with the 640x640 recommendation as an info.
        Assert.Equal(["profile-avatar-recommended-size"], AvatarFindings(TestImages.Png(300, 300), example: "generic"));
        Assert.Equal(["profile-avatar-dimensions", "profile-avatar-recommended-size"], AvatarFindings(TestImages.Png(191, 191), example: "generic"));
        Assert.Equal(["profile-avatar-dimensions", "profile-avatar-recommended-size"], AvatarFindings(TestImages.Png(640, 480), example: "8x8"));
        Assert.Empty(AvatarFindings(TestImages.Png(), example: "generic"));
    }

    [Fact]
    public void DimensionLimitsAreParametersOfTheRuleFilesNotOfTheCode()
    {
        var generic = RuleSet.BuiltIn.RulesFor("generic").Single(r => r.Id == "profile-avatar-dimensions");
        Assert.Equal("192", ((ScalarNode)generic.Parameters["minEdge"]).Text);
        var engage = RuleSet.BuiltIn.RulesFor("engage-digital").Single(r => r.Id == "profile-avatar-dimensions");
        Assert.Equal("640", ((ScalarNode)engage.Parameters["edge"]).Text);
        Assert.Contains("Engage Digital", engage.Message, StringComparison.Ordinal);
        Assert.Equal("5242880", ((ScalarNode)RuleSet.BuiltIn.RulesFor("generic").Single(r => r.Id == "profile-avatar-bytes").Parameters["maxBytes"]).Text);
    }

    [Fact]
    public void PngWithAnAlphaChannelIsAWarningThatTransparencyShowsBlack()
    {
        var rgba = TestImages.Concat([TestImages.PngSignature, TestImages.Ihdr(640, 640, colourType: 6),
            TestImages.Chunk("IDAT", TestImages.Zlib(new byte[(1 + (4 * 640)) * 640])), TestImages.Chunk("IEND", [])]);
        Assert.Equal(["profile-avatar-opaque"], AvatarFindings(rgba));
    }

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
