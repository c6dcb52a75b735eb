using Ptp4Net.Phc;
using Ptp4Net.Phc.Clocks;
using Ptp4Net.Phc.Phc2Sys;

namespace Ptp4Net.Tests.Phc2Sys;

/// <summary>Pure PHCs are sources only: as a target they are refused, with the reason named.</summary>
public sealed class Phc2SysTargetPolicyTests
{
    private static SimulatedPhc Sim(int maxAdj, string? name) =>
        new(new SimulatedTime(0), new SimulatedPhcOptions { MaxAdjPpb = maxAdj, ClockName = name, Index = 4 });

    [Theory]
    [InlineData(0, "sim", "max_adj is 0")]
    [InlineData(500_000, "vmclock0", "vmclock")]
    [InlineData(500_000, "KVM virtual PTP", "ptp_kvm")]
    [InlineData(500_000, "hyperv", "Hyper-V")]
    public void Pure_phc_as_target_is_refused_naming_why(int maxAdj, string name, string why)
    {
        var pure = Sim(maxAdj, name);
        string? reason = Phc2SysTargetPolicy.RefusalReason(pure, measureOnly: false);
        Assert.NotNull(reason);
        Assert.Contains("/dev/ptp4 cannot be the phc2sys target", reason);
        Assert.Contains(why, reason);
        Assert.Contains("time source only", reason);
        // Even measuring only: it is not a target at all.
        Assert.NotNull(Phc2SysTargetPolicy.RefusalReason(pure, measureOnly: true));
        // And the check from capabilities alone agrees (what the command sees after PTP_CLOCK_GETCAPS).
        Assert.NotNull(Phc2SysTargetPolicy.RefusalReason("/dev/ptp4", pure.Capabilities, name));
        // It still works as a source.
        Assert.Equal(Ptp4Net.Phc.Errno.None, ((ICrossTimestampSource)pure).TryRead(3, out _));
        // And refuses steering if asked anyway.
        Assert.Equal(ClockStatus.NotSteerable, pure.SetFrequencyPpb(1).Status);
    }

    [Fact]
    public void Steerable_targets_are_accepted()
    {
        Assert.Null(Phc2SysTargetPolicy.RefusalReason(Sim(500_000, "sim NIC"), measureOnly: false));
        var emulated = new EmulatedClock(new SimulatedTime(0), new EmulatedClockOptions { EmulatedClock = true });
        Assert.Null(Phc2SysTargetPolicy.RefusalReason(new KernelLeapClock(emulated), measureOnly: false));
    }

    [Fact]
    public void A_read_only_system_clock_is_refused_unless_measuring()
    {
        var rt = SystemRealtimeClock.ReadOnly();
        Assert.Contains("CLOCK_REALTIME cannot be the phc2sys target", Phc2SysTargetPolicy.RefusalReason(rt, measureOnly: false));
        Assert.Null(Phc2SysTargetPolicy.RefusalReason(rt, measureOnly: true));
    }

    /// <summary>A real <see cref="PhcClock"/> object over /dev/null (read-only; no PHC here, no clock call is made).</summary>
    private static PhcClock FakePhc(PhcCapabilities caps, string name)
    {
        int fd = Ptp4Net.Phc.Interop.Libc.Open("/dev/null", Ptp4Net.Phc.Interop.Libc.O_RDONLY | Ptp4Net.Phc.Interop.Libc.O_CLOEXEC);
        Assert.True(fd >= 0);
        var h = new SafePtpDeviceFd();
        h.SetFd(fd);
        return new PhcClock(h, 7, name, caps, writable: true);
    }

    [Theory]
    [InlineData(0, "vmclock0", "vmclock")]
    [InlineData(0, "KVM virtual PTP", "ptp_kvm")]
    [InlineData(0, "hyperv", "Hyper-V")]
    [InlineData(0, "some cloud clock", "max_adj is 0")]
    public void Pure_phc_device_as_target_is_refused(int maxAdj, string name, string why)
    {
        using var phc = FakePhc(new PhcCapabilities(maxAdj, 0, 0, 0, false, 0, true, false, 0), name);
        string? reason = Phc2SysTargetPolicy.RefusalReason(phc, measureOnly: false);
        Assert.NotNull(reason);
        Assert.StartsWith("/dev/ptp7 cannot be the phc2sys target", reason);
        Assert.Contains(why, reason);
        Assert.Contains("use it with -s", reason);
    }

    [Fact]
    public void Steerable_phc_device_is_accepted()
    {
        using var phc = FakePhc(new PhcCapabilities(62_499_999, 0, 0, 0, false, 0, false, false, 0), "igc ptp");
        Assert.Null(Phc2SysTargetPolicy.RefusalReason(phc, measureOnly: false));
    }
}
