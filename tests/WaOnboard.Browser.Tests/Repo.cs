namespace WaOnboard.Browser.Tests;

/// <summary>Paths in the repository checkout the tests run from.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Examples => Path.Combine(Root, "examples");

    /// <summary>axe-core, installed by tests/browser/run.sh with npm.</summary>
    public static string AxePath => Path.Combine(Root, "tests", "browser", "node_modules", "axe-core", "axe.min.js");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Validation.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("The tests run outside the repository: no Validation.sln above " + AppContext.BaseDirectory);
    }
}
