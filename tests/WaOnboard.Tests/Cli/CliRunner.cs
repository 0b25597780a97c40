using System.CommandLine;
using WaOnboard.Cli;

namespace WaOnboard.Tests.Cli;

/// <summary>Runs the command line in-process, from the repository root, capturing its output.</summary>
internal static class CliRunner
{
    private static readonly Lock CurrentDirectory = new();

    public static (int Exit, string Out, string Err) Run(params string[] args) => RunIn(Repo.Root, args);

    /// <summary>Runs the command line with another folder as the current directory.</summary>
    public static (int Exit, string Out, string Err) RunIn(string folder, string[] args) => RunIn(folder, args, null);

    /// <summary>Runs the command line in a folder with environment variables set for the run only (set inside the lock: runs are serialised).</summary>
    public static (int Exit, string Out, string Err) RunIn(string folder, string[] args, IReadOnlyDictionary<string, string>? environment)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        lock (CurrentDirectory)
        {
            // Packet paths in reports are the paths as given: run from the root so they read examples/...
            var previous = Environment.CurrentDirectory;
            Environment.CurrentDirectory = folder;
            foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            {
                Environment.SetEnvironmentVariable(name, value);
            }
            try
            {
                var exit = CliApp.Run(args, new InvocationConfiguration { Output = output, Error = error });
                return (exit, output.ToString(), error.ToString());
            }
            finally
            {
                foreach (var name in (environment ?? new Dictionary<string, string>()).Keys)
                {
                    Environment.SetEnvironmentVariable(name, null);
                }
                Environment.CurrentDirectory = previous;
            }
        }
    }
}
