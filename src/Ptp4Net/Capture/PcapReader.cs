using System.Buffers.Binary;
using System.Globalization;

namespace Ptp4Net.Capture;

/// <summary>
/// Classic libpcap format (pcap-savefile(5)), either byte order, microsecond (magic 0xa1b2c3d4) or
/// nanosecond (0xa1b23c4d) timestamps.
/// <code>
/// file header (24): magic(4) version_major(2) version_minor(2) thiszone(4) sigfigs(4) snaplen(4) linktype(4)
/// record header (16): ts_sec(4) ts_frac(4) incl_len(4) orig_len(4), then incl_len octets
/// </code>
/// The "modified" variant (magic 0xa1b2cd34) adds ifindex(4) protocol(2) pkt_type(1) pad(1) to each record
/// header, which are skipped.
/// </summary>
public sealed class PcapReader : CaptureReader
{
    private const int FileHeaderLength = 24;
    private const int RecordHeaderLength = 16;
    private const int ModifiedRecordHeaderLength = 24;
    private const int VersionMajorOffset = 4;
    private const int SnapLenOffset = 16;
    private const int LinkTypeOffset = 20;

    private readonly bool _bigEndian;
    private readonly bool _nano;
    private readonly LinkType _linkType;
    private readonly int _recordHeaderLength;

    private PcapReader(Stream stream, bool bigEndian, bool nano, bool modified, LinkType linkType, uint snapLength)
        : base(stream, FileHeaderLength)
    {
        _bigEndian = bigEndian;
        _nano = nano;
        _recordHeaderLength = modified ? ModifiedRecordHeaderLength : RecordHeaderLength;
        _linkType = linkType;
        SnapLength = snapLength;
    }

    /// <summary>The file header's snapshot length (informational: records are bounded by <see cref="CaptureReader.MaxRecordLength"/>).</summary>
    public uint SnapLength { get; }

    public override string Format => string.Create(CultureInfo.InvariantCulture,
        $"pcap ({(_bigEndian ? "big" : "little")}-endian, {(_nano ? "nanosecond" : "microsecond")}{(_recordHeaderLength == ModifiedRecordHeaderLength ? ", modified" : "")}, linktype {(ushort)_linkType})");

    /// <summary>The file's link-layer header type.</summary>
    public LinkType LinkType => _linkType;

    internal static bool TryOpenAfterMagic(Stream stream, bool bigEndian, bool nano, bool modified, out CaptureReader? reader, out string error)
    {
        reader = null;
        Span<byte> header = stackalloc byte[FileHeaderLength];
        // The magic has been consumed by the caller; read the remaining 20 octets.
        int n = 0;
        while (n < FileHeaderLength - 4)
        {
            int r = stream.Read(header[(4 + n)..]);
            if (r <= 0) break;
            n += r;
        }
        if (n < FileHeaderLength - 4)
        {
            error = string.Create(CultureInfo.InvariantCulture,
                $"truncated pcap file header ({4 + n} of {FileHeaderLength} octets)");
            return false;
        }
        ushort major = U16(header[VersionMajorOffset..], bigEndian);
        if (major != 2)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"unsupported pcap version {major} (expected 2)");
            return false;
        }
        // The upper 16 bits of the link-type field carry FCS information (pcap-linktype(7)); the link
        // type itself is the lower 16 bits.
        uint linkField = U32(header[LinkTypeOffset..], bigEndian);
        reader = new PcapReader(stream, bigEndian, nano, modified, (LinkType)(linkField & 0xFFFF), U32(header[SnapLenOffset..], bigEndian));
        error = "";
        return true;
    }

    private protected override CaptureReadStatus ReadCore(out CapturedFrame frame)
    {
        frame = default;
        long start = Position;
        Span<byte> rh = stackalloc byte[ModifiedRecordHeaderLength];
        rh = rh[.._recordHeaderLength];
        int n = ReadFully(rh);
        if (n == 0) return CaptureReadStatus.End;
        if (n < rh.Length)
            return Fail(string.Create(CultureInfo.InvariantCulture,
                $"truncated packet record header {At(start)} ({n} of {rh.Length} octets)"));
        uint seconds = U32(rh, _bigEndian);
        uint fraction = U32(rh[4..], _bigEndian);
        uint inclLen = U32(rh[8..], _bigEndian);
        uint origLen = U32(rh[12..], _bigEndian);
        if (inclLen > MaxRecordLength)
            return Fail(string.Create(CultureInfo.InvariantCulture,
                $"corrupt packet record {At(start)}: captured length {inclLen} exceeds {MaxRecordLength}"));
        var buffer = Buffer((int)inclLen);
        n = ReadFully(buffer.AsSpan(0, (int)inclLen));
        if (n < inclLen)
            return Fail(string.Create(CultureInfo.InvariantCulture,
                $"truncated packet {At(start)}: {n} of {inclLen} captured octets present"));
        long ns = ToNanoseconds(seconds, fraction, _nano ? 1_000_000_000 : 1_000_000);
        frame = new CapturedFrame(ns, _linkType, 0, Math.Max(origLen, inclLen), buffer.AsMemory(0, (int)inclLen), 0);
        return CaptureReadStatus.Frame;
    }

    private static ushort U16(ReadOnlySpan<byte> b, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(b) : BinaryPrimitives.ReadUInt16LittleEndian(b);

    private static uint U32(ReadOnlySpan<byte> b, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(b) : BinaryPrimitives.ReadUInt32LittleEndian(b);
}
