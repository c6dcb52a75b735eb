using System.Text;
using Ptp4Net.Identity;
using Ptp4Net.Messages;
using Ptp4Net.Time;

namespace Ptp4Net.Tests.Messages;

/// <summary>
/// MANAGEMENT TLV dataFields, hand-assembled from IEEE 1588-2019 15.5.3 and linuxptp's tlv.h / ds.h layouts,
/// each wrapped in a RESPONSE: typed read, then typed write gives the same message octets.
/// </summary>
public class ManagementDataGoldenTests
{
    private const string Pid = "001B21FFFE010203 0001";

    private static ManagementTlv Mgmt(byte[] message, ManagementId expectedId)
    {
        Assert.True(PtpMessage.TryRead(message, out var m, out var e), e.ToString());
        Assert.Equal(MessageType.Management, m.MessageType);
        Assert.Equal(ManagementAction.Response, m.Management.Action);
        Assert.True(m.TryGetFirstTlv(out var tlv));
        Assert.True(ManagementTlv.TryRead(tlv, out var mt, out e), e.ToString());
        Assert.Equal(expectedId, mt.Id);
        return mt;
    }

    private static T Read<T>(byte[] message, ManagementId id) where T : IManagementData<T>, allows ref struct
    {
        var mt = Mgmt(message, id);
        Assert.True(mt.TryGet<T>(out var v, out var e), e.ToString());
        return v;
    }

    private static void AssertBuild<T>(byte[] expected, in T data) where T : IManagementData<T>, allows ref struct
    {
        var buf = new byte[512];
        int n = PtpMessageWriter.WriteManagement(buf, TlvVectors.ManagementHeader, TlvVectors.ResponseBody);
        n = PtpMessageWriter.AppendManagementTlv(buf, n, data);
        Assert.Equal(Wire.ToHex(expected), Wire.ToHex(buf.AsSpan(0, n)));
        MessageGoldenTests.AssertRoundTrip(expected);
    }

    [Fact]
    public void DefaultDataSet()
    {
        var bytes = TlvVectors.ManagementResponse(
            "0001", "0016",   // MANAGEMENT, length 22 = 2 + 20
            "2000",           // DEFAULT_DATA_SET
            "03",             // flags: TSC (twoStep) | SO (slaveOnly)
            "00",             // reserved
            "0001",           // numberPorts 1
            "80",             // priority1 128
            "F8", "FE", "FFFF", // clockQuality 248 / unknown / 0xFFFF
            "80",             // priority2 128
            "001B21FFFE010203", // clockIdentity
            "18",             // domainNumber 24
            "00");            // reserved
        var v = Read<ManagementDefaultDataSet>(bytes, ManagementId.DefaultDataSet);
        Assert.Equal(new ManagementDefaultDataSet
        {
            TwoStepFlag = true, SlaveOnly = true, NumberPorts = 1, Priority1 = 128, ClockQuality = ClockQuality.Default,
            Priority2 = 128, ClockIdentity = new ClockIdentity(0x001B21FFFE010203), DomainNumber = 24,
        }, v);
        AssertBuild(bytes, v);
    }

    [Fact]
    public void CurrentDataSet()
    {
        var bytes = TlvVectors.ManagementResponse(
            "0001", "0014",   // MANAGEMENT, length 20 = 2 + 18
            "2001",           // CURRENT_DATA_SET
            "0001",           // stepsRemoved 1
            "FFFFFFFFFF9C0000", // offsetFromMaster -100 ns
            "00000000007B8000"); // meanPathDelay 123.5 ns
        var v = Read<ManagementCurrentDataSet>(bytes, ManagementId.CurrentDataSet);
        Assert.Equal(1, v.StepsRemoved);
        Assert.Equal(-100, v.OffsetFromMaster.WholeNanoseconds);
        Assert.Equal(123.5, v.MeanPathDelay.TotalNanoseconds);
        AssertBuild(bytes, v);
    }

