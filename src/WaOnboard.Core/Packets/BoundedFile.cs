using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace WaOnboard.Packets;

/// <summary>Reads files a user or a packet names: regular files only, never more than a limit, never waiting on a pipe.</summary>
/// <remarks>
/// A FIFO blocks <c>open</c> until a writer appears, and <c>/dev/zero</c> or <c>/dev/urandom</c> never end, whatever
/// <see cref="FileInfo.Length"/> says (0). On Linux and macOS the file is opened without blocking (O_NONBLOCK), then
/// refused unless it is seekable and its reported size matches what can be read; every read is bounded by the bytes
/// actually read.
/// </remarks>
public static class BoundedFile
{
    /// <summary>Reads a whole regular file of at most <paramref name="limit"/> bytes; on failure says why, in words for the user.</summary>
    public static bool TryRead(string path, int limit, [NotNullWhen(true)] out byte[]? content, [NotNullWhen(false)] out string? problem)
    {
        content = null;
        if (!TryOpen(path, out var stream, out problem))
        {
            return false;
        }
        using (stream)
        {
            try
            {
                content = ReadAtMost(stream, limit + 1);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problem = "cannot be read: " + e.Message;
                return false;
            }
        }
        if (content.Length > limit)
        {
            content = null;
            problem = $"is larger than {Describe(limit)}";
            return false;
        }
        return true;
    }

    /// <summary>Opens a regular file for reading without ever blocking; a pipe, socket, device or folder is refused.</summary>
    public static bool TryOpen(string path, [NotNullWhen(true)] out Stream? stream, [NotNullWhen(false)] out string? problem)
    {
        stream = null;
        if (Directory.Exists(path))
        {
            problem = "is a folder, not a file";
            return false;
        }
        if (!File.Exists(path))
        {
            problem = "does not exist";
            return false;
        }
        FileStream file;
        try
        {
            file = OpenNonBlocking(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = "cannot be read: " + e.Message;
            return false;
        }
        // A pipe, a socket or a terminal cannot seek; /dev/zero can, but reports a length of 0 while it reads on forever.
        if (!file.CanSeek || (file.Length == 0 && HasData(file)))
        {
            file.Dispose();
            problem = "is not a regular file (a pipe, a device or a socket); give a file saved on disk";
            return false;
        }
        stream = file;
        problem = null;
        return true;
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes of a stream, whatever length it claims.</summary>
    public static byte[] ReadAtMost(Stream stream, int limit)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while (buffer.Length < limit && (read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, limit - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static string Describe(int limit) => limit >= 1024 * 1024 && limit % (1024 * 1024) == 0 ? $"{limit / (1024 * 1024)} MiB" : $"{limit / 1024} KiB";

    private static bool HasData(FileStream file)
    {
        Span<byte> probe = stackalloc byte[1];
        var has = file.Read(probe) > 0;
        file.Position = 0;
        return has;
    }

    private static FileStream OpenNonBlocking(string path)
    {
        int flags = OperatingSystem.IsLinux() ? LinuxNonBlock | LinuxCloseOnExec
            : OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD() ? BsdNonBlock | BsdCloseOnExec
            : -1;
        if (flags < 0)
        {
            // Windows has no FIFOs in the file system to block on.
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        }
        var fd = Open(path, flags, 0);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw errno is 13 or 1
                ? new UnauthorizedAccessException($"Access to the path '{path}' is denied.")
                : new IOException($"the file could not be opened (error {errno}).");
        }
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            // O_NONBLOCK only matters for the open itself and for pipes (refused above); regular files ignore it.
            return new FileStream(handle, FileAccess.Read, bufferSize: 1);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private const int LinuxNonBlock = 0x800;
    private const int LinuxCloseOnExec = 0x80000;
    private const int BsdNonBlock = 0x4;
    private const int BsdCloseOnExec = 0x1000000;

    // DllImport rather than LibraryImport: the generated marshalling would need unsafe code in the core project.
    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, int mode);
}
