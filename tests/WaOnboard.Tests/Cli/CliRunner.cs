using System.CommandLine;
using WaOnboard.Cli;

namespace WaOnboard.Tests.Cli;

/// <summary>Runs the command line in-process, from the repository root, capturing its output.</summary>
internal static class CliRunner
{
    private static readonly Lock CurrentDirectory = new();

    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        lock (CurrentDirectory)
        {
            // Packet paths in reports are the paths as given: run from the root so they read examples/...
            var previous = Environment.CurrentDirectory;
            Environment.CurrentDirectory = Repo.Root;
            try
            {
                var exit = CliApp.Run(args, new InvocationConfiguration { Output = output, Error = error });
                return (exit, output.ToString(), error.ToString());
            }
            finally
            {
                Environment.CurrentDirectory = previous;
            }
        }
    }
}