    [Fact]
    public void ParentDataSet()
    {
        var bytes = TlvVectors.ManagementResponse(
            "0001", "0022",   // MANAGEMENT, length 34 = 2 + 32
            "2002",           // PARENT_DATA_SET
            "A0B0C0FFFED0E0F0", "0002", // parentPortIdentity
            "01", "00",       // PS parentStats, reserved
            "FFFF",           // observedParentOffsetScaledLogVariance
            "7FFFFFFF",       // observedParentClockPhaseChangeRate
            "7F",             // grandmasterPriority1 127
            "06", "21", "4E5D", // grandmasterClockQuality
            "80",             // grandmasterPriority2
            "A0B0C0FFFED0E0F0"); // grandmasterIdentity
        var v = Read<ManagementParentDataSet>(bytes, ManagementId.ParentDataSet);
        Assert.Equal(new PortIdentity(new ClockIdentity(0xA0B0C0FFFED0E0F0), 2), v.ParentPortIdentity);
        Assert.True(v.ParentStats);
        Assert.Equal(0xFFFF, v.ObservedParentOffsetScaledLogVariance);
        Assert.Equal(int.MaxValue, v.ObservedParentClockPhaseChangeRate);
        Assert.Equal(127, v.GrandmasterPriority1);
        Assert.Equal(new ClockQuality(6, ClockAccuracy.Within100ns, 0x4E5D), v.GrandmasterClockQuality);
        Assert.Equal(128, v.GrandmasterPriority2);
        Assert.Equal(new ClockIdentity(0xA0B0C0FFFED0E0F0), v.GrandmasterIdentity);
        AssertBuild(bytes, v);
    }

    [Fact]
    public void TimePropertiesDataSet()
    {
        var bytes = TlvVectors.ManagementResponse(
            "0001", "0006", "2003", // TIME_PROPERTIES_DATA_SET, length 6
            "0025",           // currentUtcOffset 37
            "3E",             // flags: LI-59 | UTCV | PTP | TTRA | FTRA
            "20");            // timeSource GNSS
        var v = Read<ManagementTimePropertiesDataSet>(bytes, ManagementId.TimePropertiesDataSet);
        Assert.Equal(new ManagementTimePropertiesDataSet(37,
            PtpFlags.Leap59 | PtpFlags.CurrentUtcOffsetValid | PtpFlags.PtpTimescale | PtpFlags.TimeTraceable | PtpFlags.FrequencyTraceable,
            TimeSource.Gnss), v);
        AssertBuild(bytes, v);
    }

    [Fact]
    public void PortDataSet()
    {
        var bytes = TlvVectors.ManagementResponse(
            "0001", "001C", "2004", // PORT_DATA_SET, length 28 = 2 + 26
            Pid,              // portIdentity
            "09",             // portState SLAVE
            "00",             // logMinDelayReqInterval 0
            "0000000003E80000", // peerMeanPathDelay 1000 ns
            "01",             // logAnnounceInterval 1
            "03",             // announceReceiptTimeout 3
            "00",             // logSyncInterval 0
            "02",             // delayMechanism P2P
            "00",             // logMinPdelayReqInterval 0
            "12");            // versionNumber: minor 1, version 2
        var v = Read<ManagementPortDataSet>(bytes, ManagementId.PortDataSet);
        Assert.Equal(new ManagementPortDataSet
        {
            PortIdentity = new PortIdentity(new ClockIdentity(0x001B21FFFE010203), 1), PortState = 9,
            LogMinDelayReqInterval = 0, PeerMeanPathDelay = TimeInterval.FromNanoseconds(1000), LogAnnounceInterval = 1,
            AnnounceReceiptTimeout = 3, LogSyncInterval = 0, DelayMechanism = 2, LogMinPdelayReqInterval = 0, VersionNumber = 0x12,
        }, v);
        AssertBuild(bytes, v);
    }

    [Theory]
    [InlineData(ManagementId.Priority1, "2005", "80", 128)]
    [InlineData(ManagementId.Priority2, "2006", "7F", 127)]
    [InlineData(ManagementId.Domain, "2007", "18", 24)]
    [InlineData(ManagementId.SlaveOnly, "2008", "01", 1)]
    [InlineData(ManagementId.LogAnnounceInterval, "2009", "FE", -2)]
    [InlineData(ManagementId.AnnounceReceiptTimeout, "200A", "03", 3)]
    [InlineData(ManagementId.LogSyncInterval, "200B", "FD", -3)]
    [InlineData(ManagementId.VersionNumber, "200C", "02", 2)]
    [InlineData(ManagementId.ClockAccuracy, "2010", "21", 0x21)]
    [InlineData(ManagementId.TraceabilityProperties, "2012", "30", 0x30)]
    [InlineData(ManagementId.TimescaleProperties, "2013", "08", 8)]
    [InlineData(ManagementId.DelayMechanism, "6000", "01", 1)]
    [InlineData(ManagementId.LogMinPdelayReqInterval, "6001", "00", 0)]
    [InlineData(ManagementId.SynchronizationUncertainNp, "C006", "FF", -1)]
    public void OneFieldIds(ManagementId id, string idHex, string valueHex, int expected)
    {
        var bytes = TlvVectors.ManagementResponse("0001", "0004", idHex, valueHex, "00"); // length 4: id, value, reserved
        var v = Read<ManagementDatum>(bytes, id);
        Assert.Equal(id, v.Id);
        Assert.Equal(expected, expected < 0 ? v.SignedValue : v.Value);
        AssertBuild(bytes, v);
    }

