using System.Text.Json;
using WaOnboard.Checklists;
using WaOnboard.Snippets;

namespace WaOnboard.Api.Tests;

/// <summary>The query values bound as types and the packet body bound as one <c>PacketUpload</c>, answered by one filter before any handler runs.</summary>
public sealed class RequestChecksTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Phone = "phone=%2B33142000000";

    /// <summary>
    /// Every query parameter the document lists with values, on every operation (the route's <c>kind</c> aside: an unknown
    /// kind is a 404). Read from the committed document, which <see cref="OpenApiDocumentTests"/> keeps equal to the served one.
    /// </summary>
    public static TheoryData<string, string, string> EnumParameters()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Repo.PathOf("openapi.json")));
        var data = new TheoryData<string, string, string>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                foreach (var parameter in operation.Value.TryGetProperty("parameters", out var p) ? p.EnumerateArray() : default)
                {
                    if (parameter.GetProperty("in").GetString() == "query" && parameter.GetProperty("schema").TryGetProperty("enum", out var values))
                    {
                        data.Add(operation.Name, path.Name, parameter.GetProperty("name").GetString()!);
                    }
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EnumParameters))]
    public async Task AnUnknownValueOfEveryTypedQueryParameterIsA400NamingItAndListingItsValues(string method, string path, string parameter)
    {
        using var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"));
        var values = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("parameters").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == parameter).GetProperty("schema").GetProperty("enum").EnumerateArray()
            .Select(v => v.GetString()!).ToList();

        var response = await SendAsync(method, path, $"{parameter}=klingon");

        var problem = await response.AssertProblemAsync(400, "invalid-request");
        var message = problem.GetProperty("errors").GetProperty(parameter)[0].GetString()!;
        Assert.Contains("'klingon'", message, StringComparison.Ordinal);
        Assert.All(values, value => Assert.Contains(value, message, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(EnumParameters))]
    public async Task AnEmptyValueOfATypedQueryParameterIsAsIfItWereAbsent(string method, string path, string parameter)
    {
        var empty = await SendAsync(method, path, $"{parameter}=");
        var absent = await SendAsync(method, path, "");

        Assert.True(absent.IsSuccessStatusCode, $"{method} {path}: {absent.StatusCode}");
        Assert.Equal(absent.StatusCode, empty.StatusCode);
        Assert.Equal(absent.Content.Headers.ContentType?.MediaType, empty.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnEmptyProfileIsNoProfile()
    {
        var client = factory.CreateClient();

        Assert.Equal(await client.GetStringAsync("/v1/rules"), await client.GetStringAsync("/v1/rules?profile="));
    }

    [Fact]
    public void TheDocumentListsValuesOnTheFiveOperationsWithTypedQueryParameters()
    {
        var operations = EnumParameters().Select(row => $"{row[0]} {row[1]}").Distinct().Order();

        Assert.Equal(["get /v1/qr", "get /v1/snippets/{kind}", "post /v1/checklist", "post /v1/snippets/{kind}", "post /v1/validate"], operations);
    }

    [Theory]
    [InlineData("format=1")] // Enum.TryParse, which minimal APIs use for a plain enum, would bind Html.
    [InlineData("format=7")] // ... and a value ChecklistFormat does not have.
    [InlineData("format=Html")] // ... and the C# name.
    [InlineData("audience=ProjectManager")]
    [InlineData("format=HTML")]
    public async Task OnlyTheNamesOfTheDocumentAreValues(string query)
    {
        var response = await SendAsync("post", "/v1/checklist", query);

        var problem = await response.AssertProblemAsync(400, "invalid-request");
        Assert.True(problem.GetProperty("errors").TryGetProperty(query[..query.IndexOf('=', StringComparison.Ordinal)], out _), problem.GetRawText());
    }

    [Fact]
    public async Task EveryUnknownValueIsNamedInTheSame400()
    {
        var response = await SendAsync("post", "/v1/checklist", "format=pdf&lang=de&audience=boss&profile=whatsapp");

        var problem = await response.AssertProblemAsync(400, "invalid-request");
        Assert.Equal(["format", "lang", "audience", "profile"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task AnUnknownValueIsAnsweredBeforeTheBody()
    {
        var response = await factory.CreateClient().PostAsync("/v1/validate?lang=de", Http.Json("{\n  \"provider\": "));

        var problem = await response.AssertProblemAsync(400, "invalid-request");
        Assert.True(problem.GetProperty("errors").TryGetProperty("lang", out _), problem.GetRawText());
    }

    [Theory]
    [InlineData("post", "/v1/validate")]
    [InlineData("post", "/v1/checklist")]
    [InlineData("post", "/v1/packets")]
    [InlineData("post", "/v1/estimate")]
    [InlineData("get", "/v1/rules")]
    [InlineData("get", "/v1/rules/business-id-format")]
    public async Task AnUnknownProfileIsA400ListingTheProfilesOnEveryEndpointThatTakesOne(string method, string path)
    {
        var response = await SendAsync(method, path, "profile=whatsapp");

        var problem = await response.AssertProblemAsync(400, "invalid-request");
        var message = problem.GetProperty("errors").GetProperty("profile")[0].GetString()!;
        Assert.Contains("'whatsapp' is not a profile", message, StringComparison.Ordinal);
        Assert.Contains("8x8", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v1/validate")]
    [InlineData("/v1/checklist")]
    [InlineData("/v1/packets")]
    [InlineData("/v1/estimate")]
    [InlineData("/v1/snippets/wa-link")]
    public async Task EveryPacketEndpointAnswersTheBodysProblemsAsValidateDoes(string path)
    {
        var client = factory.ClientWith(factory.RecordKey);

        var syntax = await (await client.PostAsync(path, Http.Json("{\n  \"provider\": \"8x8\",\n"))).AssertProblemAsync(400, "packet-syntax");
        Assert.Equal("packet-syntax", syntax.GetProperty("ruleId").GetString());
        Assert.Equal(3, syntax.GetProperty("line").GetInt32());
        await (await client.PostAsync(path, new StringContent("provider: 8x8", System.Text.Encoding.UTF8, "text/plain"))).AssertProblemAsync(415, "unsupported-media-type");
        await (await client.PostAsync(path, Http.Json(new string(' ', ApiLimits.PacketBytes + 1)))).AssertProblemAsync(413, "payload-too-large");
        using var form = new MultipartFormDataContent { { new StringContent("x"), "avatar", "avatar.png" } };
        var noPacket = await (await client.PostAsync(path, form)).AssertProblemAsync(400, "invalid-request");
        Assert.True(noPacket.GetProperty("errors").TryGetProperty("packet", out _));
    }

    [Fact]
    public void TheLanguagesOfTheQueryAreThoseOfTheChecklistsAndTheSnippets()
    {
        Assert.Equal(ChecklistOptions.Languages, QueryEnum.NamesOf(typeof(Language)));
        Assert.Equal(SnippetRenderer.Languages, QueryEnum.NamesOf(typeof(Language)));
    }

    [Fact]
    public void ANameIsTheJsonNameOfItsValueElseItsNameInLowerCase()
    {
        Assert.Equal(["customer", "pm"], QueryEnum.NamesOf(typeof(ChecklistAudience)));
        Assert.Equal(["text", "html", "eml"], QueryEnum.NamesOf(typeof(ChecklistFormat)));
    }

    /// <summary>A request that is valid but for <paramref name="query"/>: a packet for a POST, a number for a snippet, a key for the registry.</summary>
    private async Task<HttpResponseMessage> SendAsync(string method, string path, string query)
    {
        var client = factory.ClientWith(factory.RecordKey);
        var url = path.Replace("{kind}", "wa-link", StringComparison.Ordinal) + "?" + query + (path.StartsWith("/v1/qr", StringComparison.Ordinal) || path.StartsWith("/v1/snippets", StringComparison.Ordinal) ? "&" + Phone : "");
        return method == "post"
            ? await client.PostAsync(url, Http.WithAvatar(Packets.EngageDigital()))
            : await client.GetAsync(url);
    }
}
