using System.Buffers.Binary;

namespace Ptp4Net.Phc.VmClock;

/// <summary>
/// The vmclock shared page (include/uapi/linux/vmclock-abi.h, struct vmclock_abi; little-endian; doc §7):
/// <code>
///   0 magic u32 ("VCLK")      4 size u32          8 version u16      10 counter_id u8   11 time_type u8
///  12 seq_count u32          16 disruption_marker u64               24 flags u64
///  32 pad[2]                 34 clock_status u8  35 smearing hint u8 36 tai_offset_sec s16
///  38 leap_indicator u8      39 counter_period_shift u8
///  40 counter_value u64      48 counter_period_frac_sec u64 (unit 2^-(64+shift) s)
///  56 period esterror rate   64 period maxerror rate
///  72 time_sec u64           80 time_frac_sec u64 (unit 2^-64 s)
///  88 time_esterror_ns       96 time_maxerror_ns                   104 vm_generation_counter u64
/// </code>
/// <see cref="TryRead"/> is a pure function over one copy of the page; consistency across the sequence counter
/// is <see cref="VmClockSnapshotReader"/>'s job.
/// </summary>
public readonly record struct VmClockPage
{
    public const uint Magic = 0x4B4C4356;
    public const ushort SupportedVersion = 1;
    /// <summary>Bytes up to and including time_maxerror_nanosec: the minimum we accept.</summary>
    public const int MinimumLength = 104;
    /// <summary>The structure with vm_generation_counter.</summary>
    public const int FullLength = 112;

    internal const int OffsetMagic = 0;
    internal const int OffsetSize = 4;
    internal const int OffsetVersion = 8;
    internal const int OffsetCounterId = 10;
    internal const int OffsetTimeType = 11;
    internal const int OffsetSeqCount = 12;
    internal const int OffsetDisruptionMarker = 16;
    internal const int OffsetFlags = 24;
    internal const int OffsetClockStatus = 34;
    internal const int OffsetSmearingHint = 35;
    internal const int OffsetTaiOffsetSec = 36;
    internal const int OffsetLeapIndicator = 38;
    internal const int OffsetCounterPeriodShift = 39;
    internal const int OffsetCounterValue = 40;
    internal const int OffsetCounterPeriodFracSec = 48;
    internal const int OffsetPeriodEstErrorRate = 56;
    internal const int OffsetPeriodMaxErrorRate = 64;
    internal const int OffsetTimeSec = 72;
    internal const int OffsetTimeFracSec = 80;
    internal const int OffsetTimeEstErrorNs = 88;
    internal const int OffsetTimeMaxErrorNs = 96;
    internal const int OffsetVmGenerationCounter = 104;

    public uint Size { get; init; }
    public ushort Version { get; init; }
    public VmClockCounterId CounterId { get; init; }
    public VmClockTimeType TimeType { get; init; }
    public uint SeqCount { get; init; }
    public ulong DisruptionMarker { get; init; }
    public VmClockFlags Flags { get; init; }
    public VmClockStatus ClockStatus { get; init; }
    public byte LeapSecondSmearingHint { get; init; }
    /// <summary>TAI − UTC, seconds; meaningful only with <see cref="VmClockFlags.TaiOffsetValid"/>.</summary>
    public short TaiOffsetSec { get; init; }
    public VmClockLeapIndicator LeapIndicator { get; init; }
    public byte CounterPeriodShift { get; init; }
    public ulong CounterValue { get; init; }
    public ulong CounterPeriodFracSec { get; init; }
    public ulong CounterPeriodEstErrorRateFracSec { get; init; }
    public ulong CounterPeriodMaxErrorRateFracSec { get; init; }
    public ulong TimeSec { get; init; }
    public ulong TimeFracSec { get; init; }
    public ulong TimeEstErrorNanosec { get; init; }
    public ulong TimeMaxErrorNanosec { get; init; }
    /// <summary>Present only when the page is long enough and the flag says so; else null.</summary>
    public ulong? VmGenerationCounter { get; init; }

    public bool TaiOffsetValid => (Flags & VmClockFlags.TaiOffsetValid) != 0;

    /// <summary>Decodes one copy of the page. Never throws; an odd seq_count is rejected (update in progress).</summary>
    public static bool TryRead(ReadOnlySpan<byte> p, out VmClockPage page, out VmClockError error)
    {
        page = default;
        if (p.Length < MinimumLength)
        {
            error = VmClockError.TooShort;
            return false;
        }
        if (BinaryPrimitives.ReadUInt32LittleEndian(p[OffsetMagic..]) != Magic)
        {
            error = VmClockError.BadMagic;
            return false;
        }
        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(p[OffsetVersion..]);
        if (version != SupportedVersion)
        {
            error = VmClockError.UnsupportedVersion;
            return false;
        }
        uint size = BinaryPrimitives.ReadUInt32LittleEndian(p[OffsetSize..]);
        if (size < MinimumLength)
        {
            error = VmClockError.BadSize;
            return false;
        }
        uint seq = BinaryPrimitives.ReadUInt32LittleEndian(p[OffsetSeqCount..]);
        if ((seq & 1) != 0)
        {
            error = VmClockError.UpdateInProgress;
            return false;
        }
        var flags = (VmClockFlags)BinaryPrimitives.ReadUInt64LittleEndian(p[OffsetFlags..]);
        ulong? generation = null;
        if (p.Length >= FullLength && size >= FullLength && (flags & VmClockFlags.VmGenerationCounterPresent) != 0)
            generation = BinaryPrimitives.ReadUInt64LittleEndian(p[OffsetVmGenerationCounter..]);
        page = new VmClockPage
        {
            Size = size,
            Version = version,
            CounterId = (VmClockCounterId)p[OffsetCounterId],
            TimeType = (VmClockTimeType)p[OffsetTimeType],
            SeqCount = seq,
            DisruptionMarker = BinaryPrimitives.ReadUInt64LittleEndian(p[OffsetDisruptionMarker..]),
            Flags = flags,
            ClockStatus = (VmClockStatus)p[OffsetClockStatus],
            LeapSecondSmearingHint = p[OffsetSmearingHint],
            TaiOffsetSec = BinaryPrimitives.ReadInt16LittleEndian(p[OffsetTaiOffsetSec..]),
            LeapIndicator = (VmClockLeapIndicator)p[OffsetLeapIndicator],
            CounterPeriodShift = p[OffsetCounterPeriodShift],
            CounterValue = BinaryPrimitives.ReadUInt64LittleEndian(p[OffsetCounterValue..]),
            CounterPeriodFracSec = BinaryPrimitives.ReadUInt64LittleEndian(p[OffsetCounterPeriodFracSec..]),
            CounterPeriodEstErrorRateFracSec = BinaryPrimitives.ReadUInt64LittleEndian(p[OffsetPeriodEstErrorRate..]),
            CounterPeriodMaxErrorRateFracSec = BinaryPrimitives.ReadUInt64LittleEndian(p[OffsetPeriodMaxErrorRate..]),
            TimeSec = BinaryPrimitives.ReadUInt64LittleEndian(p[OffsetTimeSec..]),
            TimeFracSec = BinaryPrimitives.ReadUInt64LittleEndian(p[OffsetTimeFracSec..]),
            TimeEstErrorNanosec = BinaryPrimitives.ReadUInt64LittleEndian(p[OffsetTimeEstErrorNs..]),
            TimeMaxErrorNanosec = BinaryPrimitives.ReadUInt64LittleEndian(p[OffsetTimeMaxErrorNs..]),
            VmGenerationCounter = generation,
        };
        error = VmClockError.None;
        return true;
    }

    /// <summary>
    /// The page's time (in <see cref="TimeType"/>'s scale) at a counter reading, ns since that epoch:
    /// time_sec + time_frac_sec·2⁻⁶⁴ + (counter − counter_value)·counter_period_frac_sec·2^−(64+shift).
    /// The counter difference wraps as u64 (a reading just before counter_value is a small negative delta, as the
    /// hypervisor may publish a value slightly in the future). Exact to the floor of a nanosecond.
    /// </summary>
    public bool TryTimeAt(ulong counter, out long nanoseconds)
    {
        nanoseconds = 0;
        if (CounterId == VmClockCounterId.Invalid || CounterPeriodFracSec == 0 || CounterPeriodShift >= 64)
            return false;
        long delta = unchecked((long)(counter - CounterValue));
        // delta·period is a 2^-(64+shift) fraction of a second; shift it down to 2^-64 units (signed, 128-bit).
        Int128 frac = (Int128)delta * CounterPeriodFracSec;
        frac >>= CounterPeriodShift;
        frac += TimeFracSec;
        // frac is now seconds in 64.64 fixed point (possibly negative or ≥ 1 s): split and convert to ns.
        Int128 whole = frac >> 64;
        UInt128 rem = (UInt128)(frac - (whole << 64));
        long subNs = (long)((rem * 1_000_000_000UL) >> 64);
        Int128 total = ((Int128)TimeSec + whole) * 1_000_000_000L + subNs;
        if (total > long.MaxValue || total < long.MinValue)
            return false;
        nanoseconds = (long)total;
        return true;
    }

    /// <summary>Writes this page (tests and the simulator build pages with it).</summary>
    public void Write(Span<byte> p)
    {
        if (p.Length < MinimumLength)
            throw new ArgumentException("a vmclock page needs at least 104 bytes", nameof(p));
        p[..Math.Min(p.Length, FullLength)].Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(p[OffsetMagic..], Magic);
        BinaryPrimitives.WriteUInt32LittleEndian(p[OffsetSize..], Size);
        BinaryPrimitives.WriteUInt16LittleEndian(p[OffsetVersion..], Version);
        p[OffsetCounterId] = (byte)CounterId;
        p[OffsetTimeType] = (byte)TimeType;
        BinaryPrimitives.WriteUInt32LittleEndian(p[OffsetSeqCount..], SeqCount);
        BinaryPrimitives.WriteUInt64LittleEndian(p[OffsetDisruptionMarker..], DisruptionMarker);
        BinaryPrimitives.WriteUInt64LittleEndian(p[OffsetFlags..], (ulong)Flags);
        p[OffsetClockStatus] = (byte)ClockStatus;
        p[OffsetSmearingHint] = LeapSecondSmearingHint;
        BinaryPrimitives.WriteInt16LittleEndian(p[OffsetTaiOffsetSec..], TaiOffsetSec);
        p[OffsetLeapIndicator] = (byte)LeapIndicator;
        p[OffsetCounterPeriodShift] = CounterPeriodShift;
        BinaryPrimitives.WriteUInt64LittleEndian(p[OffsetCounterValue..], CounterValue);
        BinaryPrimitives.WriteUInt64LittleEndian(p[OffsetCounterPeriodFracSec..], CounterPeriodFracSec);
        BinaryPrimitives.WriteUInt64LittleEndian(p[OffsetPeriodEstErrorRate..], CounterPeriodEstErrorRateFracSec);
        BinaryPrimitives.WriteUInt64LittleEndian(p[OffsetPeriodMaxErrorRate..], CounterPeriodMaxErrorRateFracSec);
        BinaryPrimitives.WriteUInt64LittleEndian(p[OffsetTimeSec..], TimeSec);
        BinaryPrimitives.WriteUInt64LittleEndian(p[OffsetTimeFracSec..], TimeFracSec);
        BinaryPrimitives.WriteUInt64LittleEndian(p[OffsetTimeEstErrorNs..], TimeEstErrorNanosec);
        BinaryPrimitives.WriteUInt64LittleEndian(p[OffsetTimeMaxErrorNs..], TimeMaxErrorNanosec);
        if (p.Length >= FullLength && VmGenerationCounter is { } g)
            BinaryPrimitives.WriteUInt64LittleEndian(p[OffsetVmGenerationCounter..], g);
    }
}