    [Fact]
    public void Time()
    {
        var bytes = TlvVectors.ManagementResponse("0001", "000C", "200F", "0000654F3A20", "0000000A"); // TIME
        var v = Read<ManagementTime>(bytes, ManagementId.Time);
        Assert.Equal(new PtpTimestamp(1699691040, 10), v.CurrentTime);
        AssertBuild(bytes, v);
    }

    [Fact]
    public void TimeWithBadNanosecondsIsAReasonNotAnException()
    {
        var bytes = TlvVectors.ManagementResponse("0001", "000C", "200F", "0000654F3A20", "3B9ACA00"); // ns = 10^9
        var mt = Mgmt(bytes, ManagementId.Time);
        Assert.False(mt.TryGet<ManagementTime>(out _, out var e));
        Assert.Equal(ParseError.TlvValueInvalid, e);
    }

    [Fact]
    public void UtcProperties()
    {
        var bytes = TlvVectors.ManagementResponse("0001", "0006", "2011", "0025", "05", "00"); // 37, LI-61 | UTCV
        var v = Read<UtcProperties>(bytes, ManagementId.UtcProperties);
        Assert.Equal(new UtcProperties(37, PtpFlags.Leap61 | PtpFlags.CurrentUtcOffsetValid), v);
        AssertBuild(bytes, v);
    }

    [Fact]
    public void TimeStatusNp()
    {
        var bytes = TlvVectors.ManagementResponse(
            "0001", "0034", "C000", // TIME_STATUS_NP, length 52 = 2 + 50
            "FFFFFFFFFFFFFFF6", // master_offset -10 ns
            "17A2B3C4D5E6F708", // ingress_time
            "00000064",       // cumulativeScaledRateOffset 100
            "FFFFFFFF",       // scaledLastGmPhaseChange -1
            "0002",           // gmTimeBaseIndicator 2
            "0000", "0000000000000005", "0000", // lastGmPhaseChange 5 ns
            "00000001",       // gmPresent 1
            "A0B0C0FFFED0E0F0"); // gmIdentity
        var v = Read<TimeStatusNp>(bytes, ManagementId.TimeStatusNp);
        Assert.Equal(-10, v.MasterOffset);
        Assert.Equal(0x17A2B3C4D5E6F708, v.IngressTime);
        Assert.Equal(100, v.CumulativeScaledRateOffset);
        Assert.Equal(-1, v.ScaledLastGmPhaseChange);
        Assert.Equal(2, v.GmTimeBaseIndicator);
        Assert.Equal(new ScaledNs(5 << 16), v.LastGmPhaseChange);
        Assert.Equal(1, v.GmPresent);
        Assert.Equal(new ClockIdentity(0xA0B0C0FFFED0E0F0), v.GmIdentity);
        AssertBuild(bytes, v);
    }

    [Fact]
    public void GrandmasterSettingsNp()
    {
        var bytes = TlvVectors.ManagementResponse(
            "0001", "000A", "C001", // GRANDMASTER_SETTINGS_NP, length 10
            "06", "21", "4E5D", // clockQuality
            "0025",           // utc_offset 37
            "0C",             // time_flags: UTCV | PTP
            "20");            // time_source GNSS
        var v = Read<GrandmasterSettingsNp>(bytes, ManagementId.GrandmasterSettingsNp);
        Assert.Equal(new GrandmasterSettingsNp(new ClockQuality(6, ClockAccuracy.Within100ns, 0x4E5D), 37,
            PtpFlags.CurrentUtcOffsetValid | PtpFlags.PtpTimescale, TimeSource.Gnss), v);
        AssertBuild(bytes, v);
    }

    [Fact]
    public void PortDataSetNp()
    {
        var bytes = TlvVectors.ManagementResponse("0001", "000A", "C002", "00004E20", "00000001"); // thresh 20000 ns, asCapable 1
        var v = Read<PortDataSetNp>(bytes, ManagementId.PortDataSetNp);
        Assert.Equal(new PortDataSetNp(20000, 1), v);
        AssertBuild(bytes, v);
    }

