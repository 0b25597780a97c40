using System.Buffers.Binary;

namespace WaOnboard.Images;

/// <summary>The data of a PNG's consecutive IDAT chunks as one read-only stream, read from the file itself.</summary>
/// <remarks>
/// The inflater reads through it into its own fixed buffer, so image data is never copied whole. The chunk walk has
/// already checked the structure and CRCs; this only steps over chunk headers and CRCs, and ends at the first
/// chunk that is not IDAT.
/// </remarks>
internal sealed class ImageDataStream(Stream file, long firstChunk) : Stream
{
    private const uint Idat = 0x49444154;

    private long _nextChunk = firstChunk;
    private long _at;
    private long _left;
    private bool _ended;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        Span<byte> head = stackalloc byte[8];
        while (_left == 0)
        {
            if (_ended || buffer.IsEmpty)
            {
                return 0;
            }

            file.Position = _nextChunk;
            if (file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) < head.Length || BinaryPrimitives.ReadUInt32BigEndian(head[4..]) != Idat)
            {
                _ended = true;
                return 0;
            }

            _left = BinaryPrimitives.ReadUInt32BigEndian(head);
            _at = _nextChunk + 8;
            _nextChunk = _at + _left + 4;
        }

        file.Position = _at;
        var n = file.Read(buffer[..(int)Math.Min(buffer.Length, _left)]);
        if (n == 0)
        {
            // The file shrank since the walk: the inflater sees the end of its input.
            _ended = true;
            return 0;
        }

        _at += n;
        _left -= n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
