using System.Buffers.Binary;

namespace Ptp4Net.Capture;

/// <summary>
/// Writes pcapng (layout in <see cref="PcapNgReader"/>): a Section Header Block, Interface Description
/// Blocks with optional if_tsresol and if_tsoffset, Enhanced and Simple Packet Blocks, and arbitrary
/// blocks (for testing that readers skip what they do not know). Either byte order.
/// </summary>
public sealed class PcapNgWriter
{
    private readonly Stream _stream;
    private readonly bool _bigEndian;
    private int _interfaces;

    public PcapNgWriter(Stream stream, bool bigEndian = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _bigEndian = bigEndian;
        WriteSectionHeader();
    }

    /// <summary>Starts a new section (interfaces are numbered from 0 again).</summary>
    public void WriteSectionHeader()
    {
        Span<byte> body = stackalloc byte[16];
        U32(body, 0x1A2B3C4D);
        U16(body[4..], 1);
        U16(body[6..], 0);
        BinaryPrimitives.WriteInt64LittleEndian(body[8..], -1); // section length unknown (same in both orders)
        WriteBlock(0x0A0D0D0A, body);
        _interfaces = 0;
    }

    /// <summary>Describes an interface; returns its id. <paramref name="tsResol"/> is the raw if_tsresol
    /// octet (6 = microseconds, 9 = nanoseconds, 0x80 | n = 2^-n) or null for the default (microseconds).</summary>
    public int AddInterface(LinkType linkType, byte? tsResol = 9, long? tsOffsetSeconds = null, uint snapLength = 262144)
    {
        var body = new List<byte>();
        Span<byte> fixedPart = stackalloc byte[8];
        U16(fixedPart, (ushort)linkType);
        U16(fixedPart[2..], 0);
        U32(fixedPart[4..], snapLength);
        body.AddRange(fixedPart.ToArray());
        if (tsResol is byte r) AddOption(body, 9, [r]);
        if (tsOffsetSeconds is long off)
        {
            var v = new byte[8];
            if (_bigEndian) BinaryPrimitives.WriteInt64BigEndian(v, off);
            else BinaryPrimitives.WriteInt64LittleEndian(v, off);
            AddOption(body, 14, v);
        }
        if (tsResol is not null || tsOffsetSeconds is not null) AddOption(body, 0, []);
        WriteBlock(1, body.ToArray());
        return _interfaces++;
    }

    /// <summary>Writes an Enhanced Packet Block whose timestamp is given in the interface's units.</summary>
    public void WriteEnhancedPacket(int interfaceId, ulong timestampUnits, ReadOnlySpan<byte> frame, uint? originalLength = null)
    {
        var body = new byte[20 + Pad(frame.Length)];
        U32(body, (uint)interfaceId);
        U32(body.AsSpan(4), (uint)(timestampUnits >> 32));
        U32(body.AsSpan(8), (uint)timestampUnits);
        U32(body.AsSpan(12), (uint)frame.Length);
        U32(body.AsSpan(16), originalLength ?? (uint)frame.Length);
        frame.CopyTo(body.AsSpan(20));
        WriteBlock(6, body);
    }

    /// <summary>Writes a Simple Packet Block (interface 0, no timestamp).</summary>
    public void WriteSimplePacket(ReadOnlySpan<byte> frame)
    {
        var body = new byte[4 + Pad(frame.Length)];
        U32(body, (uint)frame.Length);
        frame.CopyTo(body.AsSpan(4));
        WriteBlock(3, body);
    }

    /// <summary>Writes any block; the body is padded to a multiple of 4.</summary>
    public void WriteBlock(uint type, ReadOnlySpan<byte> body)
    {
        int total = 12 + Pad(body.Length);
        Span<byte> head = stackalloc byte[8];
        if (type == 0x0A0D0D0A) BinaryPrimitives.WriteUInt32BigEndian(head, type);
        else U32(head, type);
        U32(head[4..], (uint)total);
        _stream.Write(head);
        _stream.Write(body);
        Span<byte> pad = stackalloc byte[3];
        pad.Clear();
        _stream.Write(pad[..(Pad(body.Length) - body.Length)]);
        _stream.Write(head[4..]);
    }

    private void AddOption(List<byte> body, ushort code, byte[] value)
    {
        var h = new byte[4];
        U16(h, code);
        U16(h.AsSpan(2), (ushort)value.Length);
        body.AddRange(h);
        body.AddRange(value);
        for (int i = value.Length; i < Pad(value.Length); i++) body.Add(0);
    }

    private static int Pad(int n) => (n + 3) & ~3;

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
