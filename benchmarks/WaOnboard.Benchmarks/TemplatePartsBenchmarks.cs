using BenchmarkDotNet.Attributes;
using WaOnboard.Checking;
using WaOnboard.Checklists;
using WaOnboard.Phone;
using WaOnboard.Snippets;
using WaOnboard.Templates;

namespace WaOnboard.Benchmarks;

/// <summary>The parts of a render, to see where the time of <see cref="TemplateBenchmarks"/> goes.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class TemplatePartsBenchmarks
{
    private readonly HtmlSnippetView _view = new("https://wa.me/33142000000?text=Bonjour", "fr", "Discuter sur WhatsApp", "Discuter sur WhatsApp avec Acme Bank", "h", "c", "s", "+33 1 42 00 00 00", "tel:+33142000000", "+33\u00A01\u00A042\u00A000\u00A000\u00A000", "Or call us:", "brand");
    private CheckedPacket _packet = null!;
    private ChecklistView _checklist = null!;

    [GlobalSetup]
    public void Setup()
    {
        _packet = TemplateBenchmarks.CheckedBenchPacket();
        _checklist = ChecklistModel.Build(_packet, _packet.Profile, new ChecklistOptions());
        ButtonTemplateOnly();
        ChecklistHtmlTemplateOnly();
    }

    [Benchmark]
    public string ButtonTemplateOnly() => TemplateSet.Render("snippets/button.html.hbs", _view);

    [Benchmark]
    public PhoneNumberInfo PhoneInspect() => PhoneNumbers.Inspect("+33 1 42 00 00 00");

    [Benchmark]
    public string WaMeLink() => WaLinks.WaMe("33142000000", "Bonjour, j'ai une question");

    [Benchmark]
    public object ChecklistModelOnly() => ChecklistModel.Build(_packet, _packet.Profile, new ChecklistOptions());

    [Benchmark]
    public string ChecklistHtmlTemplateOnly() => TemplateSet.Render("checklists/customer.html.hbs", _checklist);

    [Benchmark]
    public string ChecklistTextTemplateOnly() => TemplateSet.Render("checklists/customer.txt.hbs", _checklist);
}
