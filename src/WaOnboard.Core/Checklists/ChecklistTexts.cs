using System.Diagnostics.CodeAnalysis;
using WaOnboard.Profiles;
using WaOnboard.Templates;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace WaOnboard.Checklists;

/// <summary>A provider profile's checklist: profiles/&lt;profile&gt;/checklist.yaml.</summary>
internal sealed class ProfileChecklist
{
    public string Name { get; set; } = "";
    public Dictionary<string, string> SendTo { get; set; } = [];
    public List<ElementContent> Elements { get; set; } = [];
    public List<StepContent> Steps { get; set; } = [];
    public List<Dictionary<string, string>> Warnings { get; set; } = [];

    /// <summary>One line of guidance per entry point (contact page, footer, app, ...), in en and fr.</summary>
    public List<Dictionary<string, string>> EntryPoints { get; set; } = [];

    /// <summary>Brand guidelines, click-to-chat links, press: the communication resources, in en and fr.</summary>
    public List<Dictionary<string, string>> Resources { get; set; } = [];
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

/// <summary>The shared texts of the checklists (templates/checklists/labels.yaml, fields.yaml), read once per process.</summary>
internal static class ChecklistTexts
{
    private static readonly IDeserializer Yaml = CreateDeserializer();

    private static readonly Lazy<Dictionary<string, Dictionary<string, string>>> LabelsLazy =
        new(() => Load<Dictionary<string, Dictionary<string, string>>>("checklists/labels.yaml"));

    private static readonly Lazy<Dictionary<string, Dictionary<string, string>>> FieldsLazy =
        new(() => Load<Dictionary<string, Dictionary<string, string>>>("checklists/fields.yaml"));

    public static IReadOnlyDictionary<string, string> Labels(string language) => LabelsLazy.Value[language];

    public static string FieldLabel(string field, string language) =>
        FieldsLazy.Value.TryGetValue(field, out var label) && label.TryGetValue(language, out var text) ? text : field;

    // The native build keeps this assembly's classes whole (TrimmerRootAssembly), and these files hold only strings.
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Strings, lists and maps of strings into rooted classes; compared in tests/tool-install.")]
    private static IDeserializer CreateDeserializer() => new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    /// <summary>Reads an embedded YAML data file; a broken one stops with file:line: what is wrong.</summary>
    public static T Load<T>(string name) => Parse<T>("templates/" + name, TemplateFiles.Read(name));

    /// <summary>Reads a profile folder's YAML data file; a broken one stops with file:line: what is wrong.</summary>
    public static T Parse<T>(ProfileFile file) => Parse<T>(file.DisplayPath, System.Text.Encoding.UTF8.GetString(file.Read()));

    private static T Parse<T>(string displayPath, string text)
    {
        try
        {
            return Yaml.Deserialize<T>(text) ?? throw new TemplateException(displayPath, 1, "the file is empty.");
        }
        catch (YamlException e)
        {
            throw new TemplateException(displayPath, (int)e.Start.Line, e.InnerException?.Message ?? e.Message);
        }
    }
}
