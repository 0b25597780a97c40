using BenchmarkDotNet.Attributes;
using WaOnboard.Checking;
using WaOnboard.Checklists;
using WaOnboard.Packets;
using WaOnboard.Rules;
using WaOnboard.Snippets;

namespace WaOnboard.Benchmarks;

/// <summary>
/// Targets: a snippet render within 2 µs (500,000 per second per core) and a checklist e-mail within 50 µs.
/// Templates are compiled once per process, so the first call is paid in the global setup, not measured.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class TemplateBenchmarks
{
    private readonly SnippetRequest _request = new("+33 1 42 00 00 00", "Bonjour, j'ai une question") { BusinessName = "Acme Bank", Language = "fr" };
    private CheckedPacket _packet = null!;
    private readonly ChecklistOptions _html = new() { Format = ChecklistFormat.Html };
    private readonly ChecklistOptions _eml = new() { Format = ChecklistFormat.Eml, Date = new DateTimeOffset(2026, 1, 15, 9, 30, 0, TimeSpan.Zero) };

    [GlobalSetup]
    public void Setup()
    {
        _packet = CheckedBenchPacket();
        SnippetButton();
        ChecklistHtml();
        ChecklistEml();
    }

    /// <summary>The public path: after the first call, the same request is served from the snippet cache.</summary>
    [Benchmark]
    public string SnippetButton() => SnippetRenderer.Render("button", _request);

    /// <summary>A full render every time: phone check, link, view and Handlebars.</summary>
    [Benchmark]
    public string SnippetButtonUncached() => SnippetRenderer.RenderUncached("button", _request);

    [Benchmark]
    public string SnippetWaLinkUncached() => SnippetRenderer.RenderUncached("wa-link", _request);

    [Benchmark]
    public byte[] ChecklistHtml() => ChecklistRenderer.Render(_packet, _html).Content;

    [Benchmark]
    public byte[] ChecklistEml() => ChecklistRenderer.Render(_packet, _eml).Content;

    /// <summary>The benchmark packet, checked by the real rules (its findings are the engine's own).</summary>
    internal static CheckedPacket CheckedBenchPacket() =>
        new PacketChecker(RuleSet.BuiltIn).CheckAsync(PacketLoader.Load(System.Text.Encoding.UTF8.GetBytes(Packet), PacketFormat.Yaml, "bench", InMemoryPacketFiles.None))
            .AsTask().GetAwaiter().GetResult();

    internal const string Packet = """
        provider: engage-digital
        business:
          facebookBusinessId: "104857600000042"
          verifiedName: "Acme Bank"
        phone:
          number: "+33 6 12 34 56 78"
          canReceive: [sms, voice]
        hsm:
          - namespace: "c8ae5f90_307a_ca4c_b8f6_d1e2a2573574"
            elementName: "reply_reminder"
            approved: true
            translations:
              - language: en
                body: "Hi, you contacted us more than 24 hours ago. Please send us a message to receive our answer."
        profile:
          businessName: "Acme Bank"
          about: "Banking made simple"
          description: "Acme Bank helps families save and borrow."
          address: "1 rue de la Paix, 75002 Paris, France"
          email: "support@acme-bank.example"
          vertical: "FINANCE"
          websites: ["https://www.acme-bank.example"]
          phoneNumbers: ["+33 1 42 00 00 00"]
        lineOfCredit:
          approved: true
        """;
}
