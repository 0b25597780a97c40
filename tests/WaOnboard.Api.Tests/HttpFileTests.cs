using System.Net.Http.Headers;
using System.Text;

namespace WaOnboard.Api.Tests;

/// <summary>src/WaOnboard.Api/WaOnboard.Api.http stays true: every request in it is sent, in order, to the API.</summary>
public sealed class HttpFileTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly string HttpFile = Repo.PathOf("src/WaOnboard.Api/WaOnboard.Api.http");

    [Fact]
    public async Task EveryRequestOfTheHttpFileSucceedsExceptTheOneThatShowsA400()
    {
        var client = factory.CreateClient();
        // The keys are the file's variables: the test makes real ones, as the file's comments tell a reader to.
        var text = (await File.ReadAllTextAsync(HttpFile))
            .Replace("{{recordKey}}", factory.RecordKey, StringComparison.Ordinal)
            .Replace("{{readKey}}", factory.ReadKey, StringComparison.Ordinal)
            .Replace("{{adminKey}}", factory.AdminKey, StringComparison.Ordinal);
        var requests = Parse(text);
        Assert.True(requests.Count >= 9, $"only {requests.Count} requests in the .http file");

        foreach (var (title, request) in requests)
        {
            var response = await client.SendAsync(request);

            if (title.Contains("400", StringComparison.Ordinal))
            {
                await response.AssertProblemAsync(400, "packet-syntax");
            }
            else
            {
                Assert.True(response.IsSuccessStatusCode, $"'{title}' answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        }
    }

    /// <summary>The requests of a .http file: `###` title, request line, headers, blank line, body; `&lt; path` lines include a file.</summary>
    private static List<(string Title, HttpRequestMessage Request)> Parse(string text)
    {
        var folder = Path.GetDirectoryName(HttpFile)!;
        var requests = new List<(string, HttpRequestMessage)>();
        foreach (var block in text.ReplaceLineEndings("\n").Split("\n###").Skip(1))
        {
            var lines = block.Split('\n');
            var title = lines[0].Trim();
            var i = 1;
            while (i < lines.Length && (lines[i].Length == 0 || lines[i].StartsWith('#')))
            {
                i++;
            }
            var requestLine = lines[i++].Replace("{{host}}", "", StringComparison.Ordinal).Split(' ');
            var request = new HttpRequestMessage(new HttpMethod(requestLine[0]), requestLine[1]);
            var headers = new List<(string Name, string Value)>();
            for (; i < lines.Length && lines[i].Length > 0; i++)
            {
                var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
                headers.Add((lines[i][..colon].Trim(), lines[i][(colon + 1)..].Trim()));
            }
            var body = new MemoryStream();
            foreach (var line in lines.Skip(i + 1))
            {
                var bytes = line.StartsWith("< ", StringComparison.Ordinal)
                    ? File.ReadAllBytes(Path.Combine(folder, line[2..].Trim()))
                    : Encoding.UTF8.GetBytes(line + "\r\n");
                body.Write(bytes);
                if (line.StartsWith("< ", StringComparison.Ordinal))
                {
                    body.Write("\r\n"u8);
                }
            }
            if (headers.Count > 0)
            {
                request.Content = new ByteArrayContent(body.ToArray().AsSpan().TrimEnd("\r\n"u8).ToArray());
                foreach (var (name, value) in headers)
                {
                    if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                    {
                        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(value);
                    }
                    else
                    {
                        request.Headers.TryAddWithoutValidation(name, value);
                    }
                }
            }
            requests.Add((title, request));
        }
        return requests;
    }
}
