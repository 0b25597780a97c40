using System.Text;
using WaOnboard.Checklists;
using WaOnboard.Snippets;

namespace WaOnboard.Tests.Templates;

/// <summary>
/// Every template x example packet x language against a file under Golden/, each rendered from the real report of a
/// real packet (so a change in the rules shows here). Run with UPDATE_GOLDEN=1 to rewrite the files after an
/// intended change, then review the diff.
/// </summary>
public class GoldenFileTests
{
    private static IEnumerable<string> Examples => Directory.EnumerateDirectories(Repo.PathOf("examples")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static TheoryData<string> Cases() => [.. Names()];

    internal static List<string> Names()
    {
        var cases = new List<string>();
        foreach (var profile in Examples)
        {
            foreach (var language in ChecklistOptions.Languages)
            {
                foreach (var audience in new[] { "customer", "pm" })
                {
                    foreach (var format in new[] { "txt", "html", "eml" })
                    {
                        cases.Add($"checklist.{profile}.{language}.{audience}.{format}");
                    }
                }
            }
            if (SnippetRequest.FromPacket(Checked(profile)) is not null)
            {
                foreach (var kind in SnippetKinds.All)
                {
                    cases.Add($"snippet.{profile}.{kind.Name}");
                }
            }
        }
        cases.Add("snippet.phone-and-text.wa-link");
        cases.Add("snippet.phone-and-text.button");
        // Every kind in French, with an IVR key and a captioned QR code of another size.
        cases.AddRange(SnippetKinds.All.Select(kind => $"snippet.fr-key9-caption.{kind.Name}"));
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RenderedOutputMatchesItsGoldenFile(string name)
    {
        var actual = Render(name);
        var file = Path.Combine(TestPackets.Folder(), "Golden", name + ".expected.txt");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(file, actual, new UTF8Encoding(false));
        }
        Assert.True(File.Exists(file), $"No golden file {file}: run the tests with UPDATE_GOLDEN=1 and review it.");
        Assert.Equal(File.ReadAllText(file, Encoding.UTF8), actual);
    }

    internal static string Render(string name)
    {
        var parts = name.Split('.');
        if (parts[0] == "checklist")
        {
            var (profile, language, audience, format) = (parts[1], parts[2], parts[3], parts[4]);
            var options = new ChecklistOptions
            {
                Language = language,
                Audience = audience == "pm" ? ChecklistAudience.ProjectManager : ChecklistAudience.Customer,
                Format = format switch { "html" => ChecklistFormat.Html, "eml" => ChecklistFormat.Eml, _ => ChecklistFormat.Text },
                Date = TestPackets.FixedDate,
            };
            // Checked in the checklist's language, as the checklist command does: the findings it quotes are in that language too.
            return ChecklistRenderer.Render(Checked(profile, language), options).Text;
        }
        var kind = parts[2];
        if (parts[1] == "phone-and-text")
        {
            return SnippetRenderer.Render(kind, "+33 1 42 00 00 00", "Bonjour, j'ai une question sur ma commande n°42 !");
        }
        if (parts[1] == "fr-key9-caption")
        {
            return SnippetRenderer.Render(kind, new SnippetRequest("+33 6 12 34 56 78") { Language = "fr", Key = "9", QrCaption = true, QrSize = 400 });
        }
        return SnippetRenderer.Render(kind, SnippetRequest.FromPacket(Checked(parts[1]))!);
    }

    /// <summary>An example packet, checked by the real rules of its profile.</summary>
    private static WaOnboard.Checking.CheckedPacket Checked(string example, string language = "en") =>
        new WaOnboard.Checking.PacketChecker(WaOnboard.Rules.RuleSet.BuiltIn)
            .CheckAsync(WaOnboard.Packets.PacketLoader.LoadPath(Repo.PathOf("examples", example)), null, language).AsTask().GetAwaiter().GetResult();
}
