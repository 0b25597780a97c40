using System.CommandLine;
using System.Runtime.CompilerServices;
using WaOnboard.Cli;

namespace WaOnboard.Tests.Cli;

/// <summary>Runs the command line in-process, through the same entry point as the program, capturing its output.</summary>
internal static class CliRunner
{
    /// <summary>
    /// Packet paths in reports are the paths as given, and the tests give them from the repository root. The test
    /// process starts there, once, before any test runs: no test changes the current directory while others run.
    /// </summary>
    [ModuleInitializer]
    internal static void StartAtTheRepositoryRoot() => Environment.CurrentDirectory = Repo.Root;

    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.Run(args, new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
