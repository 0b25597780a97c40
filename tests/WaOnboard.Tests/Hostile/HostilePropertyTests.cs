using System.Text;
using FsCheck;
using FsCheck.Fluent;
using WaOnboard.Cli;
using WaOnboard.Findings;
using WaOnboard.Packets;
using WaOnboard.Rules;

namespace WaOnboard.Tests.Hostile;

/// <summary>Properties over the loader and every check, and a seeded mutation run over the example packets.</summary>
public class HostilePropertyTests
{
    /// <summary>Iterations of the mutation run: a fixed number, so that CI meets the same inputs every time.</summary>
    private const int MutationRuns = 300;

    private static readonly IPacketFiles ExampleFiles = new FolderPacketFiles(Repo.PathOf("examples", "engage-digital"));

    /// <summary>Loads, validates and writes the report both ways; any exception fails the caller.</summary>
    private static ValidationReport Check(byte[] content, PacketFormat format)
    {
        var report = RuleSet.BuiltIn.Validate(PacketLoader.Load(content, format, "mutant", ExampleFiles));
        Assert.True(report.Findings.Count <= RuleRun.MaxFindings + 1);
        _ = ReportJson.Write(report);
        new TextReport(TextWriter.Null, colour: true).Write(report);
        return report;
    }

    private static string Comparable(ValidationReport report) =>
        string.Join("\n", report.Findings.Select(f => $"{f.RuleId} {f.Severity} {f.Path} {f.Message}"));

    [Fact]
    public void MutatedExamplesAlwaysGiveAReportNeverAnException()
    {
        for (var seed = 1; seed <= MutationRuns; seed++)
        {
            var packet = PacketMutator.Mutate(seed);
            var json = Encoding.UTF8.GetBytes(packet.ToJsonString());
            try
            {
                Check(json, PacketFormat.Json);
                Check(Encoding.UTF8.GetBytes(PacketMutator.ToYaml(packet)), PacketFormat.Yaml);
                Check(PacketMutator.MutateBytes(json, seed), PacketFormat.Json);
                Check(PacketMutator.MutateBytes(Encoding.UTF8.GetBytes(PacketMutator.ToYaml(packet)), seed), PacketFormat.Yaml);
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"seed {seed}: {e}");
            }
        }
    }

    [Fact]
    public void TheSamePacketAsYamlAndAsJsonGivesTheSameFindings()
    {
        Prop.ForAll(Gen.Choose(1, int.MaxValue).ToArbitrary(), seed =>
        {
            var packet = PacketMutator.Mutate(seed);
            var json = Check(Encoding.UTF8.GetBytes(packet.ToJsonString()), PacketFormat.Json);
            var yaml = Check(Encoding.UTF8.GetBytes(PacketMutator.ToYaml(packet)), PacketFormat.Yaml);
            return Comparable(json) == Comparable(yaml);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void AnyBytesInsideAJsonStringGiveAReport()
    {
        // Random bytes rarely make valid JSON; inside a string of a valid packet they reach the decoder (Windows-1252, lone surrogates).
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
        {
            byte[] content = [.. "{\"provider\":\"generic\",\"business\":{\"verifiedName\":\""u8, .. bytes.Where(b => b != (byte)'"' && b != (byte)'\\'), .. "\"}}"u8];
            Check(content, PacketFormat.Json);
            Check(content, PacketFormat.Yaml);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void AnyEscapeInsideAJsonStringGivesAReport()
    {
        Prop.ForAll(Gen.Choose(0, 0xFFFF).ToArbitrary(), code =>
        {
            var content = Encoding.UTF8.GetBytes($"{{\"provider\":\"generic\",\"business\":{{\"verifiedName\":\"a\\u{code:X4}b\"}}}}");
            Check(content, PacketFormat.Json);
            Check(content, PacketFormat.Yaml);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void TextOutputNeverCarriesAControlCharacterOfAValue()
    {
        Prop.ForAll(Gen.Choose(0, 0x9F).ToArbitrary(), code =>
        {
            var content = Encoding.UTF8.GetBytes($"{{\"provider\":\"generic\",\"business\":{{\"facebookBusinessId\":\"1\\u{code:X4}2\",\"verifiedName\":\"A\\u{code:X4}B\"}}}}");
            var report = Check(content, PacketFormat.Json);
            var output = new StringWriter();
            new TextReport(output, colour: false).Write(report);
            var text = output.ToString().Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal);
            return !text.Any(char.IsControl);
        }).QuickCheckThrowOnFailure();
    }
}
