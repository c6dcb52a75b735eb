using Ptp4Net.Identity;

namespace Ptp4Net.Tests.Identity;

public class IdentityTests
{
    [Fact]
    public void Clock_identity_formats_like_linuxptp_and_parses_back()
    {
        var id = ClockIdentity.FromMac([0x00, 0x11, 0x22, 0x33, 0x44, 0x55]);
        Assert.Equal("001122.fffe.334455", id.ToString());
        Assert.True(ClockIdentity.TryParse("001122.fffe.334455", out var back));
        Assert.Equal(id, back);
        Assert.True(ClockIdentity.TryParse("00:11:22:ff:fe:33:44:55", out back));
        Assert.Equal(id, back);
        Assert.False(ClockIdentity.TryParse("001122.fffe.3344", out _));
        Assert.False(ClockIdentity.TryParse("001122.fffe.33445g", out _));
    }

    [Fact]
    public void Clock_identity_orders_as_an_octet_string()
    {
        var lo = new ClockIdentity(0x00FF_FFFF_FFFF_FFFF);
        var hi = new ClockIdentity(0x8000_0000_0000_0000);
        Assert.True(lo < hi);
        Span<byte> b = stackalloc byte[8];
        hi.Write(b);
        Assert.Equal(0x80, b[0]);
    }

    [Fact]
    public void Port_identity_round_trips()
    {
        var p = new PortIdentity(new ClockIdentity(0x0011_22FF_FE33_4455), 0x0102);
        Span<byte> b = stackalloc byte[10];
        p.Write(b);
        Assert.Equal(new byte[] { 0x00, 0x11, 0x22, 0xFF, 0xFE, 0x33, 0x44, 0x55, 0x01, 0x02 }, b.ToArray());
        Assert.Equal(p, PortIdentity.Read(b));
        Assert.Equal("001122.fffe.334455-258", p.ToString());
        Assert.True(PortIdentity.TryParse("001122.fffe.334455-258", out var q));
        Assert.Equal(p, q);
        Assert.True(PortIdentity.Wildcard.IsWildcardOf(p));
        Assert.False(new PortIdentity(p.ClockIdentity, 1).IsWildcardOf(p));
    }

    [Fact]
    public void Clock_quality_round_trips()
    {
        var q = new ClockQuality(6, ClockAccuracy.Within100ns, 0x4E5D);
        Span<byte> b = stackalloc byte[4];
        q.Write(b);
        Assert.Equal(new byte[] { 6, 0x21, 0x4E, 0x5D }, b.ToArray());
        Assert.Equal(q, ClockQuality.Read(b));
    }
}
