using System.Text;
using BenchmarkDotNet.Attributes;
using WaOnboard.Packets;
using WaOnboard.Rules;

namespace WaOnboard.Benchmarks;

/// <summary>
/// The worst packets of issue 8 within the 1 MiB limit, loaded and validated in-process.
/// Target: under 1 s and 100 MB allocated each (before the caps: 14 s and 2 GB for the first).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class HostileInputBenchmarks
{
    private byte[] _emptyTemplatesJson = [];
    private byte[] _emptyTemplatesYaml = [];
    private byte[] _windows1252 = [];

    [GlobalSetup]
    public void Setup()
    {
        var json = new StringBuilder("{\"provider\":\"generic\",\"hsm\":[{}");
        while (json.Length + 5 < PacketLoader.MaxBytes)
        {
            json.Append(",{}");
        }
        _emptyTemplatesJson = Encoding.UTF8.GetBytes(json.Append("]}").ToString());
        var yaml = new StringBuilder("provider: generic\nhsm:\n");
        for (var i = 0; i < 4000; i++)
        {
            yaml.Append("  - {}\n");
        }
        _emptyTemplatesYaml = Encoding.UTF8.GetBytes(yaml.ToString());
        _windows1252 = [.. "{\"provider\":\"generic\",\"business\":{\"verifiedName\":\"Caf"u8, 0xE9, .. new byte[PacketLoader.MaxBytes - 100].Select(_ => (byte)' '), .. "\"}}"u8];
    }

    /// <summary>349,000 empty templates in 1 MiB of JSON: stops at the 10,000-value cap.</summary>
    [Benchmark]
    public int EmptyTemplatesJson() => Validate(_emptyTemplatesJson, PacketFormat.Json);

    /// <summary>4,000 empty templates in YAML, within the value cap: 1,000 findings listed, the rest counted.</summary>
    [Benchmark]
    public int EmptyTemplatesYaml() => Validate(_emptyTemplatesYaml, PacketFormat.Yaml);

    /// <summary>A 1 MiB Windows-1252 packet: the encoding finding, after a full scan for the first byte that is not UTF-8.</summary>
    [Benchmark]
    public int Windows1252() => Validate(_windows1252, PacketFormat.Json);

    private static int Validate(byte[] content, PacketFormat format) =>
        RuleSet.BuiltIn.Validate(PacketLoader.Load(content, format, "bench", InMemoryPacketFiles.None)).Findings.Count;
}
