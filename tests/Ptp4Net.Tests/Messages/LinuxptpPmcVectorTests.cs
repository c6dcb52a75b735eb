using Ptp4Net.Identity;
using Ptp4Net.Messages;

namespace Ptp4Net.Tests.Messages;

/// <summary>
/// Requests captured from the real linuxptp pmc (Debian linuxptp 3.1.1) over a Unix socket:
/// <c>pmc -u -b 0 'GET CURRENT_DATA_SET' 'GET TIME_STATUS_NP' 'SET PRIORITY1 100' 'GET PORT_STATS_NP'</c> and
/// <c>pmc -z -u -b 0 'GET CURRENT_DATA_SET'</c>. pmc fills sourcePortIdentity with zeros and its process id.
/// </summary>
public class LinuxptpPmcVectorTests
{
    [Theory]
    // GET CURRENT_DATA_SET: pmc sends a zero-filled dataField of the data set's size (18 octets).
    [InlineData("0d0200480000000000000000000000000000000000000000000000003b190000047fffffffffffffffffffff00000000000100142001000000000000000000000000000000000000",
        ManagementAction.Get, ManagementId.CurrentDataSet, 18, 0)]
    // GET TIME_STATUS_NP: 50 zero octets.
    [InlineData("0d0200680000000000000000000000000000000000000000000000003b190001047fffffffffffffffffffff0000000000010034c0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
        ManagementAction.Get, ManagementId.TimeStatusNp, 50, 1)]
    // SET PRIORITY1 100: value 0x64; pmc leaves the reserved octet uninitialised (0x68 here).
    [InlineData("0d0200380000000000000000000000000000000000000000000000003b190002047fffffffffffffffffffff000001000001000420056468",
        ManagementAction.Set, ManagementId.Priority1, 2, 2)]
    // GET PORT_STATS_NP: no dataField.
    [InlineData("0d0200360000000000000000000000000000000000000000000000003b190003047fffffffffffffffffffff0000000000010002c005",
        ManagementAction.Get, ManagementId.PortStatsNp, 0, 3)]
    // pmc -z GET CURRENT_DATA_SET: no dataField.
    [InlineData("0d0200360000000000000000000000000000000000000000000000003b1b0000047fffffffffffffffffffff00000000000100022001",
        ManagementAction.Get, ManagementId.CurrentDataSet, 0, 0)]
    public void PmcRequestsParse(string hex, ManagementAction action, ManagementId id, int dataLength, int sequenceId)
    {
        var bytes = Convert.FromHexString(hex);
        Assert.True(PtpMessage.TryRead(bytes, out var m, out var e), e.ToString());
        Assert.Equal(MessageType.Management, m.MessageType);
        Assert.Equal(sequenceId, m.Header.SequenceId);
        Assert.Equal(4, m.Header.ControlField);
        Assert.Equal(new ClockIdentity(0), m.Header.SourcePortIdentity.ClockIdentity);
        var body = m.Management;
        Assert.Equal(PortIdentity.Wildcard, body.TargetPortIdentity);
        Assert.Equal(0, body.StartingBoundaryHops);
        Assert.Equal(0, body.BoundaryHops);
        Assert.Equal(action, body.Action);
        Assert.True(m.TryGetFirstTlv(out var tlv));
        Assert.True(ManagementTlv.TryRead(tlv, out var mt, out e), e.ToString());
        Assert.Equal(id, mt.Id);
        Assert.Equal(dataLength, mt.Data.Length);
        var buf = new byte[256];
        int n = PtpMessageWriter.WriteManagement(buf, m.Header, body);
        var expected = (byte[])bytes.Clone();
        if (id == ManagementId.Priority1)
        {
            Assert.True(mt.TryGet<ManagementDatum>(out var d, out _));
            Assert.Equal(100, d.Value);
            // Typed write: the same request except for pmc's uninitialised reserved octet, which we zero.
            n = PtpMessageWriter.AppendManagementTlv(buf, n, d);
            expected[^1] = 0;
        }
        else
        {
            n = PtpMessageWriter.AppendManagementTlv(buf, n, mt.Id, mt.Data);
        }
        Assert.Equal(Wire.ToHex(expected), Wire.ToHex(buf.AsSpan(0, n)));
    }
}
