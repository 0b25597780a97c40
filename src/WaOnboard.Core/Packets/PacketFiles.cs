using System.Diagnostics.CodeAnalysis;

namespace WaOnboard.Packets;

/// <summary>The files a packet names (its avatar), opened only from inside the packet's own folder.</summary>
public interface IPacketFiles
{
    /// <summary>Opens a file the packet names by a relative path; on failure says why, in words for the user.</summary>
    bool TryOpen(string relativePath, [NotNullWhen(true)] out Stream? stream, [NotNullWhen(false)] out string? problem);
}

/// <summary>Files beside a packet on disk. A path that leaves the folder (absolute, <c>..</c>, or a link) is refused.</summary>
public sealed class FolderPacketFiles(string folder) : IPacketFiles
{
    private readonly string _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;

    /// <inheritdoc />
    public bool TryOpen(string relativePath, [NotNullWhen(true)] out Stream? stream, [NotNullWhen(false)] out string? problem)
    {
        stream = null;
        if (relativePath.Length == 0 || relativePath.Length > 260 || relativePath.Contains('\0'))
        {
            problem = "is not a usable file name";
            return false;
        }
        if (Path.IsPathRooted(relativePath) || relativePath.Contains(':'))
        {
            problem = "must be a path relative to the packet's folder, not an absolute path";
            return false;
        }
        var full = Path.GetFullPath(Path.Combine(_root, relativePath));
        if (!full.StartsWith(_root, StringComparison.Ordinal))
        {
            problem = "points outside the packet's folder";
            return false;
        }
        var info = new FileInfo(full);
        if (!info.Exists)
        {
            problem = "names a file that does not exist in the packet's folder";
            return false;
        }
        // A symbolic link could lead anywhere on the machine: follow it only if it lands inside the folder.
        if (info.LinkTarget is not null)
        {
            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            if (target is null || !Path.GetFullPath(target.FullName).StartsWith(_root, StringComparison.Ordinal))
            {
                problem = "is a link that points outside the packet's folder";
                return false;
            }
        }
        try
        {
            stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.RandomAccess);
            problem = null;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = "cannot be read: " + e.Message;
            return false;
        }
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
