using Ptp4Net.Identity;
using Ptp4Net.Messages;

namespace Ptp4Net.Tests.Messages;

/// <summary>
/// Responses captured from a real ptp4l (Debian linuxptp 3.1.1, slaveOnly 1, domain 93, on lo, whose clock
/// identity is 000000.fffe.000000) to GET requests on its Unix management socket.
/// </summary>
public class LinuxptpPtp4lVectorTests
{
    private static ManagementTlv Response(byte[] bytes)
    {
        Assert.True(PtpMessage.TryRead(bytes, out var m, out var e), e.ToString());
        Assert.Equal(MessageType.Management, m.MessageType);
        Assert.Equal(93, m.Header.DomainNumber);
        Assert.Equal(ManagementAction.Response, m.Management.Action);
        Assert.True(m.TryGetFirstTlv(out var tlv));
        Assert.True(ManagementTlv.TryRead(tlv, out var mt, out e), e.ToString());
        return mt;
    }

    [Fact]
    public void SlaveOnlyUsesLinuxptpsBit()
    {
        var mt = Response(Convert.FromHexString(
            "0d0200385d000000000000000000000000000000000000fffe00000000000001047f00000000000000000000000002000001000420080200"));
        Assert.True(mt.TryGet<ManagementDatum>(out var d, out _));
        Assert.Equal(ManagementId.SlaveOnly, d.Id);
        Assert.Equal(ManagementDatum.LinuxptpSlaveOnlyBit, d.Value);
        Assert.True(d.IsSlaveOnly);
        Assert.Equal(d, ManagementDatum.SlaveOnly(true));
        Assert.False(ManagementDatum.SlaveOnly(false).IsSlaveOnly);
    }

    [Fact]
    public void DefaultDataSet()
    {
        var mt = Response(Convert.FromHexString(
            "0d02004a5d000000000000000000000000000000000000fffe00000000000001047f00000000000000000000000002000001001620000300000180fffeffff80000000fffe0000005d00"));
        Assert.True(mt.TryGet<ManagementDefaultDataSet>(out var d, out _));
        Assert.Equal(new ManagementDefaultDataSet
        {
            // A slave-only clock announces class 255 (ptp4l sets it so).
            TwoStepFlag = true, SlaveOnly = true, NumberPorts = 1, Priority1 = 128,
            ClockQuality = new ClockQuality(255, ClockAccuracy.Unknown, 0xFFFF),
            Priority2 = 128, ClockIdentity = new ClockIdentity(0x000000FFFE000000), DomainNumber = 93,
        }, d);
    }

    [Fact]
    public void UnsupportedIdComesBackAsErrorStatus()
    {
        var bytes = Convert.FromHexString(
            "0d02003c5d000000000000000000000000000000000000fffe00000000010001047f0000000000000000000000000200000200080002300100000000");
        Assert.True(PtpMessage.TryRead(bytes, out var m, out var e), e.ToString());
        Assert.True(m.TryGetFirstTlv(out var tlv));
        Assert.True(ManagementErrorStatusTlv.TryRead(tlv, out var status, out _));
        Assert.Equal(ManagementErrorId.NoSuchId, status.ErrorId);
        Assert.Equal(ManagementId.MasterOnly, status.ManagementId);
    }
}
