using System.CommandLine;
using WaOnboard.Cli;

return CliApp.Run(args, new InvocationConfiguration());
