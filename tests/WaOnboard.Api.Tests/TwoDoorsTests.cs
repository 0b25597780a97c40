extern alias cli;
using System.CommandLine;
using System.Text.Json;
using cli::WaOnboard.Cli;

namespace WaOnboard.Api.Tests;

/// <summary>One report, two doors: the API and <c>wa-onboard validate --format json</c> say the same of the same packet.</summary>
public sealed class TwoDoorsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    public static TheoryData<string> Examples() => [.. Repo.ExampleFolders().Select(folder => Path.GetFileName(folder))];

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task AnExamplePacketGetsTheSameReportByteForByteThroughTheApiAndTheCommandLine(string example)
    {
        var folder = Repo.PathOf(Path.Combine("examples", example));
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.Run(["validate", folder, "--format", "json", "--registry", factory.RegistryPath], new InvocationConfiguration { Output = output, Error = error });
        Assert.True(exit is CliApp.ExitValid or CliApp.ExitInvalid, error.ToString());

        var response = await factory.CreateClient().PostAsync("/v1/validate", Http.Form(folder));
        var api = await response.Content.ReadAsStringAsync();

        // The report is the whole output less the line terminator; only the packet label differs.
        var fromCli = output.ToString().TrimEnd('\r', '\n')
            .Replace($"\"packet\": {JsonSerializer.Serialize(folder)},", $"\"packet\": \"{PacketBody.Source}\",", StringComparison.Ordinal);
        Assert.Equal(fromCli, api);
        Assert.Contains("\"findings\"", api, StringComparison.Ordinal);
    }
}
