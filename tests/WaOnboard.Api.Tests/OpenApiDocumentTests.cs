using System.Text.Json;

namespace WaOnboard.Api.Tests;

public sealed class OpenApiDocumentTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly string CommittedPath = Repo.PathOf("openapi.json");

    [Fact]
    public async Task TheCommittedDocumentIsTheOneTheApiServes()
    {
        var served = (await factory.CreateClient().GetStringAsync("/openapi/v1.json")).ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(CommittedPath, served.TrimEnd('\n') + "\n");
        }

        var committed = (await File.ReadAllTextAsync(CommittedPath)).ReplaceLineEndings("\n").TrimEnd('\n');

        Assert.True(committed == served.TrimEnd('\n'),
            "openapi.json differs from the served document: run the tests with UPDATE_OPENAPI=1 and review the change.");
    }

    [Fact]
    public async Task EveryOperationHasASummaryAnIdAndItsProblemResponses()
    {
        using var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"));

        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Name: $"{op.Name.ToUpperInvariant()} {path.Name}", Operation: op.Value)))
            .ToList();
        Assert.Equal(16, operations.Count);
        foreach (var (name, operation) in operations)
        {
            Assert.False(string.IsNullOrWhiteSpace(operation.TryGetProperty("summary", out var s) ? s.GetString() : null), $"{name} has no summary");
            Assert.True(operation.TryGetProperty("operationId", out _), $"{name} has no operationId");
            var responses = operation.GetProperty("responses").EnumerateObject().ToList();
            // HEAD answers by its status alone; /health is never rate limited, so it documents no 429.
            Assert.Contains(responses, r => r.Name.StartsWith('2') && (name.StartsWith("HEAD", StringComparison.Ordinal) || r.Value.TryGetProperty("content", out _)));
            if (name.EndsWith(" /health", StringComparison.Ordinal))
            {
                Assert.DoesNotContain(responses, r => r.Name == "429");
                continue;
            }
            Assert.Contains(responses, r => r.Name == "429" && r.Value.GetProperty("content").TryGetProperty("application/problem+json", out _));
            if (name.StartsWith("POST", StringComparison.Ordinal))
            {
                var content = operation.GetProperty("requestBody").GetProperty("content");
                Assert.Equal(["application/json", "application/yaml", "text/yaml", "multipart/form-data"], content.EnumerateObject().Select(c => c.Name).ToArray());
                foreach (var status in new[] { "400", "413", "415" })
                {
                    Assert.True(operation.GetProperty("responses").TryGetProperty(status, out _), $"{name} does not document {status}");
                }
            }
        }
    }

    [Theory]
    [InlineData("/v1/packets", "post", "record")]
    [InlineData("/v1/packets/{number}", "get", "read")]
    [InlineData("/v1/packets/{number}", "delete", "admin")]
    public async Task TheRegistryEndpointsDeclareTheKeyTheyNeedAndTheir401And403(string path, string method, string scope)
    {
        using var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"));
        var operation = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method);

        Assert.Equal("http", document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("apiKey").GetProperty("type").GetString());
        Assert.True(operation.GetProperty("security")[0].TryGetProperty("apiKey", out _));
        Assert.True(operation.GetProperty("responses").TryGetProperty("401", out _));
        Assert.True(operation.GetProperty("responses").TryGetProperty("403", out _));
        Assert.Contains($"`{scope}` scope", operation.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v1/checklist", "post", "text/plain,text/html,message/rfc822")]
    [InlineData("/v1/snippets/{kind}", "get", "text/plain,text/html,image/svg+xml")]
    [InlineData("/v1/snippets/{kind}", "post", "text/plain,text/html,image/svg+xml")]
    [InlineData("/v1/qr", "get", "image/svg+xml,image/png")]
    public async Task EveryDocumentEndpointListsTheMediaTypesOfIts200(string path, string method, string mediaTypes)
    {
        using var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"));

        var ok = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses").GetProperty("200");

        Assert.Equal(mediaTypes.Split(','), ok.GetProperty("content").EnumerateObject().Select(c => c.Name).ToArray());
    }

    [Fact]
    public async Task TheSnippetKindParameterListsEveryKind()
    {
        using var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"));

        var kind = document.RootElement.GetProperty("paths").GetProperty("/v1/snippets/{kind}").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Single(p => p.GetProperty("name").GetString() == "kind");

        Assert.Equal(WaOnboard.Snippets.SnippetKinds.All.Select(k => k.Name), kind.GetProperty("schema").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task TheValidationReportSchemaHasTheFieldsOfTheSpec()
    {
        using var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"));

        var report = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("ValidationReport").GetProperty("properties");
        Assert.Equal(["packet", "profile", "valid", "summary", "findings"], report.EnumerateObject().Select(p => p.Name).ToArray());
    }
}
