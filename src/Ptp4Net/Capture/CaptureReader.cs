using System.Buffers.Binary;
using System.Globalization;

namespace Ptp4Net.Capture;

/// <summary>
/// Reads frames from a classic pcap or a pcapng stream. Every length read from the file is checked
/// against fixed bounds before it is used, so a corrupt or truncated file ends in
/// <see cref="CaptureReadStatus.Error"/> with a message, never an exception, a huge allocation or a hang.
/// The reader owns one growing buffer (bounded by <see cref="MaxRecordLength"/>) reused for every frame.
/// </summary>
public abstract class CaptureReader
{
    /// <summary>Largest record (pcap packet or pcapng block) accepted: 16 MiB, libpcap's own ceiling
    /// for pcapng blocks; real PTP frames are a few hundred octets.</summary>
    public const int MaxRecordLength = 16 * 1024 * 1024;

    private const uint PcapMicroMagic = 0xA1B2C3D4;
    private const uint PcapNanoMagic = 0xA1B23C4D;
    /// <summary>Alexey Kuznetzov's "modified" pcap (old Red Hat tcpdump): microseconds, 8 more octets per record.</summary>
    private const uint PcapModifiedMagic = 0xA1B2CD34;
    private const uint PcapNgSectionHeaderType = 0x0A0D0D0A;

    private readonly Stream _stream;
    private byte[] _buffer = new byte[2048];
    private long _position;
    private long _frameNumber;

    private protected CaptureReader(Stream stream, long position)
    {
        _stream = stream;
        _position = position;
    }

    /// <summary>Description of the format, e.g. "pcap (little-endian, nanosecond)".</summary>
    public abstract string Format { get; }

    /// <summary>Why reading stopped, once <see cref="Read"/> returned <see cref="CaptureReadStatus.Error"/>.</summary>
    public string? Error { get; private set; }

    /// <summary>Offset in the stream of the next unread octet.</summary>
    public long Position => _position;

    /// <summary>
    /// Recognises the format by its first four octets and reads the file header. Returns false with a
    /// message for an empty, unknown or truncated header.
    /// </summary>
    public static bool TryOpen(Stream stream, out CaptureReader? reader, out string error)
    {
        ArgumentNullException.ThrowIfNull(stream);
        reader = null;
        Span<byte> magic = stackalloc byte[4];
        int n = ReadAtMost(stream, magic);
        if (n == 0)
        {
            error = "empty file (no capture header)";
            return false;
        }
        if (n < 4)
        {
            error = "truncated capture header (" + n.ToString(CultureInfo.InvariantCulture) + " octets)";
            return false;
        }
        uint be = BinaryPrimitives.ReadUInt32BigEndian(magic);
        uint le = BinaryPrimitives.ReadUInt32LittleEndian(magic);
        if (be == PcapMicroMagic || be == PcapNanoMagic || le == PcapMicroMagic || le == PcapNanoMagic)
        {
            bool bigEndian = be == PcapMicroMagic || be == PcapNanoMagic;
            bool nano = (bigEndian ? be : le) == PcapNanoMagic;
            return PcapReader.TryOpenAfterMagic(stream, bigEndian, nano, modified: false, out reader, out error);
        }
        if (be == PcapModifiedMagic || le == PcapModifiedMagic)
            return PcapReader.TryOpenAfterMagic(stream, be == PcapModifiedMagic, nano: false, modified: true, out reader, out error);
        if (be == PcapNgSectionHeaderType)
            return PcapNgReader.TryOpenAfterMagic(stream, out reader, out error);
        error = string.Create(CultureInfo.InvariantCulture,
            $"not a pcap or pcapng file (first octets {magic[0]:x2} {magic[1]:x2} {magic[2]:x2} {magic[3]:x2})");
        return false;
    }

    /// <summary>Reads the next frame. See <see cref="CaptureReadStatus"/>.</summary>
    public CaptureReadStatus Read(out CapturedFrame frame)
    {
        frame = default;
        if (Error is not null) return CaptureReadStatus.Error;
        var status = ReadCore(out frame);
        if (status == CaptureReadStatus.Frame)
            frame = frame with { Number = ++_frameNumber };
        return status;
    }

    private protected abstract CaptureReadStatus ReadCore(out CapturedFrame frame);

    private protected CaptureReadStatus Fail(string message)
    {
        Error = message;
        return CaptureReadStatus.Error;
    }

    /// <summary>The reusable record buffer, grown to at least <paramref name="length"/> octets (the
    /// caller has checked the length against <see cref="MaxRecordLength"/>).</summary>
    private protected byte[] Buffer(int length)
    {
        if (_buffer.Length < length)
            _buffer = new byte[Math.Max(length, _buffer.Length * 2)];
        return _buffer;
    }

    /// <summary>Reads exactly destination.Length octets; returns how many were read (fewer at end of file).</summary>
    private protected int ReadFully(Span<byte> destination)
    {
        int n = ReadAtMost(_stream, destination);
        _position += n;
        return n;
    }

    private static int ReadAtMost(Stream stream, Span<byte> destination)
    {
        int total = 0;
        while (total < destination.Length)
        {
            int n = stream.Read(destination[total..]);
            if (n <= 0) break;
            total += n;
        }
        return total;
    }

    /// <summary>Formats "at offset N" for messages.</summary>
    private protected static string At(long offset) => "at offset " + offset.ToString(CultureInfo.InvariantCulture);

    /// <summary>Converts seconds plus a fraction in units of 1/<paramref name="unitsPerSecond"/> to Unix
    /// nanoseconds, saturating instead of overflowing.</summary>
    private protected static long ToNanoseconds(Int128 seconds, Int128 fraction, Int128 unitsPerSecond)
    {
        Int128 ns = seconds * 1_000_000_000 + fraction * 1_000_000_000 / unitsPerSecond;
        if (ns > long.MaxValue) return long.MaxValue;
        if (ns < long.MinValue) return long.MinValue;
        return (long)ns;
    }
}
