using WaOnboard.Packets;

namespace WaOnboard.Repository;

/// <summary>Finds the packets a command line names: a packet file, a packet folder, or every packet folder below a folder.</summary>
public static class PacketSearch
{
    /// <summary>
    /// The packets a path stands for, as paths relative to <paramref name="currentDirectory"/> (forward slashes), in ordinal order.
    /// A file or a folder holding a packet file is itself; another folder stands for every packet folder below it (hidden folders
    /// such as <c>.git</c> skipped), less those an <paramref name="excludes"/> glob matches; nothing found returns the path as given,
    /// so the loader reports it.
    /// </summary>
    public static IReadOnlyList<string> Expand(string path, IReadOnlyList<Glob> excludes, string currentDirectory)
    {
        var full = Path.GetFullPath(path, currentDirectory);
        if (!Directory.Exists(full) || PacketLoader.PacketFileNames.Any(name => File.Exists(Path.Combine(full, name))))
        {
            return [path];
        }
        var found = new List<string>();
        Walk(new DirectoryInfo(full), excludes, currentDirectory, found, depth: 0);
        if (found.Count == 0)
        {
            return [path];
        }
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    /// <summary>A path relative to a folder, with forward slashes.</summary>
    public static string Relative(string fullPath, string currentDirectory) =>
        Path.GetRelativePath(currentDirectory, fullPath).Replace('\\', '/');

    private static void Walk(DirectoryInfo folder, IReadOnlyList<Glob> excludes, string currentDirectory, List<string> found, int depth)
    {
        // Deep enough for any repository layout, and a stop for link loops.
        if (depth > 32)
        {
            return;
        }
        try
        {
            foreach (var child in folder.EnumerateDirectories())
            {
                if (child.Name.StartsWith('.') || child.LinkTarget is not null)
                {
                    continue;
                }
                var relative = Relative(child.FullName, currentDirectory);
                if (excludes.Any(g => g.IsMatch(relative)))
                {
                    continue;
                }
                if (PacketLoader.PacketFileNames.Any(name => File.Exists(Path.Combine(child.FullName, name))))
                {
                    found.Add(relative);
                }
                Walk(child, excludes, currentDirectory, found, depth + 1);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An unreadable folder holds no packet we could check; the rest of the tree still is.
        }
    }
}
