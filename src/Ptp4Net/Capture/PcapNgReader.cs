using System.Buffers.Binary;
using System.Globalization;

namespace Ptp4Net.Capture;

/// <summary>
/// pcapng (draft-ietf-opsawg-pcapng): Section Header Blocks in either byte order (a file may hold
/// several sections), Interface Description Blocks with if_tsresol (power of 10 or of 2) and
/// if_tsoffset, Enhanced, Simple and obsolete Packet Blocks. Other blocks are skipped by their length.
/// <code>
/// every block: block_type(4) block_total_length(4) body block_total_length(4); length % 4 == 0
/// SHB body:  byte_order_magic(4)=0x1A2B3C4D major(2)=1 minor(2) section_length(8) options
/// IDB body:  linktype(2) reserved(2) snaplen(4) options
/// EPB body:  interface_id(4) ts_high(4) ts_low(4) captured_len(4) original_len(4) data(pad 4) options
/// SPB body:  original_len(4) data(pad 4)
/// OPB body:  interface_id(2) drops(2) ts_high(4) ts_low(4) captured_len(4) original_len(4) data options
/// option:    code(2) length(2) value(pad 4); code 0 ends the list
/// </code>
/// </summary>
public sealed class PcapNgReader : CaptureReader
{
    private const uint SectionHeaderType = 0x0A0D0D0A;
    private const uint InterfaceDescriptionType = 1;
    private const uint ObsoletePacketType = 2;
    private const uint SimplePacketType = 3;
    private const uint EnhancedPacketType = 6;
    private const uint ByteOrderMagic = 0x1A2B3C4D;
    private const int BlockHeaderLength = 8;
    private const int BlockOverhead = 12;
    private const int SectionHeaderMinBody = 16;
    private const int InterfaceMinBody = 8;
    private const int EnhancedMinBody = 20;
    private const int ObsoleteMinBody = 20;
    private const int SimpleMinBody = 4;
    private const ushort OptEndOfOpt = 0;
    private const ushort OptIfTsResol = 9;
    private const ushort OptIfTsOffset = 14;
    /// <summary>A bound on interfaces per section, so a file of tiny IDBs cannot grow memory without limit.</summary>
    public const int MaxInterfaces = 65536;

    private readonly List<Interface> _interfaces = [];
    private bool _bigEndian;
    private int _sections;

    private readonly record struct Interface(LinkType LinkType, uint SnapLen, Int128 UnitsPerSecond, long OffsetSeconds);

    private PcapNgReader(Stream stream) : base(stream, 4) { }

    public override string Format => string.Create(CultureInfo.InvariantCulture,
        $"pcapng ({(_bigEndian ? "big" : "little")}-endian, {_sections} section(s), {_interfaces.Count} interface(s) in the current one)");

    internal static bool TryOpenAfterMagic(Stream stream, out CaptureReader? reader, out string error)
    {
        var r = new PcapNgReader(stream);
        // The block type of the first Section Header Block has been consumed by the caller.
        if (r.ReadBlock(firstTypeConsumed: true, out _, out _) == CaptureReadStatus.Error)
        {
            reader = null;
            error = r.Error!;
            return false;
        }
        reader = r;
        error = "";
        return true;
    }

    private protected override CaptureReadStatus ReadCore(out CapturedFrame frame)
    {
        // Every iteration consumes at least one 12-octet block, so the loop ends at end of file.
        while (true)
        {
            var status = ReadBlock(firstTypeConsumed: false, out frame, out bool isFrame);
            if (status != CaptureReadStatus.Frame || isFrame) return status;
        }
    }

