using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using WaOnboard.Benchmarks;

// --thread-cpu-time: measure CPU time of the benchmark thread, in process (see ThreadCpuClock).
var cpuTime = args.Contains("--thread-cpu-time");
var config = cpuTime
    ? DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithClock(ThreadCpuClock.Instance).AsDefault())
    : null;
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run([.. args.Where(a => a != "--thread-cpu-time")], config);