    [Fact]
    public void PortHwclockNp()
    {
        var bytes = TlvVectors.ManagementResponse("0001", "0012", "C009", Pid, "00000002", "01", "00"); // phc 2, vclock
        var v = Read<PortHwclockNp>(bytes, ManagementId.PortHwclockNp);
        Assert.Equal(new PortHwclockNp(new PortIdentity(new ClockIdentity(0x001B21FFFE010203), 1), 2, 1), v);
        AssertBuild(bytes, v);
    }

    [Fact]
    public void PortPropertiesNpWithInterfaceName()
    {
        var bytes = TlvVectors.ManagementResponse(
            "0001", "0014", "C004", // PORT_PROPERTIES_NP, length 20 = 2 + 10 + 1 + 1 + 1 + 4 + pad
            Pid,              // portIdentity
            "06",             // port_state MASTER
            "01",             // timestamping: hardware
            "04", "65746830", // interface PTPText "eth0"
            "00");            // pad to even
        var v = Read<PortPropertiesNp>(bytes, ManagementId.PortPropertiesNp);
        Assert.Equal(new PortIdentity(new ClockIdentity(0x001B21FFFE010203), 1), v.PortIdentity);
        Assert.Equal(6, v.PortState);
        Assert.Equal(1, v.Timestamping);
        Assert.Equal("eth0", Encoding.UTF8.GetString(v.InterfaceName));
        AssertBuild(bytes, v);
    }

    [Fact]
    public void PortPropertiesNpWithTextOverrunIsInvalid()
    {
        var bytes = TlvVectors.ManagementResponse("0001", "0010", "C004", Pid, "06", "01", "09", "00"); // text says 9, has 1
        var mt = Mgmt(bytes, ManagementId.PortPropertiesNp);
        Assert.False(mt.TryGet<PortPropertiesNp>(out _, out var e));
        Assert.Equal(ParseError.TlvValueInvalid, e);
    }

    [Fact]
    public void PortStatsNpCountersAreLittleEndian()
    {
        // rxMsgType[0] (Sync) = 0x0102 and txMsgType[11] (Announce) = 5, little-endian as linuxptp's tlv.c sends them.
        string rx = "0201000000000000" + string.Concat(Enumerable.Repeat("0000000000000000", 15));
        string tx = string.Concat(Enumerable.Repeat("0000000000000000", 11)) + "0500000000000000" + string.Concat(Enumerable.Repeat("0000000000000000", 4));
        var bytes = TlvVectors.ManagementResponse("0001", "010C", "C005", Pid, rx, tx); // length 268 = 2 + 266
        var v = Read<PortStatsNp>(bytes, ManagementId.PortStatsNp);
        Assert.Equal(new PortIdentity(new ClockIdentity(0x001B21FFFE010203), 1), v.PortIdentity);
        var rxc = v.RxMsgType;
        var txc = v.TxMsgType;
        Assert.Equal(0x0102UL, rxc[(int)MessageType.Sync]);
        Assert.Equal(5UL, txc[(int)MessageType.Announce]);
        Assert.Equal(0UL, rxc[1]);
        AssertBuild(bytes, v);
    }

    [Fact]
    public void PortServiceStatsNp()
    {
        string counters = string.Concat(Enumerable.Range(1, 10).Select(i => $"{i:X2}00000000000000")); // 1..10, little-endian
        var bytes = TlvVectors.ManagementResponse("0001", "005C", "C007", Pid, counters); // length 92 = 2 + 90
        var v = Read<PortServiceStatsNp>(bytes, ManagementId.PortServiceStatsNp);
        Assert.Equal(1UL, v.AnnounceTimeout);
        Assert.Equal(2UL, v.SyncTimeout);
        Assert.Equal(9UL, v.SyncMismatch);
        Assert.Equal(10UL, v.FollowupMismatch);
        AssertBuild(bytes, v);
    }

    [Fact]
    public void SubscribeEventsNp()
    {
        var bytes = TlvVectors.ManagementResponse(
            "0001", "0044", "C003", // SUBSCRIBE_EVENTS_NP, length 68 = 2 + 66
            "00B4",           // duration 180 s
            "03" + new string('0', 126)); // bitmask: events 0 (port state) and 1 (time sync)
        var v = Read<SubscribeEventsNp>(bytes, ManagementId.SubscribeEventsNp);
        Assert.Equal(180, v.Duration);
        Assert.True(v.Bitmask.IsSet(0));
        Assert.True(v.Bitmask.IsSet(1));
        Assert.False(v.Bitmask.IsSet(2));
        var mask = new EventBitmask();
        mask.Set(0);
        mask.Set(1);
        AssertBuild(bytes, new SubscribeEventsNp(180, mask));
    }

