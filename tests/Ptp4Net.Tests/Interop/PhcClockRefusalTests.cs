using Ptp4Net.Phc;
using Ptp4Net.Phc.Clocks;
using Ptp4Net.Time;

namespace Ptp4Net.Tests.Interop;

/// <summary>
/// A pure PHC's refusal is decided before any kernel call. The "device" here is /dev/null opened read-only:
/// no PHC exists on this machine, and no clock is adjusted — a read-only clock never reaches clock_adjtime.
/// </summary>
public class PhcClockRefusalTests
{
    private static PhcClock Fake(PhcCapabilities caps, string name)
    {
        int fd = Ptp4Net.Phc.Interop.Libc.Open("/dev/null", Ptp4Net.Phc.Interop.Libc.O_RDONLY | Ptp4Net.Phc.Interop.Libc.O_CLOEXEC);
        Assert.True(fd >= 0);
        var h = new SafePtpDeviceFd();
        h.SetFd(fd);
        return new PhcClock(h, 42, name, caps, writable: true);
    }

    [Fact]
    public void Kvm_clock_refuses_every_steering_call_with_the_reason()
    {
        using var c = Fake(new PhcCapabilities(0, 0, 0, 0, false, 0, true, false, 0), "KVM virtual PTP");
        Assert.False(c.CanSteer);
        Assert.Equal(ClockStatus.NotSteerable, c.Step(Duration.FromSeconds(1)).Status);
        Assert.Equal(ClockStatus.NotSteerable, c.SetFrequencyPpb(10).Status);
        Assert.Equal(ClockStatus.NotSteerable, c.AdjustPhase(Duration.FromNanoseconds(5)).Status);
        Assert.Equal(ClockStatus.NotSteerable, c.SetTime(PtpTimestamp.FromNanoseconds(1)).Status);
        var ex = Assert.Throws<LinuxException>(c.RequireSteerable);
        Assert.Contains("/dev/ptp42 cannot be steered", ex.Message);
        Assert.Contains("ptp_kvm", ex.Message);
        Assert.Contains("phc2sys -s", ex.Message);
        Assert.Contains("ptp_kvm", c.Step(Duration.Zero).Describe(c));
        Assert.False(c.TryMapSoftwareTimestamp(1, out _));
        Assert.Equal(Ptp4Net.Phc.Interop.Libc.FdToClockId(c.Handle.Fd), c.ClockId);
    }

    [Fact]
    public void Out_of_range_frequency_and_unsupported_phase_are_refused_before_the_kernel()
    {
        // Steerable caps, but every request here is outside them, so no clock_adjtime happens.
        using var c = Fake(new PhcCapabilities(1000, 0, 0, 0, false, 0, false, false, 0), "test");
        Assert.True(c.CanSteer);
        Assert.Equal(ClockStatus.OutOfRange, c.SetFrequencyPpb(1000.5).Status);
        Assert.Equal(ClockStatus.OutOfRange, c.SetFrequencyPpb(double.NaN).Status);
        Assert.Equal(ClockStatus.NotSupported, c.AdjustPhase(Duration.FromNanoseconds(100)).Status);
        Assert.Equal(1000, c.MaxFrequencyPpb);
    }
}
