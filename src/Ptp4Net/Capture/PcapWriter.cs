using System.Buffers.Binary;

namespace Ptp4Net.Capture;

/// <summary>
/// Writes a classic pcap file (layout in <see cref="PcapReader"/>). Nanosecond, little-endian by default;
/// the other byte order and microsecond resolution exist so the reader can be tested against them.
/// </summary>
public sealed class PcapWriter
{
    public const uint DefaultSnapLength = 262144;
    private readonly Stream _stream;
    private readonly bool _bigEndian;
    private readonly bool _nano;

    public PcapWriter(Stream stream, LinkType linkType, bool nanosecond = true, bool bigEndian = false,
        uint snapLength = DefaultSnapLength)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _bigEndian = bigEndian;
        _nano = nanosecond;
        Span<byte> h = stackalloc byte[24];
        U32(h, nanosecond ? 0xA1B23C4Du : 0xA1B2C3D4u);
        U16(h[4..], 2);
        U16(h[6..], 4);
        U32(h[8..], 0);   // thiszone: always UTC
        U32(h[12..], 0);  // sigfigs
        U32(h[16..], snapLength);
        U32(h[20..], (ushort)linkType);
        _stream.Write(h);
    }

    /// <summary>Appends a packet captured at <paramref name="timestampNanoseconds"/> (Unix epoch).
    /// <paramref name="originalLength"/> defaults to the frame's length.</summary>
    public void WritePacket(long timestampNanoseconds, ReadOnlySpan<byte> frame, uint? originalLength = null)
    {
        if (timestampNanoseconds < 0) throw new ArgumentOutOfRangeException(nameof(timestampNanoseconds));
        Span<byte> r = stackalloc byte[16];
        long seconds = timestampNanoseconds / 1_000_000_000;
        long fraction = timestampNanoseconds % 1_000_000_000;
        U32(r, checked((uint)seconds));
        U32(r[4..], (uint)(_nano ? fraction : fraction / 1000));
        U32(r[8..], (uint)frame.Length);
        U32(r[12..], originalLength ?? (uint)frame.Length);
        _stream.Write(r);
        _stream.Write(frame);
    }

    private void U16(Span<byte> b, ushort v)
    {
        if (_bigEndian) BinaryPrimitives.WriteUInt16BigEndian(b, v);
        else BinaryPrimitives.WriteUInt16LittleEndian(b, v);
    }

    private void U32(Span<byte> b, uint v)
    {
        if (_bigEndian) BinaryPrimitives.WriteUInt32BigEndian(b, v);
        else BinaryPrimitives.WriteUInt32LittleEndian(b, v);
    }
}
