using System.Diagnostics;
using System.Text;
using WaOnboard.Tests.Cli;

namespace WaOnboard.Tests.Hostile;

/// <summary>The hostile inputs of issue 8 and the README, as files, and the command line run on them within bounds.</summary>
internal static class HostileInput
{
    /// <summary>Any packet within the size limit is answered in under 1 s (generous here: shared CI machines) and 100 MB.</summary>
    public static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(5);

    public const long AllocationBound = 100L * 1024 * 1024;

    /// <summary>A 1 MiB JSON packet of empty templates: 1.4 million findings before the caps.</summary>
    public static byte[] EmptyTemplatesJson(int bytes = 1024 * 1024)
    {
        var builder = new StringBuilder("{\"provider\":\"generic\",\"hsm\":[{}", bytes);
        while (builder.Length + 5 < bytes)
        {
            builder.Append(",{}");
        }
        return Encoding.UTF8.GetBytes(builder.Append("]}").ToString());
    }

    /// <summary>A YAML packet of empty templates within the 10,000-value cap: thousands of findings before the findings cap.</summary>
    public static byte[] EmptyTemplatesYaml(int templates = 4000)
    {
        var builder = new StringBuilder("provider: generic\nhsm:\n");
        for (var i = 0; i < templates; i++)
        {
            builder.Append("  - {}\n");
        }
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    /// <summary>A JSON packet saved by a Windows editor in Windows-1252: one accented letter is one byte, 0xE9.</summary>
    public static byte[] Windows1252Json() =>
        [.. "{\"provider\":\"generic\",\"business\":{\"verifiedName\":\"Caf"u8, 0xE9, .. " Acme\"}}"u8];

    /// <summary>A YAML packet saved as Windows' "Unicode": UTF-16 little-endian, with or without its byte order mark.</summary>
    public static byte[] Utf16Yaml(bool bom)
    {
        var text = Encoding.Unicode.GetBytes("provider: generic\nbusiness:\n  verifiedName: \"Acme\"\n");
        return bom ? [0xFF, 0xFE, .. text] : text;
    }

    /// <summary>Runs the command line, asserting the time and allocation bounds and that no stack trace reaches the user.</summary>
    public static (int Exit, string Out, string Err) RunCli(params string[] args)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var result = CliRunner.Run(args);
        clock.Stop();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Assert.True(clock.Elapsed < TimeBound, $"wa-onboard {string.Join(' ', args)} took {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(allocated < AllocationBound, $"wa-onboard {string.Join(' ', args)} allocated {allocated / (1024 * 1024)} MB");
        Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Err, StringComparison.Ordinal);
        return result;
    }

    /// <summary>Asserts the spec's usage error: exit 2, nothing on stdout, one line on stderr that says <paramref name="says"/>.</summary>
    public static void AssertUsageError((int Exit, string Out, string Err) result, string says)
    {
        Assert.Equal(2, result.Exit);
        Assert.Equal("", result.Out);
        var line = Assert.Single(result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(says, line, StringComparison.Ordinal);
    }

    /// <summary>A FIFO in a fresh temporary folder (Unix only): opening it for reading would wait for a writer forever.</summary>
    public static string MakeFifo(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { RedirectStandardError = true })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }
}

/// <summary>A temporary folder for the length of a test.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("wa-onboard-hostile-").FullName;

    public string Write(string name, byte[] content)
    {
        var path = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    public string Write(string name, string content) => Write(name, Encoding.UTF8.GetBytes(content));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
