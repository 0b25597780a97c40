using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using WaOnboard.Findings;
using WaOnboard.Packets;
using WaOnboard.Rules;

namespace WaOnboard.Tests.Packets;

public class PacketLoaderTests
{
    private static PacketDocument Yaml(string text) => PacketLoader.Load(Encoding.UTF8.GetBytes(text), PacketFormat.Yaml, "test", InMemoryPacketFiles.None);

    private static PacketDocument Json(string text) => PacketLoader.Load(Encoding.UTF8.GetBytes(text), PacketFormat.Json, "test", InMemoryPacketFiles.None);

    [Fact]
    public void YamlAndJsonOfTheSamePacketGiveTheSameFindings()
    {
        var yaml = Yaml("provider: engage-digital\nbusiness:\n  facebookBusinessId: '12345'\n  verifedName: Acme\n");
        var json = Json("{\"provider\": \"engage-digital\", \"business\": {\"facebookBusinessId\": \"12345\", \"verifedName\": \"Acme\"}}");
        static string Summary(PacketDocument d) =>
            string.Join("\n", RuleSet.BuiltIn.Validate(d).Findings.Select(f => $"{f.RuleId} {f.Path} {f.Message}"));
        Assert.Equal(Summary(yaml), Summary(json));
    }

    [Fact]
    public void UnknownFieldIsAWarningAtItsOwnPathWithASuggestion()
    {
        var finding = Assert.Single(Yaml("business:\n  verifedName: Acme\n").LoadFindings);
        Assert.Equal(("unknown-field", Severity.Warning, "business.verifedName"), (finding.RuleId, finding.Severity, finding.Path));
        Assert.Contains("did you mean 'verifiedName'", finding.Message, StringComparison.Ordinal);
        Assert.Equal((2, 3), (finding.Line, finding.Column));
    }

    [Fact]
    public void YamlSyntaxErrorIsAFindingWithLineAndColumn()
    {
        var document = Yaml("provider: generic\nbusiness:\n  verifiedName: \"Acme\n  legalName: x\n");
        var finding = Assert.Single(document.LoadFindings);
        Assert.Equal(("packet-syntax", ""), (finding.RuleId, finding.Path));
        Assert.NotNull(finding.Line);
        Assert.Contains($"line {finding.Line}", finding.Message, StringComparison.Ordinal);
        Assert.Null(document.Root);
    }

