namespace WaOnboard.Tests;

/// <summary>A YAML file in the temp folder for the length of a test.</summary>
internal sealed class TempFile : IDisposable
{
    public TempFile(string content)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"wa-onboard-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(Path, content);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
