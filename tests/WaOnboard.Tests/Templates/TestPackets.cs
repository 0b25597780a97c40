using System.Runtime.CompilerServices;
using WaOnboard.Findings;
using WaOnboard.Packets;

namespace WaOnboard.Tests.Templates;

/// <summary>The fixed inputs of the template tests: packets under Templates/Packets and hand-built reports.</summary>
internal static class TestPackets
{
    public static readonly DateTimeOffset FixedDate = new(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);

    public static string Folder([CallerFilePath] string here = "") => Path.GetDirectoryName(here)!;

    public static PacketDocument Load(string profile) => PacketLoader.LoadPath(Path.Combine(Folder(), "Packets", profile + ".yaml"));

    public static PacketDocument FromYaml(string yaml) =>
        PacketLoader.Load(System.Text.Encoding.UTF8.GetBytes(yaml), PacketFormat.Yaml, "inline", InMemoryPacketFiles.None);

    /// <summary>A report with one finding of each kind the checklist shows: error, warning, file-level, and one no element claims.</summary>
    public static ValidationReport Report(PacketDocument packet, string profile) => new(packet.Source, profile,
    [
        new Finding("packet-syntax", Severity.Warning, "", "Line 3 uses a tab for indentation.", "Indent with spaces.") { Line = 3, Column = 1 },
        new Finding("business-id-format", Severity.Error, "business.facebookBusinessId",
            "The Facebook Business ID must be a 15-digit number; '12345' has 5 digits.",
            "Copy it from the address of your Business Manager page (business_id=...)."),
        new Finding("phone-type", Severity.Warning, "phone.number", "The number looks like a mobile number: check it can receive calls.", null),
        new Finding("schema-unknown-field", Severity.Warning, "extra.field", "The field 'extra.field' is not part of packet version 1.", "Check its spelling."),
        new Finding("info-only", Severity.Info, "profile.about", "The about text is short.", null),
    ]);

    /// <summary>A report with no finding at all.</summary>
    public static ValidationReport Clean(PacketDocument packet, string profile) => new(packet.Source, profile, []);
}
