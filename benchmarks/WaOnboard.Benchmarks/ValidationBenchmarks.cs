using System.Text;
using BenchmarkDotNet.Attributes;
using WaOnboard.Checking;
using WaOnboard.Packets;
using WaOnboard.Rules;

namespace WaOnboard.Benchmarks;

/// <summary>
/// One example packet (examples/engage-digital, avatar line removed so that only the rules run) validated in-process.
/// Targets: at most 25 µs median and 8 KB allocated for <see cref="Validate"/>. <see cref="ValidateTenfoldRules"/> over
/// <see cref="Validate"/> is how the engine scales with the number of rules (the plan walks each place once for all its rules).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ValidationBenchmarks
{
    private byte[] _yaml = [];
    private byte[] _json = [];
    private PacketDocument _document = null!;
    private readonly PacketChecker _checker = new(RuleSet.BuiltIn);
    private RuleSet _tenfold = null!;
    private readonly RuleSet _compiled = RuleSet.Load([], [], compilePatterns: true).RuleSet!;

    [GlobalSetup]
    public void Setup()
    {
        var text = File.ReadAllLines(Path.Combine(BenchmarkData.Root, "examples", "engage-digital", "packet.yaml"))
            .Where(line => !line.TrimStart().StartsWith("avatar:", StringComparison.Ordinal));
        _yaml = Encoding.UTF8.GetBytes(string.Join('\n', text));
        _json = File.ReadAllBytes(Path.Combine(BenchmarkData.Root, "examples", "generic", "packet.json"));
        _document = PacketLoader.Load(_yaml, PacketFormat.Yaml, "bench", InMemoryPacketFiles.None);
        _ = RuleSet.BuiltIn.Validate(_document); // compiles every lazy pattern before measuring
        _ = _compiled.Validate(_document);
        // Without its avatar the packet has exactly one finding, profile-avatar-required: the rules all ran.
        if (RuleSet.BuiltIn.Validate(_document).Findings.Any(f => f.RuleId != "profile-avatar-required"))
        {
            throw new InvalidOperationException("the benchmark packet must pass every rule but the avatar's");
        }

        // Ten times the profile's rules, through the real loader: the built-in ones and nine copies under new ids.
        var folder = RepeatedRules.Write(RuleSet.BuiltIn, "engage-digital", copies: 9);
        var load = RuleSet.Load([folder]);
        Directory.Delete(folder, recursive: true);
        _tenfold = load.RuleSet ?? throw new InvalidOperationException("the repeated rules do not load:\n" + string.Join("\n", load.Errors));
        var findings = _tenfold.Validate(_document).Findings;
        if (_tenfold.RulesFor("engage-digital").Count != 10 * RuleSet.BuiltIn.RulesFor("engage-digital").Count
            || findings.Count != 10 || findings.Any(f => !f.RuleId.StartsWith("profile-avatar-required", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException("the tenfold rule set must run ten copies of every rule, and only the avatar's fail");
        }
    }

    /// <summary>The rules of the engage-digital profile over a loaded packet.</summary>
    [Benchmark(Baseline = true)]
    public int Validate() => RuleSet.BuiltIn.Validate(_document).Findings.Count;

    /// <summary>The same with the built-in patterns compiled to code, as the API loads them.</summary>
    [Benchmark]
    public int ValidateCompiledPatterns() => _compiled.Validate(_document).Findings.Count;

    /// <summary>The same packet with ten times the profile's rules (each rule and nine copies of it).</summary>
    [Benchmark]
    public int ValidateTenfoldRules() => _tenfold.Validate(_document).Findings.Count;

    /// <summary>The whole check the commands and the API run: the number inspected once, the rules, the typed packet.</summary>
    [Benchmark]
    public int Check() => _checker.CheckAsync(_document).GetAwaiter().GetResult().Report.Findings.Count;

    /// <summary>Reading the YAML file's bytes into the value tree, then the rules.</summary>
    [Benchmark]
    public int LoadYamlAndValidate() =>
        RuleSet.BuiltIn.Validate(PacketLoader.Load(_yaml, PacketFormat.Yaml, "bench", InMemoryPacketFiles.None)).Findings.Count;

    /// <summary>The same from JSON (the HTTP API's usual body).</summary>
    [Benchmark]
    public int LoadJsonAndValidate() =>
        RuleSet.BuiltIn.Validate(PacketLoader.Load(_json, PacketFormat.Json, "bench", InMemoryPacketFiles.None)).Findings.Count;
}

/// <summary>Finds the repository's files from wherever BenchmarkDotNet runs the benchmark process.</summary>
internal static class BenchmarkData
{
    public static readonly string Root = Find();

    private static string Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Validation.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException("Run the benchmarks from inside the repository.");
    }
}
