using System.Text;
using WaOnboard.Findings;

namespace WaOnboard.Packets;

/// <summary>The notation of a packet file.</summary>
public enum PacketFormat
{
    /// <summary>YAML (<c>.yaml</c>, <c>.yml</c>).</summary>
    Yaml,

    /// <summary>JSON (<c>.json</c>).</summary>
    Json,
}

/// <summary>Reads packet files and folders into <see cref="PacketDocument"/>s. Never throws on bad input: problems become findings.</summary>
public static class PacketLoader
{
    /// <summary>A packet file larger than this is refused unread.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The file names looked for in a packet folder, in order.</summary>
    public static readonly IReadOnlyList<string> PacketFileNames = ["packet.yaml", "packet.yml", "packet.json"];

    /// <summary>Reads a packet file, or the packet file of a packet folder.</summary>
    public static PacketDocument LoadPath(string path)
    {
        string file = path;
        if (Directory.Exists(path))
        {
            var found = PacketFileNames.Select(name => Path.Combine(path, name)).FirstOrDefault(File.Exists);
            if (found is null)
            {
                return Unreadable(path, $"The folder '{path}' holds no packet file: add packet.yaml, packet.yml or packet.json.");
            }
            file = found;
        }
        else if (!File.Exists(path))
        {
            return Unreadable(path, $"No packet file or folder at '{path}'.");
        }

        var files = new FolderPacketFiles(Path.GetDirectoryName(Path.GetFullPath(file))!);
        // Only a regular file, read to at most one byte past the limit, whatever size the file system reports.
        if (!BoundedFile.TryOpen(file, out var stream, out var problem))
        {
            return Unreadable(path, $"The packet file '{file}' {problem}.");
        }
        byte[] content;
        try
        {
            using (stream)
            {
                content = BoundedFile.ReadAtMost(stream, MaxBytes + 1);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Unreadable(path, $"The packet file '{file}' cannot be read: {e.Message}");
        }
        return Load(content, FormatOf(file), path, files);
    }

    /// <summary>Reads a packet from bytes (an HTTP body), with the files that came with it.</summary>
    public static PacketDocument Load(ReadOnlySpan<byte> content, PacketFormat format, string source, IPacketFiles files)
    {
        if (content.Length > MaxBytes)
        {
            return new PacketDocument(source, null, [FileFinding("packet-too-large",
                $"The packet is larger than {MaxBytes / 1024} KiB; a packet is a few kilobytes of text.",
                "Keep images and other files beside the packet and name them by path (profile.avatar).")], files, readable: true);
        }
        var findings = new List<Finding>();
        var root = format == PacketFormat.Json
            ? JsonPacketReader.Read(content, findings)
            : YamlPacketReader.Read(content, findings);
        if (root is not null)
        {
            PacketSchema.Check(root, findings);
        }
        return new PacketDocument(source, root, findings, files, readable: true);
    }

    /// <summary>The notation a file name implies; JSON for <c>.json</c>, YAML otherwise.</summary>
    public static PacketFormat FormatOf(string fileName) =>
        fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? PacketFormat.Json : PacketFormat.Yaml;

    /// <summary>Guesses the notation of content with no file name: JSON when it starts with <c>{</c>.</summary>
    public static PacketFormat Sniff(ReadOnlySpan<byte> content)
    {
        foreach (var b in content)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF)
            {
                continue;
            }
            return b == (byte)'{' ? PacketFormat.Json : PacketFormat.Yaml;
        }
        return PacketFormat.Yaml;
    }

    internal static Finding FileFinding(string ruleId, string message, string help, int? line = null, int? column = null) =>
        new(ruleId, Severity.Error, "", message, help) { Line = line, Column = column };

    private static PacketDocument Unreadable(string source, string message) =>
        new(source, null, [FileFinding("packet-unreadable", message, "Check the path: give a packet file or a folder that holds packet.yaml.")],
            InMemoryPacketFiles.None, readable: false);

    internal static string Decode(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("\uFEFF"u8))
        {
            content = content[3..];
        }
        return Encoding.UTF8.GetString(content);
    }
}
