using System.Globalization;

namespace WaOnboard.Packets;

/// <summary>Builds field paths in the report's notation: dotted names, <c>[i]</c> for list items.</summary>
public static class PacketPath
{
    /// <summary>The path of a field of the map at <paramref name="parent"/>.</summary>
    public static string Field(string parent, string key) => parent.Length == 0 ? key : parent + "." + key;

    /// <summary>The path of item <paramref name="index"/> of the list at <paramref name="parent"/>.</summary>
    public static string Item(string parent, int index) => parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
}
