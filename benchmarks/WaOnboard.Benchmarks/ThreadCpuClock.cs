using System.Runtime.InteropServices;
using Perfolizer.Horology;

namespace WaOnboard.Benchmarks;

/// <summary>
/// A BenchmarkDotNet clock that counts the benchmark thread's CPU time (Linux CLOCK_THREAD_CPUTIME_ID) instead of
/// wall time. The project's machine is shared by several engineers' builds (load averages of 20 to 40 on 2 cores):
/// wall-clock medians then measure the queue for the CPU more than the code; CPU time leaves the waiting out (not the
/// cache and core sharing). Select it with <c>--thread-cpu-time</c>; it runs the benchmarks in process.
/// </summary>
internal sealed partial class ThreadCpuClock : IClock
{
    private const int ClockThreadCpuTimeId = 3;

    public static readonly ThreadCpuClock Instance = new();

    public string Title => "Thread CPU time";

    public bool IsAvailable => OperatingSystem.IsLinux();

    public Frequency Frequency => Frequency.GHz;

    public long GetTimestamp()
    {
        if (ClockGetTime(ClockThreadCpuTimeId, out var time) != 0)
        {
            throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
        }

        return (time.Seconds * 1_000_000_000) + time.Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
