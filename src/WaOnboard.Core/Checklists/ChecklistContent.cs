using WaOnboard.Templates;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace WaOnboard.Checklists;

/// <summary>A provider profile's content: templates/checklists/&lt;profile&gt;.yaml.</summary>
internal sealed class ProfileContent
{
    public string Name { get; set; } = "";
    public Dictionary<string, string> SendTo { get; set; } = [];
    public List<ElementContent> Elements { get; set; } = [];
    public List<StepContent> Steps { get; set; } = [];
    public List<Dictionary<string, string>> Warnings { get; set; } = [];
}

/// <summary>A requested element and the packet paths that decide its status.</summary>
internal sealed class ElementContent
{
    public string Id { get; set; } = "";
    public List<string> Paths { get; set; } = [];
    public string En { get; set; } = "";
    public string Fr { get; set; } = "";
}

/// <summary>A step of the provider's process and the packet values it needs.</summary>
internal sealed class StepContent
{
    public string En { get; set; } = "";
    public string Fr { get; set; } = "";
    public string TextEn { get; set; } = "";
    public string TextFr { get; set; } = "";
    public List<string> Fields { get; set; } = [];
}

/// <summary>One line of templates/pricing/rates.yaml.</summary>
internal sealed class RateContent
{
    public string Country { get; set; } = "";
    public string Currency { get; set; } = "";
    public string Symbol { get; set; } = "";
    public string WhatsAppRate { get; set; } = "";
    public string Provider { get; set; } = "";
    public string ProviderFee { get; set; } = "";
    public string Source { get; set; } = "";
}

internal sealed class RatesContent
{
    public List<RateContent> Rates { get; set; } = [];
}

/// <summary>The data files of templates/, read once per process.</summary>
internal static class ChecklistContent
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    private static readonly Lazy<Dictionary<string, ProfileContent>> ProfilesLazy = new(() => new(StringComparer.Ordinal)
    {
        ["engage-digital"] = Load<ProfileContent>("checklists/engage-digital.yaml"),
        ["8x8"] = Load<ProfileContent>("checklists/8x8.yaml"),
        ["generic"] = Load<ProfileContent>("checklists/generic.yaml"),
    });

    private static readonly Lazy<Dictionary<string, Dictionary<string, string>>> LabelsLazy =
        new(() => Load<Dictionary<string, Dictionary<string, string>>>("checklists/labels.yaml"));

    private static readonly Lazy<Dictionary<string, Dictionary<string, string>>> FieldsLazy =
        new(() => Load<Dictionary<string, Dictionary<string, string>>>("checklists/fields.yaml"));

    private static readonly Lazy<List<RateContent>> RatesLazy = new(() => Load<RatesContent>("pricing/rates.yaml").Rates);

    public static IReadOnlyDictionary<string, ProfileContent> Profiles => ProfilesLazy.Value;

    public static IReadOnlyDictionary<string, string> Labels(string language) => LabelsLazy.Value[language];

    public static string FieldLabel(string field, string language) =>
        FieldsLazy.Value.TryGetValue(field, out var label) && label.TryGetValue(language, out var text) ? text : field;

    public static IReadOnlyList<RateContent> Rates => RatesLazy.Value;

    /// <summary>Reads an embedded YAML data file; a broken one stops with file:line: what is wrong.</summary>
    public static T Load<T>(string name)
    {
        try
        {
            return Yaml.Deserialize<T>(TemplateFiles.Read(name));
        }
        catch (YamlException e)
        {
            throw new TemplateException("templates/" + name, (int)e.Start.Line, e.InnerException?.Message ?? e.Message);
        }
    }
}
