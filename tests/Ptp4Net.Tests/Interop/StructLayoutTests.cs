using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Ptp4Net.Phc;
using static Ptp4Net.Phc.Interop.Libc;

namespace Ptp4Net.Tests.Interop;

/// <summary>Sizes and offsets against docs/linux-timestamping.md (gcc on x86-64): a wrong layout fails here, not in the kernel.</summary>
public class StructLayoutTests
{
    private static int Off<T>(string field) => (int)Marshal.OffsetOf<T>(field);

    [Fact]
    public void Socket_structs_match_the_uapi()
    {
        Assert.Equal(16, Unsafe.SizeOf<Timespec>());
        Assert.Equal(16, Unsafe.SizeOf<IoVec>());
        Assert.Equal(56, Unsafe.SizeOf<MsgHdr>());
        Assert.Equal(8, Off<MsgHdr>(nameof(MsgHdr.NameLen)));
        Assert.Equal(16, Off<MsgHdr>(nameof(MsgHdr.Iov)));
        Assert.Equal(24, Off<MsgHdr>(nameof(MsgHdr.IovLen)));
        Assert.Equal(32, Off<MsgHdr>(nameof(MsgHdr.Control)));
        Assert.Equal(40, Off<MsgHdr>(nameof(MsgHdr.ControlLen)));
        Assert.Equal(48, Off<MsgHdr>(nameof(MsgHdr.Flags)));
        Assert.Equal(16, Unsafe.SizeOf<CmsgHdr>());
        Assert.Equal(48, Unsafe.SizeOf<ScmTimestamping>());
        Assert.Equal(64, CmsgSpace(48));
        Assert.Equal(64, CmsgLen(48));
        Assert.Equal(24, CmsgSpace(4));
        Assert.Equal(16, Unsafe.SizeOf<SockExtendedErr>());
        Assert.Equal(4, Off<SockExtendedErr>(nameof(SockExtendedErr.Origin)));
        Assert.Equal(8, Off<SockExtendedErr>(nameof(SockExtendedErr.Info)));
        Assert.Equal(12, Off<SockExtendedErr>(nameof(SockExtendedErr.Data)));
        Assert.Equal(16, Unsafe.SizeOf<SockaddrIn>());
        Assert.Equal(28, Unsafe.SizeOf<SockaddrIn6>());
        Assert.Equal(24, Off<SockaddrIn6>(nameof(SockaddrIn6.ScopeId)));
        Assert.Equal(20, Unsafe.SizeOf<SockaddrLl>());
        Assert.Equal(4, Off<SockaddrLl>(nameof(SockaddrLl.IfIndex)));
        Assert.Equal(10, Off<SockaddrLl>(nameof(SockaddrLl.PktType)));
        Assert.Equal(11, Off<SockaddrLl>(nameof(SockaddrLl.HaLen)));
        Assert.Equal(16, Unsafe.SizeOf<PacketMreq>());
        Assert.Equal(12, Unsafe.SizeOf<IpMreqn>());
        Assert.Equal(20, Unsafe.SizeOf<Ipv6Mreq>());
        Assert.Equal(8, Unsafe.SizeOf<SockFilter>());
        Assert.Equal(16, Unsafe.SizeOf<SockFprog>());
        Assert.Equal(12, Unsafe.SizeOf<SockaddrNl>());
        Assert.Equal(8, Unsafe.SizeOf<PollFd>());
        Assert.Equal(8, Unsafe.SizeOf<SoTimestamping>());
        Assert.Equal(4, Off<SoTimestamping>(nameof(SoTimestamping.BindPhc)));
    }

    [Fact]
    public void Ioctl_structs_match_the_uapi()
    {
        Assert.Equal(40, Unsafe.SizeOf<IfReq>());
        Assert.Equal(12, Unsafe.SizeOf<HwtstampConfig>());
        Assert.Equal(44, Unsafe.SizeOf<EthtoolTsInfo>());
        Assert.Equal(8, Off<EthtoolTsInfo>(nameof(EthtoolTsInfo.PhcIndex)));
        Assert.Equal(12, Off<EthtoolTsInfo>(nameof(EthtoolTsInfo.TxTypes)));
        Assert.Equal(28, Off<EthtoolTsInfo>(nameof(EthtoolTsInfo.RxFilters)));
    }

