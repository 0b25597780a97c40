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

    [Fact]
    public async Task AUserProfileFolderGivesTheSameReportThroughTheApiAndTheCommandLine()
    {
        var profiles = Repo.PathOf(Path.Combine("docs", "profile-example"));
        var packet = Path.Combine(profiles, "packet.yaml");
        var output = new StringWriter();
        var exit = CliApp.Run(["validate", packet, "--format", "json", "--profiles", profiles], new InvocationConfiguration { Output = output, Error = new StringWriter() });
        Assert.Equal(CliApp.ExitInvalid, exit);

        using var withProfiles = factory.WithWebHostBuilder(builder => builder.UseSetting("Profiles:Path", profiles));
        using var content = new ByteArrayContent(File.ReadAllBytes(packet));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/yaml");
        var api = await (await withProfiles.CreateClient().PostAsync("/v1/validate", content)).Content.ReadAsStringAsync();

        var fromCli = output.ToString().TrimEnd('\r', '\n')
            .Replace($"\"packet\": {JsonSerializer.Serialize(packet)},", $"\"packet\": \"{PacketBody.Source}\",", StringComparison.Ordinal);
        Assert.Equal(fromCli, api);
        Assert.Contains("\"profile\": \"acme-cloud\"", api, StringComparison.Ordinal);
        Assert.Contains("acme-cloud-channel-name", api, StringComparison.Ordinal);
    }
}
