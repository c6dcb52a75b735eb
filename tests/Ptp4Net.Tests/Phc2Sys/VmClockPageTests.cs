using System.Buffers.Binary;
using Ptp4Net.Phc;
using Ptp4Net.Phc.Phc2Sys;
using Ptp4Net.Phc.VmClock;
using Xunit.Abstractions;

namespace Ptp4Net.Tests.Phc2Sys;

public sealed class VmClockPageTests(ITestOutputHelper output)
{
    /// <summary>Bytes placed by hand at the vmclock_abi offsets of doc §7 (not by our writer).</summary>
    private static byte[] HandMadePage()
    {
        var p = new byte[112];
        BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(0), 0x4B4C4356);
        BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(4), 4096);
        BinaryPrimitives.WriteUInt16LittleEndian(p.AsSpan(8), 1);
        p[10] = 1; // x86 TSC
        p[11] = 1; // TAI
        BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(12), 42);
        BinaryPrimitives.WriteUInt64LittleEndian(p.AsSpan(16), 0xDEADBEEFCAFEF00D);
        BinaryPrimitives.WriteUInt64LittleEndian(p.AsSpan(24), 0x1 | 0x40 | 0x100);
        p[34] = 2; // synchronized
        p[35] = 1; // noon-linear hint
        BinaryPrimitives.WriteInt16LittleEndian(p.AsSpan(36), 37);
        p[38] = 1; // PRE_POS
        p[39] = 4;
        BinaryPrimitives.WriteUInt64LittleEndian(p.AsSpan(40), 123_456_789_000);
        BinaryPrimitives.WriteUInt64LittleEndian(p.AsSpan(48), 0x1234_5678_9ABC_DEF0);
        BinaryPrimitives.WriteUInt64LittleEndian(p.AsSpan(56), 11);
        BinaryPrimitives.WriteUInt64LittleEndian(p.AsSpan(64), 22);
        BinaryPrimitives.WriteUInt64LittleEndian(p.AsSpan(72), 1_767_225_600);
        BinaryPrimitives.WriteUInt64LittleEndian(p.AsSpan(80), 1UL << 63);
        BinaryPrimitives.WriteUInt64LittleEndian(p.AsSpan(88), 33);
        BinaryPrimitives.WriteUInt64LittleEndian(p.AsSpan(96), 44);
        BinaryPrimitives.WriteUInt64LittleEndian(p.AsSpan(104), 7);
        return p;
    }

    [Fact]
    public void Decodes_every_field_at_its_abi_offset()
    {
        Assert.True(VmClockPage.TryRead(HandMadePage(), out var p, out var e), e.ToString());
        Assert.Equal(4096u, p.Size);
        Assert.Equal(VmClockCounterId.X86Tsc, p.CounterId);
        Assert.Equal(VmClockTimeType.Tai, p.TimeType);
        Assert.Equal(42u, p.SeqCount);
        Assert.Equal(0xDEADBEEFCAFEF00D, p.DisruptionMarker);
        Assert.True(p.TaiOffsetValid);
        Assert.Equal(VmClockStatus.Synchronized, p.ClockStatus);
        Assert.Equal(1, p.LeapSecondSmearingHint);
        Assert.Equal(37, p.TaiOffsetSec);
        Assert.Equal(VmClockLeapIndicator.PrePositive, p.LeapIndicator);
        Assert.Equal(4, p.CounterPeriodShift);
        Assert.Equal(123_456_789_000UL, p.CounterValue);
        Assert.Equal(0x1234_5678_9ABC_DEF0UL, p.CounterPeriodFracSec);
        Assert.Equal(11UL, p.CounterPeriodEstErrorRateFracSec);
        Assert.Equal(22UL, p.CounterPeriodMaxErrorRateFracSec);
        Assert.Equal(1_767_225_600UL, p.TimeSec);
        Assert.Equal(1UL << 63, p.TimeFracSec);
        Assert.Equal(33UL, p.TimeEstErrorNanosec);
        Assert.Equal(44UL, p.TimeMaxErrorNanosec);
        Assert.Equal(7UL, p.VmGenerationCounter);

        var again = new byte[112];
        p.Write(again);
        Assert.Equal(HandMadePage(), again);
    }

    [Theory]
    [InlineData(0, VmClockError.TooShort)]
    [InlineData(1, VmClockError.BadMagic)]
    [InlineData(2, VmClockError.UnsupportedVersion)]
    [InlineData(3, VmClockError.BadSize)]
    [InlineData(4, VmClockError.UpdateInProgress)]
    public void Rejects_with_a_distinct_reason(int mutation, VmClockError expected)
    {
        var p = HandMadePage();
        byte[] input = p;
        switch (mutation)
        {
            case 0: input = p[..103]; break;
            case 1: p[0] ^= 1; break;
            case 2: p[8] = 2; break;
            case 3: BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(4), 64); break;
            case 4: p[12] = 43; break;
        }
        Assert.False(VmClockPage.TryRead(input, out _, out var e));
        Assert.Equal(expected, e);
    }

    [Fact]
    public void Generation_counter_only_when_flagged()
    {
        var p = HandMadePage();
        BinaryPrimitives.WriteUInt64LittleEndian(p.AsSpan(24), 0x1);
        Assert.True(VmClockPage.TryRead(p, out var page, out _));
        Assert.Null(page.VmGenerationCounter);
        Assert.True(VmClockPage.TryRead(p.AsSpan(0, 104), out page, out _));
        Assert.Null(page.VmGenerationCounter);
    }

    [Fact]
    public void Counter_to_time_uses_period_and_shift_exactly()
    {
        // 2^31 Hz counter: 2^31 ticks after counter_value is exactly one second later.
        var page = VmClockPages.Tai(counterValue: 1_000_000, timeSec: 1_000, timeFrac: 1UL << 63);
        Assert.True(page.TryTimeAt(1_000_000, out long t0));
        Assert.Equal(1_000_500_000_000L, t0);
        Assert.True(page.TryTimeAt(1_000_000 + (1UL << 31), out long t1));
        Assert.Equal(1_001_500_000_000L, t1);
        // A quarter second: 2^29 ticks, carrying the half second in time_frac_sec into the next second.
        Assert.True(page.TryTimeAt(1_000_000 + 3 * (1UL << 29), out long t2));
        Assert.Equal(1_001_250_000_000L, t2);
        // A reading before counter_value (the page published slightly ahead): negative delta.
        Assert.True(page.TryTimeAt(unchecked(1_000_000UL - (1UL << 30)), out long t3));
        Assert.Equal(1_000_000_000_000L, t3);
        // One tick is 2^-31 s = 0.465… ns: floored.
        Assert.True(page.TryTimeAt(1_000_003, out long t4));
        Assert.Equal(1_000_500_000_001L, t4);
        Assert.False((page with { CounterId = VmClockCounterId.Invalid }).TryTimeAt(1, out _));
        Assert.False((page with { CounterPeriodFracSec = 0 }).TryTimeAt(1, out _));
    }

    [Fact]
    public void Torn_read_while_the_sequence_counter_changes_is_retried()
    {
        var old = VmClockPages.Tai(1_000, 1_000, seq: 10, taiOffset: 36);
        var updated = VmClockPages.Tai(5_000, 2_000, seq: 12, taiOffset: 37);
        var src = new MemoryPageSource(VmClockPages.Bytes(old)) { TearInto = VmClockPages.Bytes(updated) };
        var reader = new VmClockSnapshotReader(src);

        Assert.True(reader.TryRead(out var page, out var e), e.ToString());
        // The first copy had seq 10 in its first half and the new fields after; seq read after the copy was 12.
        Assert.Equal(2, reader.LastAttempts);
        Assert.Equal(1, reader.Retries);
        Assert.Equal(12u, page.SeqCount);
        Assert.Equal(37, page.TaiOffsetSec);
        Assert.Equal(2_000UL, page.TimeSec);
        Assert.Equal(5_000UL, page.CounterValue);
    }

    [Fact]
    public void Odd_sequence_means_update_in_progress_and_is_waited_out()
    {
        var final = VmClockPages.Tai(9, 9, seq: 14);
        var inProgress = VmClockPages.Bytes(VmClockPages.Tai(9, 9, seq: 13));
        var src = new MemoryPageSource(inProgress);
        src.OnSeqRead.Enqueue(inProgress);
        src.OnSeqRead.Enqueue(inProgress);
        src.OnSeqRead.Enqueue(VmClockPages.Bytes(final));
        var reader = new VmClockSnapshotReader(src);
        Assert.True(reader.TryRead(out var page, out _));
        Assert.Equal(14u, page.SeqCount);
        Assert.Equal(3, reader.LastAttempts);
    }

    [Fact]
    public void A_page_that_never_settles_fails_after_the_bound()
    {
        var src = new MemoryPageSource(VmClockPages.Bytes(VmClockPages.Tai(1, 1, seq: 11)));
        var reader = new VmClockSnapshotReader(src, maxAttempts: 8);
        Assert.False(reader.TryRead(out _, out var e));
        Assert.Equal(VmClockError.NoConsistentSnapshot, e);
        Assert.Equal(8, reader.LastAttempts);
        Assert.Equal(0, src.FullReads);
    }

    [Fact]
    public void Utc_information_from_the_page()
    {
        var info = VmClockUtcInfoProvider.From(VmClockPages.Tai(1, 1, taiOffset: 37, leap: VmClockLeapIndicator.PrePositive));
        Assert.Equal(new UtcInfo(37, 1, true, true, UtcOrigin.VmClock, LeapScope.EndOfMonth), info);
        // An end-of-month notice counts only on the last day of the month.
        long jun15 = new DateTimeOffset(2015, 6, 15, 12, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds() * 1_000_000_000L;
        long jun30 = new DateTimeOffset(2015, 6, 30, 12, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds() * 1_000_000_000L;
        Assert.Equal(0, info.LeapForDayOf(jun15));
        Assert.Equal(1, info.LeapForDayOf(jun30));

        var invalid = VmClockPages.Tai(1, 1) with { Flags = VmClockFlags.None };
        Assert.Equal(new UtcInfo(0, 0, false, false, UtcOrigin.VmClock), VmClockUtcInfoProvider.From(invalid));
        Assert.Equal(-1, VmClockUtcInfoProvider.From(VmClockPages.Tai(1, 1, leap: VmClockLeapIndicator.PreNegative)).Leap);
        Assert.Equal(1, VmClockUtcInfoProvider.From(VmClockPages.Tai(1, 1, leap: VmClockLeapIndicator.Positive)).LeapForDayOf(jun15));
        Assert.Equal(0, VmClockUtcInfoProvider.From(VmClockPages.Tai(1, 1, leap: VmClockLeapIndicator.PostPositive)).Leap);
        Assert.False(VmClockUtcInfoProvider.From(VmClockPages.Tai(1, 1, status: VmClockStatus.FreeRunning)).Traceable);
    }

    [Fact]
    public void Device_reader_opens_read_only_and_reports_missing_devices()
    {
        Assert.Equal(3, VmClockDevice.IndexOf("/dev/vmclock3"));
        Assert.Equal(-1, VmClockDevice.IndexOf("/dev/ptp0"));
        Assert.Throws<LinuxException>(() => VmClockDevice.Open("/dev/vmclock-does-not-exist"));
        if (!File.Exists("/dev/vmclock0"))
        {
            output.WriteLine("no /dev/vmclock0 on this machine (needs a VM with the vmclock device): the real page read is not exercised");
            return;
        }
        using var dev = VmClockDevice.Open("/dev/vmclock0");
        Assert.True(new VmClockSnapshotReader(dev).TryRead(out var page, out var e), e.ToString());
        output.WriteLine($"/dev/vmclock0: {page}");
    }
}
