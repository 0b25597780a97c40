using System.Text;
using System.Text.Json;
using static WaOnboard.Tests.Hostile.HostileInput;

namespace WaOnboard.Tests.Hostile;

/// <summary>Runs alone, so that its time bounds measure the case and not the other test classes.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostileCollection
{
    public const string Name = "hostile input";
}

/// <summary>The command-line door of the hostile-input corpus: each case's exit code, message, time and allocation bound.</summary>
/// <remarks>The API door of the same cases is HostileRequestTests in WaOnboard.Api.Tests.</remarks>
[Collection(HostileCollection.Name)]
public sealed class HostileCliTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static JsonElement Report(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static IEnumerable<JsonElement> Findings(JsonElement report) => report.GetProperty("findings").EnumerateArray();

    private static IEnumerable<string> RuleIds(JsonElement report) => Findings(report).Select(f => f.GetProperty("ruleId").GetString()!);

    [Fact]
    public void AMebibyteOfEmptyJsonTemplatesStopsAtTheValueCapWithinBounds()
    {
        var file = _temp.Write("packet.json", EmptyTemplatesJson());

        var (exit, output, _) = RunCli("validate", file, "--format", "json");

        Assert.Equal(1, exit);
        var finding = Assert.Single(Findings(Report(output)));
        Assert.Equal("packet-too-large", finding.GetProperty("ruleId").GetString());
        Assert.Contains("10000 values", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ThousandsOfFindingsAreListedUpToAThousandThenCounted()
    {
        var file = _temp.Write("packet.yaml", EmptyTemplatesYaml());

        var (exit, output, _) = RunCli("validate", file, "--format", "json");

        Assert.Equal(1, exit);
        var report = Report(output);
        var findings = Findings(report).ToList();
        Assert.Equal(1001, findings.Count);
        var last = findings[^1];
        Assert.Equal("findings-truncated", last.GetProperty("ruleId").GetString());
        Assert.Matches(@"^[0-9,]+ more findings were not listed", last.GetProperty("message").GetString());
        // The summary counts every finding, listed or not.
        Assert.True(report.GetProperty("summary").GetProperty("errors").GetInt32() > 1000);
    }

    [Fact]
    public void AReportInFrenchCountsTheUnlistedFindingsAsTheEnglishOneDoes()
    {
        // The French texts are put in after the rules ran: the new report must keep the count of what was not listed.
        var file = _temp.Write("packet.yaml", EmptyTemplatesYaml());

        var english = Report(RunCli("validate", file, "--format", "json").Out).GetProperty("summary");
        var french = Report(RunCli("validate", file, "--format", "json", "--lang", "fr").Out).GetProperty("summary");

        Assert.True(english.GetProperty("errors").GetInt32() > 1000);
        Assert.Equal(english.GetProperty("errors").GetInt32(), french.GetProperty("errors").GetInt32());
        Assert.Equal(english.GetProperty("warnings").GetInt32(), french.GetProperty("warnings").GetInt32());
    }

    [Fact]
    public void AWindows1252PacketIsAFindingThatNamesTheEncodingAndTheFix()
    {
        var file = _temp.Write("packet.json", Windows1252Json());

        var (exit, output, _) = RunCli("validate", file, "--format", "json");

        Assert.Equal(1, exit);
        var finding = Assert.Single(Findings(Report(output)));
        Assert.Equal("packet-encoding", finding.GetProperty("ruleId").GetString());
        Assert.Contains("Windows-1252", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("'é'", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("UTF-8", finding.GetProperty("help").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "UTF-16 (little-endian, with a byte order mark)")]
    [InlineData(false, "UTF-16 (little-endian, without a byte order mark)")]
    public void AUtf16PacketIsAFindingThatNamesTheEncoding(bool bom, string encoding)
    {
        var file = _temp.Write("packet.yaml", Utf16Yaml(bom));

        var (exit, output, _) = RunCli("validate", file, "--format", "json");

        Assert.Equal(1, exit);
        var finding = Assert.Single(Findings(Report(output)));
        Assert.Equal("packet-encoding", finding.GetProperty("ruleId").GetString());
        Assert.Contains(encoding, finding.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AFifoAsThePacketIsAOneLineErrorNotAHang()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // FIFOs are made with mkfifo
        }
        var fifo = MakeFifo(_temp.Path, "packet.yaml");

        AssertUsageError(RunCli("validate", fifo), "is not a regular file");
        AssertUsageError(RunCli("validate", _temp.Path), "is not a regular file");
        AssertUsageError(RunCli("snippet", "wa-link", "--packet", fifo), "is not a regular file");
        AssertUsageError(RunCli("checklist", fifo), "is not a regular file");
    }

    [Theory]
    [InlineData("fifo")]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    public void ARulesFileThatIsNoRegularFileIsOneLineAndExitTwo(string rules)
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // FIFOs and devices of Linux
        }
        var path = rules == "fifo" ? MakeFifo(_temp.Path, "rules.yaml") : rules;

        var result = RunCli("validate", "examples/generic", "--rules", path);

        AssertUsageError(result, "the rule or profile file is not a regular file");
    }

    [Fact]
    public void AFifoAsTheAvatarIsAFindingNotAHang()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // FIFOs are made with mkfifo
        }
        var folder = Path.Combine(_temp.Path, "packet");
        _temp.Write("packet/packet.yaml", "provider: generic\nprofile:\n  avatar: avatar.png\n");
        MakeFifo(folder, "avatar.png");

        var (exit, output, _) = RunCli("validate", folder, "--format", "json");

        Assert.Equal(1, exit);
        var finding = Findings(Report(output)).Single(f => f.GetProperty("ruleId").GetString() == "profile-avatar-file");
        Assert.Contains("is not a regular file", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnAvatarInASymlinkedFolderThatLeavesThePacketIsRefused()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // /etc/passwd is a Linux file
        }
        var folder = Path.Combine(_temp.Path, "packet");
        _temp.Write("packet/packet.yaml", "provider: generic\nprofile:\n  avatar: sub/passwd\n");
        Directory.CreateSymbolicLink(Path.Combine(folder, "sub"), "/etc");

        var (exit, output, _) = RunCli("validate", folder, "--format", "json");

        Assert.Equal(1, exit);
        var finding = Findings(Report(output)).Single(f => f.GetProperty("ruleId").GetString() == "profile-avatar-file");
        Assert.Contains("outside the packet's folder", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(RuleIds(Report(output)), id => id is "profile-avatar-format" or "profile-avatar-bytes");
    }

    [Fact]
    public void AnAvatarLinkThatStaysInsideThePacketIsStillRead()
    {
        var folder = Path.Combine(_temp.Path, "packet");
        _temp.Write("packet/packet.yaml", "provider: generic\nprofile:\n  avatar: pictures/avatar.png\n");
        _temp.Write("packet/real/avatar.png", File.ReadAllBytes(Repo.PathOf("examples", "generic", "avatar.png")));
        Directory.CreateSymbolicLink(Path.Combine(folder, "pictures"), "real");

        var (_, output, _) = RunCli("validate", folder, "--format", "json");

        Assert.DoesNotContain(RuleIds(Report(output)), id => id.StartsWith("profile-avatar-", StringComparison.Ordinal));
    }

    [Fact]
    public void EscapeSequencesInAValueAreShownNotObeyedInTextOutput()
    {
        var file = _temp.Write("packet.json", "{\"provider\":\"generic\",\"business\":{\"facebookBusinessId\":\"\\u001b[2J\\u001b[32m valid: 0 errors\",\"verifiedName\":\"Acme\"}}");

        var (exit, output, _) = RunCli("validate", file, "--format", "text");

        Assert.Equal(1, exit);
        Assert.DoesNotContain('\u001b', output);
        Assert.Contains("\\u001b[2J", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AQrCodeOfFiveThousandCharactersIsOneLineAndExitTwo()
    {
        var result = RunCli("snippet", "qr", "--phone", "+33 6 12 34 56 78", "--text", new string('a', 5000));

        AssertUsageError(result, "too long for a QR code");
    }

    [Fact]
    public void ServeOnAUrlThatIsNoAddressIsOneLineAndExitTwo()
    {
        AssertUsageError(RunCli("serve", "--urls", "notaurl"), "is not an address to listen on");
    }

    [Fact]
    public void AChecklistOfAPacketThatCannotBeParsedExitsTwo()
    {
        var file = _temp.Write("packet.json", Windows1252Json());

        AssertUsageError(RunCli("checklist", file), "cannot write a checklist");
    }

    [Fact]
    public void ValidateOfAMissingFileExitsTwoAndWritesNoEmptyReport()
    {
        AssertUsageError(RunCli("validate", Path.Combine(_temp.Path, "missing.yaml"), "--format", "json"), "No packet file or folder");
    }

    [Fact]
    public void OutOntoThePacketItselfIsRefusedAndThePacketIsKept()
    {
        var packet = _temp.Write("packet.yaml", File.ReadAllBytes(Repo.PathOf("examples", "engage-digital", "packet.yaml")));
        var before = File.ReadAllBytes(packet);

        AssertUsageError(RunCli("checklist", packet, "--out", packet), "is the packet itself");
        AssertUsageError(RunCli("snippet", "wa-link", "--packet", packet, "--out", packet), "is the packet itself");
        Assert.Equal(before, File.ReadAllBytes(packet));
    }

    [Fact]
    public void OutOntoAFolderIsRefusedInOneLine()
    {
        AssertUsageError(RunCli("checklist", "examples/generic", "--out", _temp.Path), "is a folder");
    }

    [Fact]
    public void AQrCodeIsWrittenOnlyAsPngOrSvg()
    {
        var jpg = Path.Combine(_temp.Path, "code.jpg");

        AssertUsageError(RunCli("snippet", "qr", "--phone", "+33 6 12 34 56 78", "--out", jpg), "name the file .png or .svg");
        Assert.False(File.Exists(jpg));
    }

    [Fact]
    public void AYamlAliasBombStopsAtTheValueCap()
    {
        var bomb = new StringBuilder("provider: generic\na: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (var level = 'b'; level <= 'j'; level++)
        {
            bomb.Append(level).Append(": &").Append(level).Append(" [");
            bomb.AppendJoin(", ", Enumerable.Repeat("*" + (char)(level - 1), 10));
            bomb.Append("]\n");
        }
        var file = _temp.Write("packet.yaml", bomb.ToString());

        var (exit, output, _) = RunCli("validate", file, "--format", "json");

        Assert.Equal(1, exit);
        Assert.Contains("packet-too-large", RuleIds(Report(output)));
    }

    [Fact]
    public void APacketOverOneMebibyteIsRefusedUnread()
    {
        var file = _temp.Write("packet.yaml", "provider: generic\n# " + new string('x', 1024 * 1024) + "\n");

        var (exit, output, _) = RunCli("validate", file, "--format", "json");

        Assert.Equal(1, exit);
        Assert.Equal(["packet-too-large"], RuleIds(Report(output)));
    }

    [Fact]
    public void AValueOverFourThousandCharactersNeverReachesAPattern()
    {
        var file = _temp.Write("packet.yaml", $"provider: generic\nbusiness:\n  facebookBusinessId: \"{new string('1', 500_000)}\"\n");

        var (exit, output, _) = RunCli("validate", file, "--format", "json");

        Assert.Equal(1, exit);
        Assert.Contains("value-too-long", RuleIds(Report(output)));
        Assert.DoesNotContain("business-id-format", RuleIds(Report(output)));
    }

    [Fact]
    public void AnAvatarPathThatLeavesTheFolderIsAFinding()
    {
        var folder = Path.Combine(_temp.Path, "packet");
        _temp.Write("packet/packet.yaml", "provider: generic\nprofile:\n  avatar: ../../../../etc/passwd\n");

        var (_, output, _) = RunCli("validate", folder, "--format", "json");

        var finding = Findings(Report(output)).Single(f => f.GetProperty("ruleId").GetString() == "profile-avatar-file");
        Assert.Contains("outside the packet's folder", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void MoreTemplatesThanAnAccountHoldsIsAnError()
    {
        var file = _temp.Write("packet.yaml", EmptyTemplatesYaml(6001));

        var (_, output, _) = RunCli("validate", file, "--format", "json");

        Assert.Contains("hsm-count-limit", RuleIds(Report(output)));
    }

    [Theory]
    [InlineData("\u0661\u0660\u0664\u0668\u0665\u0667\u0666\u0660\u0660\u0660\u0660\u0660\u0660\u0664\u0662", "U+0661, an Arabic-Indic digit")]
    [InlineData("\uFF11\uFF10\uFF14\uFF18\uFF15\uFF17\uFF16\uFF10\uFF10\uFF10\uFF10\uFF10\uFF10\uFF14\uFF12", "U+FF11, a full-width digit")]
    [InlineData("104857600000042\\n", "U+000A, an invisible character")]
    public void ABusinessIdWithADigitOfAnotherScriptNamesTheWrongCharacter(string id, string named)
    {
        var file = _temp.Write("packet.json", $"{{\"provider\":\"generic\",\"business\":{{\"facebookBusinessId\":\"{id}\",\"verifiedName\":\"Acme\"}}}}");

        var (_, output, _) = RunCli("validate", file, "--format", "json");

        var message = Findings(Report(output)).Single(f => f.GetProperty("ruleId").GetString() == "business-id-format").GetProperty("message").GetString()!;
        Assert.Contains(named, message, StringComparison.Ordinal);
        Assert.DoesNotContain("digits.", message, StringComparison.Ordinal);
    }
}
