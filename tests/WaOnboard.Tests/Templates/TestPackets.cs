using System.Runtime.CompilerServices;
using WaOnboard.Checking;
using WaOnboard.Packets;
using WaOnboard.Rules;

namespace WaOnboard.Tests.Templates;

/// <summary>The fixed inputs of the template tests: packets under Templates/Packets and hand-built reports.</summary>
internal static class TestPackets
{
    public static readonly DateTimeOffset FixedDate = new(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);

    public static string Folder([CallerFilePath] string here = "") => Path.GetDirectoryName(here)!;

    public static PacketDocument Load(string profile) => PacketLoader.LoadPath(Path.Combine(Folder(), "Packets", profile + ".yaml"));

    public static PacketDocument FromYaml(string yaml) =>
        PacketLoader.Load(System.Text.Encoding.UTF8.GetBytes(yaml), PacketFormat.Yaml, "inline", InMemoryPacketFiles.None);

    /// <summary>The packet checked by the real rules of its profile (or of <paramref name="profile"/>), as every command checks it.</summary>
    public static CheckedPacket Check(PacketDocument packet, string? profile = null) =>
        new PacketChecker(RuleSet.BuiltIn).CheckAsync(packet, profile).AsTask().GetAwaiter().GetResult();
}