    /// <summary>Reads one block. Returns Frame (with isFrame telling whether it carried a packet), End or Error.</summary>
    private CaptureReadStatus ReadBlock(bool firstTypeConsumed, out CapturedFrame frame, out bool isFrame)
    {
        frame = default;
        isFrame = false;
        long start = firstTypeConsumed ? Position - 4 : Position;
        Span<byte> head = stackalloc byte[BlockHeaderLength + 4];
        int n;
        if (firstTypeConsumed)
        {
            BinaryPrimitives.WriteUInt32BigEndian(head, SectionHeaderType);
            n = 4 + ReadFully(head[4..BlockHeaderLength]);
        }
        else
        {
            n = ReadFully(head[..BlockHeaderLength]);
            if (n == 0) return CaptureReadStatus.End;
        }
        if (n < BlockHeaderLength)
            return Fail(string.Create(CultureInfo.InvariantCulture,
                $"truncated pcapng block header {At(start)} ({n} of {BlockHeaderLength} octets)"));

        // The SHB type reads the same in both byte orders; its byte-order magic decides the order of
        // everything up to the next SHB, including its own length.
        uint type = BinaryPrimitives.ReadUInt32BigEndian(head);
        int consumed = BlockHeaderLength;
        if (type == SectionHeaderType)
        {
            n = ReadFully(head[BlockHeaderLength..]);
            if (n < 4)
                return Fail($"truncated pcapng section header {At(start)}");
            uint bom = BinaryPrimitives.ReadUInt32BigEndian(head[BlockHeaderLength..]);
            if (bom == ByteOrderMagic) _bigEndian = true;
            else if (BinaryPrimitives.ReverseEndianness(bom) == ByteOrderMagic) _bigEndian = false;
            else
                return Fail(string.Create(CultureInfo.InvariantCulture,
                    $"corrupt pcapng section header {At(start)}: byte-order magic 0x{bom:x8}"));
            consumed += 4;
        }
        else if (_sections == 0)
        {
            return Fail($"not a pcapng file: the first block {At(start)} is not a section header");
        }
        else
        {
            type = U32(head);
        }

        uint total = U32(head[4..]);
        if (total < BlockOverhead || total % 4 != 0 || total > MaxRecordLength)
            return Fail(string.Create(CultureInfo.InvariantCulture,
                $"corrupt pcapng block {At(start)}: total length {total} (must be a multiple of 4 in [{BlockOverhead}, {MaxRecordLength}])"));

        int rest = (int)total - consumed;
        var buffer = Buffer(rest);
        n = ReadFully(buffer.AsSpan(0, rest));
        if (n < rest)
            return Fail(string.Create(CultureInfo.InvariantCulture,
                $"truncated pcapng block {At(start)}: {consumed + n} of {total} octets present"));
        var trailer = buffer.AsSpan(rest - 4, 4);
        if (U32(trailer) != total)
            return Fail(string.Create(CultureInfo.InvariantCulture,
                $"corrupt pcapng block {At(start)}: trailing length {U32(trailer)} differs from {total}"));
        int bodyLength = (int)total - BlockOverhead;
        int bodyStart = consumed - BlockHeaderLength; // SHB: the byte-order magic is already consumed
        var body = buffer.AsSpan(0, rest - 4);

        switch (type)
        {
            case SectionHeaderType:
                if (bodyLength < SectionHeaderMinBody)
                    return Fail($"corrupt pcapng section header {At(start)}: too short");
                ushort major = U16(body);
                if (major != 1)
                    return Fail(string.Create(CultureInfo.InvariantCulture,
                        $"unsupported pcapng version {major} {At(start)} (expected 1)"));
                _interfaces.Clear();
                _sections++;
                return CaptureReadStatus.Frame;

            case InterfaceDescriptionType:
                if (bodyLength < InterfaceMinBody)
                    return Fail($"corrupt pcapng interface description {At(start)}: too short");
                if (_interfaces.Count >= MaxInterfaces)
                    return Fail($"corrupt pcapng file {At(start)}: more than {MaxInterfaces} interfaces in a section");
                return ReadInterface(body, start);

            case EnhancedPacketType:
            case ObsoletePacketType:
            {
                bool enhanced = type == EnhancedPacketType;
                if (bodyLength < (enhanced ? EnhancedMinBody : ObsoleteMinBody))
                    return Fail($"corrupt pcapng packet block {At(start)}: too short");
                uint ifId = enhanced ? U32(body) : U16(body);
                uint high = U32(body[4..]);
                uint low = U32(body[8..]);
                uint capLen = U32(body[12..]);
                uint origLen = U32(body[16..]);
                if (capLen > (uint)(bodyLength - 20))
                    return Fail(string.Create(CultureInfo.InvariantCulture,
                        $"corrupt pcapng packet block {At(start)}: captured length {capLen} exceeds the block"));
                if (ifId >= (uint)_interfaces.Count)
                    return Fail(string.Create(CultureInfo.InvariantCulture,
                        $"corrupt pcapng packet block {At(start)}: interface {ifId} was not described"));
                var itf = _interfaces[(int)ifId];
                ulong units = ((ulong)high << 32) | low;
                frame = new CapturedFrame(Timestamp(units, itf), itf.LinkType, (int)ifId,
                    Math.Max(origLen, capLen), buffer.AsMemory(bodyStart + 20, (int)capLen), 0);
                isFrame = true;
                return CaptureReadStatus.Frame;
            }

            case SimplePacketType:
            {
                if (bodyLength < SimpleMinBody)
                    return Fail($"corrupt pcapng simple packet block {At(start)}: too short");
                if (_interfaces.Count == 0)
                    return Fail($"corrupt pcapng simple packet block {At(start)}: no interface described");
                var itf = _interfaces[0];
                uint origLen = U32(body);
                // The captured length is implied: the smaller of the original length, the block's room
                // and the interface's snapshot length. An SPB carries no timestamp.
                uint capLen = Math.Min(origLen, (uint)(bodyLength - 4));
                if (itf.SnapLen != 0) capLen = Math.Min(capLen, itf.SnapLen);
                frame = new CapturedFrame(0, itf.LinkType, 0, origLen, buffer.AsMemory(bodyStart + 4, (int)capLen), 0);
                isFrame = true;
                return CaptureReadStatus.Frame;
            }

            default:
                return CaptureReadStatus.Frame; // skipped by its length
        }
    }

