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
    public (int Exit, string Out, string Err) Run(params string[] args) => Cli.CliRunner.RunIn(Root, args);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
