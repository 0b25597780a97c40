using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using WaOnboard.Cli;

namespace WaOnboard.Tests.Cli;

public sealed class ServeCommandTests
{
    [Fact]
    public void ServingOnAPortAlreadyInUseIsAUsageErrorOfOneLine()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";
        var registry = Path.Combine(Path.GetTempPath(), $"wa-onboard-serve-{Guid.NewGuid():N}.db");
        var error = new StringWriter();

        var exit = CliApp.Run(["serve", "--urls", url, "--registry", registry], new InvocationConfiguration { Output = new StringWriter(), Error = error });

        Assert.Equal(CliApp.ExitUsage, exit);
        var line = Assert.Single(error.ToString().TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"wa-onboard: cannot listen on {url}", line, StringComparison.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.GetTempPath(), Path.GetFileName(registry) + "*"))
        {
            File.Delete(file);
        }
    }
}
