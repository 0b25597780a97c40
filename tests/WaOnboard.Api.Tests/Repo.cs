using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace WaOnboard.Api.Tests;

/// <summary>The repository's files (examples, openapi.json), found from the test's output folder.</summary>
internal static class Repo
{
    public static readonly string Root = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static IEnumerable<string> ExampleFolders() =>
        Directory.EnumerateDirectories(PathOf("examples")).Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Validation.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("Validation.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>Request bodies and response readers shared by the test classes.</summary>
internal static class Http
{
    public const string ProblemType = "https://wa-onboard.example/problems/";

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Yaml(string yaml) => new(yaml, Encoding.UTF8, "application/yaml");

    /// <summary>A JSON packet sent as a form with examples/engage-digital's avatar, which its profile.avatar names.</summary>
    public static MultipartFormDataContent WithAvatar(string packetJson)
    {
        var form = new MultipartFormDataContent { { new StringContent(packetJson, Encoding.UTF8, "application/json"), "packet", "packet.json" } };
        var image = new ByteArrayContent(File.ReadAllBytes(Repo.PathOf("examples/engage-digital/avatar.png")));
        image.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(image, "avatar", "avatar.png");
        return form;
    }

    /// <summary>A packet folder sent as a form: the packet file as the <c>packet</c> part, its avatar as the <c>avatar</c> part.</summary>
    public static MultipartFormDataContent Form(string folder)
    {
        var packetFile = Directory.EnumerateFiles(folder, "packet.*").Single();
        var form = new MultipartFormDataContent();
        var packet = new ByteArrayContent(File.ReadAllBytes(packetFile));
        packet.Headers.ContentType = new MediaTypeHeaderValue(packetFile.EndsWith(".json", StringComparison.Ordinal) ? "application/json" : "application/yaml");
        form.Add(packet, "packet", Path.GetFileName(packetFile));
        var avatar = Path.Combine(folder, "avatar.png");
        if (File.Exists(avatar))
        {
            var image = new ByteArrayContent(File.ReadAllBytes(avatar));
            image.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(image, "avatar", "avatar.png");
        }
        return form;
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>Asserts an RFC 9457 problem: status, problem+json, the API's stable type, and no server internals.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, int status, string type)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Repo.Root, text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(text);
        var problem = document.RootElement.Clone();
        Assert.Equal(ProblemType + type, problem.GetProperty("type").GetString());
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