    [Fact]
    public void Timex_and_ptp_structs_match_the_uapi()
    {
        Assert.Equal(208, Unsafe.SizeOf<Timex>());
        Assert.Equal(16, Off<Timex>(nameof(Timex.Freq)));
        Assert.Equal(40, Off<Timex>(nameof(Timex.Status)));
        Assert.Equal(72, Off<Timex>(nameof(Timex.TimeSec)));
        Assert.Equal(80, Off<Timex>(nameof(Timex.TimeUsecOrNsec)));
        Assert.Equal(160, Off<Timex>(nameof(Timex.Tai)));
        Assert.Equal(16, Unsafe.SizeOf<PtpClockTime>());
        Assert.Equal(80, Unsafe.SizeOf<PtpClockCaps>());
        Assert.Equal(24, Off<PtpClockCaps>(nameof(PtpClockCaps.CrossTimestamping)));
        Assert.Equal(28, Off<PtpClockCaps>(nameof(PtpClockCaps.AdjustPhase)));
        Assert.Equal(32, Off<PtpClockCaps>(nameof(PtpClockCaps.MaxPhaseAdj)));
        Assert.Equal(832, Unsafe.SizeOf<PtpSysOffset>());
        Assert.Equal(16, Off<PtpSysOffset>(nameof(PtpSysOffset.Ts)));
        Assert.Equal(1216, Unsafe.SizeOf<PtpSysOffsetExtended>());
        Assert.Equal(4, Off<PtpSysOffsetExtended>(nameof(PtpSysOffsetExtended.ClockId)));
        Assert.Equal(16, Off<PtpSysOffsetExtended>(nameof(PtpSysOffsetExtended.Ts)));
        Assert.Equal(64, Unsafe.SizeOf<PtpSysOffsetPrecise>());
        Assert.Equal(16, Off<PtpSysOffsetPrecise>(nameof(PtpSysOffsetPrecise.SysRealtime)));
        Assert.Equal(32, Off<PtpSysOffsetPrecise>(nameof(PtpSysOffsetPrecise.SysMonoRaw)));
    }

    [Fact]
    public void Ptp_ioctl_numbers_match_the_table()
    {
        Assert.Equal(0x80503D01u, PTP_CLOCK_GETCAPS);
        Assert.Equal(0x43403D05u, PTP_SYS_OFFSET);
        Assert.Equal(0xC0403D08u, PTP_SYS_OFFSET_PRECISE);
        Assert.Equal(0xC4C03D09u, PTP_SYS_OFFSET_EXTENDED);
        Assert.Equal(0x80503D0Au, PTP_CLOCK_GETCAPS2);
        Assert.Equal(0x43403D0Eu, PTP_SYS_OFFSET2);
        Assert.Equal(0xC0403D11u, PTP_SYS_OFFSET_PRECISE2);
        Assert.Equal(0xC4C03D12u, PTP_SYS_OFFSET_EXTENDED2);
        Assert.Equal(0x40043D04u, PtpIoc(IocWrite, 4, sizeof(int))); // PTP_ENABLE_PPS
    }

    [Fact]
    public void Dynamic_clock_ids_follow_posix_clock()
    {
        Assert.Equal(unchecked((int)0xFFFFFFE3), FdToClockId(3));
        Assert.Equal(-37, FdToClockId(4));
        Assert.Equal(3, ClockIdToFd(FdToClockId(3)));
        Assert.Equal(1234, ClockIdToFd(FdToClockId(1234)));
    }

    [Fact]
    public void Ifreq_name_is_bounded_and_terminated()
    {
        var r = default(IfReq);
        Assert.True(r.TrySetName("eth0"));
        Assert.False(r.TrySetName("a-name-longer-than-15"));
        Assert.False(r.TrySetName(""));
        Assert.False(r.TrySetName("bad name"));
    }

    [Fact]
    public void Errno_values_are_linux_x86_64()
    {
        Assert.Equal(95, (int)Errno.EOPNOTSUPP);
        Assert.Equal(42, (int)Errno.ENOMSG);
        Assert.Equal(11, (int)Errno.EAGAIN);
        Assert.Equal(34, (int)Errno.ERANGE);
        Assert.Equal(25, (int)Errno.ENOTTY);
    }
}
