using Ptp4Net.Phc;
using Ptp4Net.Phc.Links;

namespace Ptp4Net.Tests.Linux;

/// <summary>SIOCGIFFLAGS / SIOCGIFHWADDR through <see cref="LinkState"/> on loopback (present in every namespace).</summary>
[Trait("Category", "Linux")]
public class LinkStateTests
{
    [Fact]
    public void Loopback_exists_and_is_up_and_running_with_a_zero_mac()
    {
        Assert.True(LinkState.Exists("lo"));
        Assert.True(LinkState.IsUp("lo"));
        using var state = new LinkState("lo");
        Assert.Equal(Errno.None, state.TryReadIsUp(out bool up));
        Assert.True(up);
        Span<byte> mac = [1, 1, 1, 1, 1, 1];
        Assert.Equal(Errno.None, state.TryReadMac(mac));
        Assert.Equal(new byte[6], mac.ToArray());
    }

    [Fact]
    public void An_unknown_interface_is_a_clear_error_and_reads_as_ENODEV()
    {
        string name = "p4nnosuch" + (Environment.ProcessId % 1000);
        Assert.False(LinkState.Exists(name));
        var e = Assert.Throws<LinuxException>(() => LinkState.IsUp(name));
        Assert.Equal($"interface {name} does not exist", e.Message);
        using var state = new LinkState(name);
        Assert.Equal(Errno.ENODEV, state.TryReadIsUp(out bool up));
        Assert.False(up);
        Assert.Throws<LinuxException>(() => new LinkState("a-name-far-too-long-for-ifnamsiz"));
        Assert.False(LinkState.Exists(""));
    }
}