    [Fact]
    public void JsonSyntaxErrorIsAFindingWithLineAndColumn()
    {
        var finding = Assert.Single(Json("{\n  \"provider\": \"generic\",\n  \"business\": { \"verifiedName\": }\n}").LoadFindings);
        Assert.Equal("packet-syntax", finding.RuleId);
        Assert.Equal(3, finding.Line);
        Assert.Contains("line 3", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AliasBombEndsQuicklyWithAFinding()
    {
        var bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (var level = 'b'; level <= 'j'; level++)
        {
            var previous = (char)(level - 1);
            bomb.Append($"{level}: &{level} [*{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}]\n");
        }
        // Bounded by work, not by the clock: the 10^10 values the aliases name are never built.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var document = Yaml(bomb.ToString());
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal("packet-too-large", Assert.Single(document.LoadFindings).RuleId);
        Assert.True(allocated < 64L * 1024 * 1024, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void AliasThatStaysSmallIsExpandedAsItsAnchor()
    {
        var document = Yaml("profile:\n  businessName: &name Acme Bank\nbusiness:\n  verifiedName: *name\n");
        Assert.Empty(document.LoadFindings);
        Assert.Equal("Acme Bank", ((ScalarNode)((MapNode)document.Root!["business"]!)["verifiedName"]!).Text);
    }

    [Fact]
    public void PacketOverOneMebibyteIsRefusedUnread()
    {
        var big = new byte[PacketLoader.MaxBytes + 1];
        Array.Fill(big, (byte)'#');
        var document = PacketLoader.Load(big, PacketFormat.Yaml, "big", InMemoryPacketFiles.None);
        Assert.Equal("packet-too-large", Assert.Single(document.LoadFindings).RuleId);
    }

    [Fact]
    public void PacketFileOverOneMebibyteIsRefusedFromDisk()
    {
        var file = Path.Combine(Path.GetTempPath(), $"wa-onboard-big-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, "provider: generic\n" + new string('#', PacketLoader.MaxBytes));
        try
        {
            Assert.Equal("packet-too-large", Assert.Single(PacketLoader.LoadPath(file).LoadFindings).RuleId);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void DeepNestingIsRefusedWithAFinding()
    {
        var deep = "a: " + new string('[', 5000) + new string(']', 5000);
        Assert.Equal("packet-too-large", Assert.Single(Yaml(deep).LoadFindings).RuleId);
        var deepJson = "{\"a\": " + new string('[', 5000) + new string(']', 5000) + "}";
        Assert.Equal("packet-syntax", Assert.Single(Json(deepJson).LoadFindings).RuleId);
    }

    [Fact]
    public void DuplicateKeyIsAnErrorAtItsPath()
    {
        var finding = Assert.Single(Json("{\"business\": {\"verifiedName\": \"A\", \"verifiedName\": \"B\"}}").LoadFindings);
        Assert.Equal(("duplicate-key", "business.verifiedName"), (finding.RuleId, finding.Path));
        Assert.Equal("duplicate-key", Assert.Single(Yaml("provider: generic\nprovider: 8x8\n").LoadFindings).RuleId);
    }

    [Theory]
    [InlineData("business:\n  verified: yes\n", "business.verified")]
    [InlineData("profile:\n  websites: https://acme.example\n", "profile.websites")]
    [InlineData("estimate:\n  sessionsPerMonth: 10.5\n", "estimate.sessionsPerMonth")]
    [InlineData("phone: +33612345678\n", "phone")]
    public void ValueOfTheWrongKindIsAnErrorAtItsPath(string yaml, string path)
    {
        var finding = Assert.Single(Yaml(yaml).LoadFindings);
        Assert.Equal(("field-type", path), (finding.RuleId, finding.Path));
    }

    [Fact]
    public void UnsupportedSchemaVersionIsAFileFinding()
    {
        var finding = Assert.Single(Yaml("schemaVersion: 2\n").LoadFindings);
        Assert.Equal(("schema-version", ""), (finding.RuleId, finding.Path));
    }

    [Fact]
    public void NumberWrittenWithoutQuotesKeepsEveryDigit()
    {
        var document = Yaml("business:\n  facebookBusinessId: 104857600000042\n");
        Assert.Equal("104857600000042", ((ScalarNode)((MapNode)document.Root!["business"]!)["facebookBusinessId"]!).Text);
    }

    [Fact]
    public void MissingPacketIsUnreadable()
    {
        var document = PacketLoader.LoadPath(Repo.PathOf("examples", "no-such-packet"));
        Assert.False(document.IsReadable);
        Assert.Equal("packet-unreadable", Assert.Single(document.LoadFindings).RuleId);
    }

    [Fact]
    public void PacketFolderIsReadThroughItsPacketFile()
    {
        var document = PacketLoader.LoadPath(Repo.PathOf("examples", "generic"));
        Assert.True(document.IsReadable);
        Assert.Equal("generic", document.Provider);
    }

    [Property]
    public Property LoaderNeverThrowsOnArbitraryBytes()
    {
        return Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
        {
            var yaml = PacketLoader.Load(bytes, PacketFormat.Yaml, "fuzz", InMemoryPacketFiles.None);
            var json = PacketLoader.Load(bytes, PacketFormat.Json, "fuzz", InMemoryPacketFiles.None);
            RuleSet.BuiltIn.Validate(yaml);
            RuleSet.BuiltIn.Validate(json);
        });
    }

    [Property]
    public Property LoaderAndRulesNeverThrowOnArbitraryText()
    {
        // Text made of YAML's own punctuation reaches far more parser states than random bytes do.
        var alphabet = Gen.Elements("a", "b: ", "- ", "[", "]", "{", "}", ",", "\n", "  ", "&x ", "*x", "\"", "'", "#", ":", "|", ">", "!!str ", "hsm", "phone", "number", "~", "1");
        var text = Gen.ListOf(alphabet).Select(parts => string.Concat(parts));
        return Prop.ForAll(text.ToArbitrary(), t =>
        {
            RuleSet.BuiltIn.Validate(Yaml(t));
            RuleSet.BuiltIn.Validate(Yaml("hsm:\n  - translations:\n      - body: " + t));
        });
    }

    [Fact]
    public void ValueOverTheCheckedLengthIsReportedOnceAndNotPatternMatched()
    {
        var long1 = new string('a', RuleRun.MaxCheckedLength + 1);
        var report = RuleSet.BuiltIn.Validate(Yaml($"provider: generic\nbusiness:\n  verifiedName: {long1}\n"));
        var finding = Assert.Single(report.Findings, f => f.Path == "business.verifiedName");
        Assert.Equal("value-too-long", finding.RuleId);
    }
}