    [Fact]
    public void UserDescription()
    {
        var bytes = TlvVectors.ManagementResponse(
            "0001", "000C", "0002", // USER_DESCRIPTION, length 12
            "08", "6C61622D67726D31", // PTPText "lab-grm1"
            "00");            // pad
        var v = Read<UserDescription>(bytes, ManagementId.UserDescription);
        Assert.Equal("lab-grm1", Encoding.UTF8.GetString(v.Text));
        AssertBuild(bytes, v);
    }

    [Fact]
    public void ClockDescription()
    {
        var bytes = TlvVectors.ManagementResponse(
            "0001", "0034", "0001", // CLOCK_DESCRIPTION, length 52 = 2 + 49 + pad
            "8000",           // clockType: ordinary clock
            "08", "4945454538303233", // physicalLayerProtocol "IEEE8023"
            "0006", "001B21010203", // physicalAddressLength 6, physicalAddress (MAC)
            "0001", "0004", "C0A80001", // protocolAddress: UDP/IPv4, 4 octets, 192.168.0.1
            "001B21", "00",   // manufacturerIdentity, reserved
            "04", "70746634", // productDescription "ptf4"
            "03", "312E30",   // revisionData "1.0"
            "02", "6C62",     // userDescription "lb"
            "000000000000",   // profileIdentity
            "00");            // pad
        var v = Read<ClockDescription>(bytes, ManagementId.ClockDescription);
        Assert.Equal(0x8000, v.ClockType);
        Assert.Equal("IEEE8023", Encoding.UTF8.GetString(v.PhysicalLayerProtocol));
        Assert.Equal("001B21010203", Wire.ToHex(v.PhysicalAddress));
        Assert.Equal(1, v.NetworkProtocol);
        Assert.Equal("C0A80001", Wire.ToHex(v.ProtocolAddress));
        Assert.Equal(0x001B21u, v.ManufacturerIdentity);
        Assert.Equal("ptf4", Encoding.UTF8.GetString(v.ProductDescription));
        Assert.Equal("1.0", Encoding.UTF8.GetString(v.RevisionData));
        Assert.Equal("lb", Encoding.UTF8.GetString(v.UserDescription));
        Assert.Equal(6, v.ProfileIdentity.Length);
        AssertBuild(bytes, v);
    }

    [Fact]
    public void ClockDescriptionWithOverrunningAddressIsInvalid()
    {
        var bytes = TlvVectors.ManagementResponse("0001", "000A", "0001", "8000", "00", "00FF", "000000"); // physicalAddressLength 255, 3 octets left
        var mt = Mgmt(bytes, ManagementId.ClockDescription);
        Assert.False(mt.TryGet<ClockDescription>(out _, out var e));
        Assert.Equal(ParseError.TlvValueInvalid, e);
    }

    [Fact]
    public void CmldsInfoNp()
    {
        var bytes = TlvVectors.ManagementResponse(
            "0001", "0012", "C00B", // CMLDS_INFO_NP, length 18
            "0000000000C80000", // meanLinkDelay 200 ns
            "00000010",       // scaledNeighborRateRatio 16
            "00000001");      // as_capable 1
        var v = Read<CmldsInfoNp>(bytes, ManagementId.CmldsInfoNp);
        Assert.Equal(new CmldsInfoNp(TimeInterval.FromNanoseconds(200), 16, 1), v);
        AssertBuild(bytes, v);
    }

    [Fact]
    public void OtherIdsKeepTheirDataAsBytes()
    {
        var bytes = TlvVectors.ManagementResponse(
            "0001", "0012", "C00C", // PORT_CORRECTIONS_NP (no typed layout here), length 18
            "0000000000640000", "FFFFFFFFFF9C0000"); // two TimeIntervals, kept opaque
        var mt = Mgmt(bytes, ManagementId.PortCorrectionsNp);
        Assert.Equal("0000000000640000FFFFFFFFFF9C0000", Wire.ToHex(mt.Data));
        Assert.False(mt.TryGet<ManagementDatum>(out _, out var e));
        Assert.Equal(ParseError.TlvTypeMismatch, e);
        var buf = new byte[256];
        int n = PtpMessageWriter.WriteManagement(buf, TlvVectors.ManagementHeader, TlvVectors.ResponseBody);
        n = PtpMessageWriter.AppendManagementTlv(buf, n, ManagementId.PortCorrectionsNp, mt.Data);
        Assert.Equal(Wire.ToHex(bytes), Wire.ToHex(buf.AsSpan(0, n)));
        MessageGoldenTests.AssertRoundTrip(bytes);
    }
}
