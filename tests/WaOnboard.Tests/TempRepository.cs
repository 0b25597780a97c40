using System.Diagnostics;

namespace WaOnboard.Tests;

/// <summary>A temporary repository (a folder with <c>.git</c>) holding copies of example packets, for the length of a test.</summary>
internal sealed class TempRepository : IDisposable
{
    public TempRepository()
    {
        Root = Path.Combine(Path.GetTempPath(), $"wa-onboard-repo-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(Root, ".git"));
    }

    public string Root { get; }

    /// <summary>Copies an example packet folder to <paramref name="relative"/>; returns its full path.</summary>
    public string CopyExample(string example, string relative)
    {
        var target = Path.Combine(Root, relative);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(Repo.PathOf("examples", example)))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
        return target;
    }

    /// <summary>Writes a file at a path relative to the root, creating its folder.</summary>
    public string Write(string relative, string content)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Runs the command line with the repository root as the current directory.</summary>
    public (int Exit, string Out, string Err) Run(params string[] args) => RunIn("", args);

    /// <summary>
    /// Runs the built command line as its own process in a folder of the repository, with extra environment variables:
    /// the test process never changes its own current directory or environment while other tests run.
    /// </summary>
    public (int Exit, string Out, string Err) RunIn(string folder, string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(Root, folder),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "wa-onboard.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        // When the tests themselves run in GitHub Actions, the tool must not append to the real job summary.
        start.Environment["GITHUB_STEP_SUMMARY"] = null;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill();
            throw new TimeoutException($"wa-onboard {string.Join(' ', args)} did not finish");
        }
        return (process.ExitCode, output, error.Result);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
