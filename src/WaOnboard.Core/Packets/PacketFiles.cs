using System.Diagnostics.CodeAnalysis;

namespace WaOnboard.Packets;

/// <summary>The files a packet names (its avatar), opened only from inside the packet's own folder.</summary>
public interface IPacketFiles
{
    /// <summary>Opens a file the packet names by a relative path; on failure says why, in words for the user.</summary>
    bool TryOpen(string relativePath, [NotNullWhen(true)] out Stream? stream, [NotNullWhen(false)] out string? problem);
}

/// <summary>Files beside a packet on disk. A path that leaves the folder (absolute, <c>..</c>, or through a link) is refused.</summary>
public sealed class FolderPacketFiles(string folder) : IPacketFiles
{
    private readonly string _root = WithSeparator(RealPath(Path.GetFullPath(folder)));

    /// <inheritdoc />
    public bool TryOpen(string relativePath, [NotNullWhen(true)] out Stream? stream, [NotNullWhen(false)] out string? problem)
    {
        stream = null;
        if (!PacketFileNames.IsUsable(relativePath, out problem))
        {
            return false;
        }
        var full = Path.GetFullPath(Path.Combine(_root, relativePath));
        if (!full.StartsWith(_root, StringComparison.Ordinal))
        {
            problem = "points outside the packet's folder";
            return false;
        }
        if (!File.Exists(full) && !Directory.Exists(full))
        {
            problem = "names a file that does not exist in the packet's folder";
            return false;
        }
        // Any component may be a link (sub -> /etc makes sub/passwd /etc/passwd): resolve them all, then compare.
        if (!RealPath(full).StartsWith(_root, StringComparison.Ordinal))
        {
            problem = "is a link, or lies in a linked folder, that points outside the packet's folder";
            return false;
        }
        if (!BoundedFile.TryOpen(full, out stream, out var why))
        {
            problem = why;
            return false;
        }
        return true;
    }

    private static string WithSeparator(string path) => Path.TrimEndingDirectorySeparator(path) + Path.DirectorySeparatorChar;

    /// <summary>The path with every link of every component followed (at most 40 links, as the kernel allows).</summary>
    internal static string RealPath(string fullPath)
    {
        var root = Path.GetPathRoot(fullPath) ?? "";
        var pending = new Stack<string>(fullPath[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse());
        var current = root;
        for (var links = 0; pending.Count > 0;)
        {
            var name = pending.Pop();
            var next = Path.Combine(current, name);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is not { } target)
            {
                current = Path.GetFullPath(next);
                continue;
            }
            if (++links > 40)
            {
                return "";
            }
            // A relative target is relative to the link's folder; an absolute one starts over from its root.
            var resolved = Path.GetFullPath(target, current);
            var rest = resolved[(Path.GetPathRoot(resolved) ?? "").Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
            foreach (var part in rest.Reverse())
            {
                pending.Push(part);
            }
            current = Path.GetPathRoot(resolved) ?? root;
        }
        return current;
    }
}

/// <summary>The rule every file name a packet gives must meet, on disk or in an upload.</summary>
internal static class PacketFileNames
{
    /// <summary>True when the name is relative, short, and stays inside the packet's folder by its text alone.</summary>
    public static bool IsUsable(string relativePath, [NotNullWhen(false)] out string? problem)
    {
        if (relativePath.Length == 0 || relativePath.Length > 260 || relativePath.Contains('\0'))
        {
            problem = "is not a usable file name";
            return false;
        }
        if (Path.IsPathRooted(relativePath) || relativePath.Contains(':') || relativePath.StartsWith('/') || relativePath.StartsWith('\\'))
        {
            problem = "must be a path relative to the packet's folder, not an absolute path";
            return false;
        }
        var depth = 0;
        foreach (var part in relativePath.Split('/', '\\'))
        {
            depth += part switch { ".." => -1, "" or "." => 0, _ => 1 };
            if (depth < 0)
            {
                problem = "points outside the packet's folder";
                return false;
            }
        }
        problem = null;
        return true;
    }
}

/// <summary>Files sent along with a packet (an HTTP upload), by name; nothing is read from disk.</summary>
public sealed class InMemoryPacketFiles(IReadOnlyDictionary<string, byte[]> files) : IPacketFiles
{
    /// <summary>No files at all.</summary>
    public static readonly InMemoryPacketFiles None = new(new Dictionary<string, byte[]>());

    /// <inheritdoc />
    public bool TryOpen(string relativePath, [NotNullWhen(true)] out Stream? stream, [NotNullWhen(false)] out string? problem)
    {
        // The same refusal as on disk, so that both doors give the same finding for a path that leaves the folder.
        if (!PacketFileNames.IsUsable(relativePath, out problem))
        {
            stream = null;
            return false;
        }
        if (files.TryGetValue(relativePath, out var bytes))
        {
            stream = new MemoryStream(bytes, writable: false);
            problem = null;
            return true;
        }
        stream = null;
        problem = "names a file that was not sent with the packet";
        return false;
    }
}
