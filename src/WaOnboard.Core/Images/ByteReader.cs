using System.IO.Hashing;

namespace WaOnboard.Images;

/// <summary>Reads a seekable stream at absolute offsets through a small window owned by the caller.</summary>
/// <remarks>
/// The walks ask for a few bytes here and there (chunk and segment headers); the window turns runs
/// of small neighbouring chunks into one read, which matters when the stream is an unbuffered
/// FileStream where every read is a system call. Nothing here allocates, except one CRC-32 state for a chunk
/// larger than the window.
/// </remarks>
internal ref struct ByteReader
{
    // A miss reads this much beyond what was asked: enough for the next chunk's header, or a small
    // chunk and the header after it, but small enough that a walk over a MemoryStream does not copy
    // kilobytes per chunk. Over an unbuffered FileStream each read is a system call (measured here at
    // 5-10 µs), so saving reads matters more than saving copies.
    private const int ReadAhead = 512;

    private readonly Stream _stream;
    private readonly Span<byte> _window;
    private long _windowStart;
    private int _windowCount;
    private Crc32? _crc;

    public ByteReader(Stream stream, long length, Span<byte> window)
    {
        _stream = stream;
        _window = window;
        Length = length;
    }

    public long Length { get; }

    /// <summary>The stream read, for a reader that streams through it (the image data's inflater).</summary>
    public readonly Stream Stream => _stream;

    /// <summary>Window capacity: the largest <see cref="TryPeek"/> that can succeed.</summary>
    public readonly int WindowSize => _window.Length;

    /// <summary>True when the file holds <paramref name="count"/> bytes from <paramref name="offset"/>.</summary>
    public readonly bool Holds(long offset, long count) => offset >= 0 && count >= 0 && offset <= Length && count <= Length - offset;

    /// <summary>The <paramref name="count"/> bytes at <paramref name="offset"/>, valid until the next call; false when the file ends first.</summary>
    public bool TryPeek(long offset, int count, out ReadOnlySpan<byte> bytes)
    {
        bytes = default;
        if (count > _window.Length || !Holds(offset, count))
        {
            return false;
        }

        if (offset < _windowStart || offset + count > _windowStart + _windowCount)
        {
            var want = (int)Math.Min(count + ReadAhead, Math.Min(_window.Length, Length - offset));
            _windowStart = offset;
            _windowCount = ReadAt(offset, _window[..want]);
            if (_windowCount < count)
            {
                // The stream was shorter than its Length said (a file that shrank): same as truncated.
                return false;
            }
        }

        bytes = _window.Slice((int)(offset - _windowStart), count);
        return true;
    }

    /// <summary>Copies bytes at <paramref name="offset"/> into <paramref name="destination"/>; false when the file ends first.</summary>
    public bool TryRead(long offset, Span<byte> destination)
    {
        if (destination.Length <= _window.Length)
        {
            if (!TryPeek(offset, destination.Length, out var bytes))
            {
                return false;
            }

            bytes.CopyTo(destination);
            return true;
        }

        return Holds(offset, destination.Length) && ReadAt(offset, destination) == destination.Length;
    }

    /// <summary>The PNG CRC of <paramref name="count"/> bytes from <paramref name="offset"/>, read a window at a time; null when the file ends first.</summary>
    public uint? Crc(long offset, long count)
    {
        if (count <= _window.Length)
        {
            return TryPeek(offset, (int)count, out var all) ? Crc32.HashToUInt32(all) : null;
        }

        var crc = _crc ??= new Crc32();
        crc.Reset();
        while (count > 0)
        {
            var take = (int)Math.Min(count, _window.Length);
            if (!TryPeek(offset, take, out var bytes))
            {
                return null;
            }

            crc.Append(bytes);
            offset += take;
            count -= take;
        }

        return crc.GetCurrentHashAsUInt32();
    }

    private readonly int ReadAt(long offset, Span<byte> destination)
    {
        _stream.Position = offset;
        return _stream.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false);
    }
}