    private CaptureReadStatus ReadInterface(ReadOnlySpan<byte> body, long start)
    {
        var linkType = (LinkType)U16(body);
        uint snapLen = U32(body[4..]);
        Int128 unitsPerSecond = 1_000_000; // default resolution: microseconds
        long offsetSeconds = 0;
        int p = InterfaceMinBody;
        // Each option consumes at least 4 octets, so the walk is bounded by the body length.
        while (p + 4 <= body.Length)
        {
            ushort code = U16(body[p..]);
            ushort len = U16(body[(p + 2)..]);
            if (code == OptEndOfOpt) break;
            int padded = (len + 3) & ~3;
            if (p + 4 + padded > body.Length)
                return Fail(string.Create(CultureInfo.InvariantCulture,
                    $"corrupt pcapng interface description {At(start)}: option {code} overruns the block"));
            var value = body.Slice(p + 4, len);
            if (code == OptIfTsResol && len >= 1)
            {
                byte r = value[0];
                int exp = r & 0x7F;
                // MSB clear: 10^-exp seconds; set: 2^-exp. Bounded so the arithmetic stays in Int128.
                if ((r & 0x80) == 0)
                {
                    if (exp > 30)
                        return Fail(string.Create(CultureInfo.InvariantCulture,
                            $"unsupported if_tsresol 10^-{exp} {At(start)}"));
                    unitsPerSecond = Pow10(exp);
                }
                else
                {
                    if (exp > 100)
                        return Fail(string.Create(CultureInfo.InvariantCulture,
                            $"unsupported if_tsresol 2^-{exp} {At(start)}"));
                    unitsPerSecond = Int128.One << exp;
                }
            }
            else if (code == OptIfTsOffset && len >= 8)
            {
                offsetSeconds = _bigEndian ? BinaryPrimitives.ReadInt64BigEndian(value) : BinaryPrimitives.ReadInt64LittleEndian(value);
            }
            p += 4 + padded;
        }
        _interfaces.Add(new Interface(linkType, snapLen, unitsPerSecond, offsetSeconds));
        return CaptureReadStatus.Frame;
    }

    private static Int128 Pow10(int exp)
    {
        Int128 v = 1;
        for (int i = 0; i < exp; i++) v *= 10;
        return v;
    }

    /// <summary>if_tsoffset seconds plus the 64-bit count of if_tsresol units.</summary>
    private static long Timestamp(ulong units, Interface itf) =>
        ToNanoseconds(itf.OffsetSeconds, units, itf.UnitsPerSecond);

    private ushort U16(ReadOnlySpan<byte> b) =>
        _bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(b) : BinaryPrimitives.ReadUInt16LittleEndian(b);

    private uint U32(ReadOnlySpan<byte> b) =>
        _bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(b) : BinaryPrimitives.ReadUInt32LittleEndian(b);
}
