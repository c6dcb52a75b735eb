using Ptp4Net.Host.Pmc;
using Ptp4Net.Identity;
using Ptp4Net.Messages;
using Ptp4Net.Time;

namespace Ptp4Net.Tests.Pmc;

/// <summary>
/// pmc's output for each data set. The expected texts are what linuxptp 3.1.1's pmc printed for ptp4l 3.1.1's
/// responses on a veth in a test namespace (same values rebuilt here with our writer), so a script that parses
/// pmc's output parses ours.
/// </summary>
public class PmcFormatterTests
{
    private static readonly ClockIdentity Gm = new(0xde8ee2fffed9a3ccUL);
    private static readonly PortIdentity Clock0 = new(Gm, 0);
    private static readonly PortIdentity Port1 = new(Gm, 1);

    private static string Show<T>(PortIdentity source, ushort seq, in T data) where T : IManagementData<T>, allows ref struct
    {
        var buf = new byte[1500];
        int n = PtpMessageWriter.WriteManagement(buf, new PtpHeader { SourcePortIdentity = source, SequenceId = seq, ControlField = 4 },
            new ManagementBody(PortIdentity.Wildcard, 0, 0, ManagementAction.Response));
        n = PtpMessageWriter.AppendManagementTlv(buf, n, data);
        return ShowBytes(buf.AsSpan(0, n));
    }

    private static string ShowBytes(ReadOnlySpan<byte> bytes)
    {
        Assert.True(PtpMessage.TryRead(bytes, out var m, out var e), e.ToString());
        return PmcFormatter.Show(m)!;
    }

    [Fact]
    public void Default_data_set()
    {
        var dds = new ManagementDefaultDataSet
        {
            TwoStepFlag = true, NumberPorts = 1, Priority1 = 128, ClockQuality = new ClockQuality(248, (ClockAccuracy)0xfe, 0xffff),
            Priority2 = 128, ClockIdentity = Gm, DomainNumber = 0,
        };
        Assert.Equal("\tde8ee2.fffe.d9a3cc-0 seq 0 RESPONSE MANAGEMENT DEFAULT_DATA_SET \n" +
            "\t\ttwoStepFlag             1\n\t\tslaveOnly               0\n\t\tnumberPorts             1\n" +
            "\t\tpriority1               128\n\t\tclockClass              248\n\t\tclockAccuracy           0xfe\n" +
            "\t\toffsetScaledLogVariance 0xffff\n\t\tpriority2               128\n\t\tclockIdentity           de8ee2.fffe.d9a3cc\n" +
            "\t\tdomainNumber            0\n", Show(Clock0, 0, dds));
    }

    [Fact]
    public void Current_data_set_prints_ns_with_one_decimal()
    {
        var cds = new ManagementCurrentDataSet(1, TimeInterval.FromNanoseconds(37000000779), TimeInterval.FromScaled(1875 * 65536 + 32768));
        Assert.Equal("\tfa79c1.fffe.92f419-0 seq 0 RESPONSE MANAGEMENT CURRENT_DATA_SET \n" +
            "\t\tstepsRemoved     1\n\t\toffsetFromMaster 37000000779.0\n\t\tmeanPathDelay    1875.5\n",
            Show(new PortIdentity(new ClockIdentity(0xfa79c1fffe92f419UL), 0), 0, cds));
        var negative = new ManagementCurrentDataSet(1, TimeInterval.FromNanoseconds(-250), default);
        Assert.Contains("\t\toffsetFromMaster -250.0\n", Show(Clock0, 3, negative));
    }

    [Fact]
    public void Parent_data_set()
    {
        var pds = new ManagementParentDataSet
        {
            ParentPortIdentity = Clock0, ObservedParentOffsetScaledLogVariance = 0xffff, ObservedParentClockPhaseChangeRate = 0x7fffffff,
            GrandmasterPriority1 = 128, GrandmasterClockQuality = new ClockQuality(248, (ClockAccuracy)0xfe, 0xffff),
            GrandmasterPriority2 = 128, GrandmasterIdentity = Gm,
        };
        Assert.Equal("\tde8ee2.fffe.d9a3cc-0 seq 0 RESPONSE MANAGEMENT PARENT_DATA_SET \n" +
            "\t\tparentPortIdentity                    de8ee2.fffe.d9a3cc-0\n" +
            "\t\tparentStats                           0\n" +
            "\t\tobservedParentOffsetScaledLogVariance 0xffff\n" +
            "\t\tobservedParentClockPhaseChangeRate    0x7fffffff\n" +
            "\t\tgrandmasterPriority1                  128\n" +
            "\t\tgm.ClockClass                         248\n" +
            "\t\tgm.ClockAccuracy                      0xfe\n" +
            "\t\tgm.OffsetScaledLogVariance            0xffff\n" +
            "\t\tgrandmasterPriority2                  128\n" +
            "\t\tgrandmasterIdentity                   de8ee2.fffe.d9a3cc\n", Show(Clock0, 0, pds));
    }

    [Fact]
    public void Time_status_np()
    {
        var tsn = new TimeStatusNp
        {
            MasterOffset = 37000000779, IngressTime = 1795309760251067598, GmPresent = 1, GmIdentity = Gm,
            CumulativeScaledRateOffset = -(1 << 21), // -1 ppm as 2^41 scaled
            LastGmPhaseChange = new ScaledNs(((Int128)0x0001 << 80) | ((Int128)0x23456789abcdef01L << 16) | 0xbeef),
        };
        Assert.Equal("\tfa79c1.fffe.92f419-0 seq 1 RESPONSE MANAGEMENT TIME_STATUS_NP \n" +
            "\t\tmaster_offset              37000000779\n" +
            "\t\tingress_time               1795309760251067598\n" +
            "\t\tcumulativeScaledRateOffset -0.000000954\n" +
            "\t\tscaledLastGmPhaseChange    0\n" +
            "\t\tgmTimeBaseIndicator        0\n" +
            "\t\tlastGmPhaseChange          0x0001'23456789abcdef01.beef\n" +
            "\t\tgmPresent                  true\n" +
            "\t\tgmIdentity                 de8ee2.fffe.d9a3cc\n",
            Show(new PortIdentity(new ClockIdentity(0xfa79c1fffe92f419UL), 0), 1, tsn));
        Assert.Contains("cumulativeScaledRateOffset +0.000000000\n", Show(Clock0, 0, new TimeStatusNp()));
        Assert.Contains("gmPresent                  false\n", Show(Clock0, 0, new TimeStatusNp()));
    }

    [Fact]
    public void Port_data_set_names_the_state_and_shifts_the_peer_delay()
    {
        var p = new ManagementPortDataSet
        {
            PortIdentity = Port1, PortState = 4, PeerMeanPathDelay = TimeInterval.FromNanoseconds(1234), LogAnnounceInterval = 1,
            AnnounceReceiptTimeout = 3, LogSyncInterval = -4, DelayMechanism = 1, VersionNumber = 0x12,
        };
        Assert.Equal("\tde8ee2.fffe.d9a3cc-1 seq 0 RESPONSE MANAGEMENT PORT_DATA_SET \n" +
            "\t\tportIdentity            de8ee2.fffe.d9a3cc-1\n\t\tportState               LISTENING\n" +
            "\t\tlogMinDelayReqInterval  0\n\t\tpeerMeanPathDelay       1234\n\t\tlogAnnounceInterval     1\n" +
            "\t\tannounceReceiptTimeout  3\n\t\tlogSyncInterval         -4\n\t\tdelayMechanism          1\n" +
            "\t\tlogMinPdelayReqInterval 0\n\t\tversionNumber           2\n", Show(Port1, 0, p));
        Assert.Contains("portState               SLAVE\n", Show(Port1, 0, p with { PortState = 9 }));
        Assert.Contains("portState               NONE\n", Show(Port1, 0, p with { PortState = 10 }));
    }

    [Fact]
    public void Port_properties_and_data_set_np()
    {
        Assert.Equal("\tde8ee2.fffe.d9a3cc-1 seq 0 RESPONSE MANAGEMENT PORT_PROPERTIES_NP \n" +
            "\t\tportIdentity            de8ee2.fffe.d9a3cc-1\n\t\tportState               LISTENING\n" +
            "\t\ttimestamping            SOFTWARE\n\t\tinterface               iva22877\n",
            Show(Port1, 0, new PortPropertiesNp(Port1, 4, 0, "iva22877"u8)));
        Assert.Equal("\tde8ee2.fffe.d9a3cc-1 seq 0 RESPONSE MANAGEMENT PORT_DATA_SET_NP \n" +
            "\t\tneighborPropDelayThresh 20000000\n\t\tasCapable               0\n", Show(Port1, 0, new PortDataSetNp(20000000, 0)));
    }

    [Fact]
    public void Port_stats_np_in_pmcs_order()
    {
        var rx = new MessageCounters();
        var tx = new MessageCounters();
        rx[(int)MessageType.Sync] = 11;
        rx[(int)MessageType.Announce] = 5;
        rx[(int)MessageType.Management] = 2;
        tx[(int)MessageType.DelayReq] = 7;
        var text = Show(Port1, 0, new PortStatsNp(Port1, rx, tx));
        Assert.StartsWith("\tde8ee2.fffe.d9a3cc-1 seq 0 RESPONSE MANAGEMENT PORT_STATS_NP \n\t\tportIdentity              de8ee2.fffe.d9a3cc-1\n" +
            "\t\trx_Sync                   11\n\t\trx_Delay_Req              0\n", text);
        Assert.Contains("\t\trx_Announce               5\n\t\trx_Signaling              0\n\t\trx_Management             2\n" +
            "\t\ttx_Sync                   0\n\t\ttx_Delay_Req              7\n", text);
        Assert.EndsWith("\t\ttx_Management             0\n", text);
        Assert.Equal(22, text.Split('\n').Length - 1);
    }

    [Fact]
    public void Grandmaster_settings_and_time_properties()
    {
        var g = new GrandmasterSettingsNp(new ClockQuality(248, (ClockAccuracy)0xfe, 0xffff), 37, PtpFlags.PtpTimescale, (TimeSource)0xa0);
        Assert.Equal("\tde8ee2.fffe.d9a3cc-0 seq 0 RESPONSE MANAGEMENT GRANDMASTER_SETTINGS_NP \n" +
            "\t\tclockClass              248\n\t\tclockAccuracy           0xfe\n\t\toffsetScaledLogVariance 0xffff\n" +
            "\t\tcurrentUtcOffset        37\n\t\tleap61                  0\n\t\tleap59                  0\n" +
            "\t\tcurrentUtcOffsetValid   0\n\t\tptpTimescale            1\n\t\ttimeTraceable           0\n" +
            "\t\tfrequencyTraceable      0\n\t\ttimeSource              0xa0\n", Show(Clock0, 0, g));
        var tp = new ManagementTimePropertiesDataSet(37, PtpFlags.Leap61 | PtpFlags.FrequencyTraceable, (TimeSource)0xa0);
        Assert.Equal("\tde8ee2.fffe.d9a3cc-0 seq 0 RESPONSE MANAGEMENT TIME_PROPERTIES_DATA_SET \n" +
            "\t\tcurrentUtcOffset      37\n\t\tleap61                1\n\t\tleap59                0\n\t\tcurrentUtcOffsetValid 0\n" +
            "\t\tptpTimescale          0\n\t\ttimeTraceable         0\n\t\tfrequencyTraceable    1\n\t\ttimeSource            0xa0\n",
            Show(Clock0, 0, tp));
    }

    [Theory]
    [InlineData(ManagementId.Priority1, 100, "PRIORITY1 \n\t\tpriority1 100\n")]
    [InlineData(ManagementId.Domain, 24, "DOMAIN \n\t\tdomainNumber 24\n")]
    [InlineData(ManagementId.LogSyncInterval, 0xFC, "LOG_SYNC_INTERVAL \n\t\tlogSyncInterval -4\n")]
    [InlineData(ManagementId.ClockAccuracy, 0x21, "CLOCK_ACCURACY \n\t\tclockAccuracy 0x21\n")]
    [InlineData(ManagementId.TraceabilityProperties, 0x30, "TRACEABILITY_PROPERTIES \n\t\ttimeTraceable      1\n\t\tfrequencyTraceable 1\n")]
    [InlineData(ManagementId.TimescaleProperties, 0x08, "TIMESCALE_PROPERTIES \n\t\tptpTimescale 1\n")]
    [InlineData(ManagementId.VersionNumber, 0x12, "VERSION_NUMBER \n\t\tversionNumber 2\n")]
    [InlineData(ManagementId.AnnounceReceiptTimeout, 3, "ANNOUNCE_RECEIPT_TIMEOUT \n\t\tannounceReceiptTimeout 3\n")]
    [InlineData(ManagementId.SlaveOnly, 1, "SLAVE_ONLY \n\t\tslaveOnly 1\n")]
    public void One_octet_values(ManagementId id, byte value, string expected) =>
        Assert.Equal("\tde8ee2.fffe.d9a3cc-0 seq 9 RESPONSE MANAGEMENT " + expected, Show(Clock0, 9, new ManagementDatum(id, value)));

    [Fact]
    public void Empty_tlv_error_status_and_null_management()
    {
        var buf = new byte[256];
        int h = PtpMessageWriter.WriteManagement(buf, new PtpHeader { SourcePortIdentity = Port1, SequenceId = 2 },
            new ManagementBody(PortIdentity.Wildcard, 0, 0, ManagementAction.Response));
        int n = PtpMessageWriter.AppendManagementTlv(buf, h, ManagementId.CurrentDataSet, []);
        Assert.Equal("\tde8ee2.fffe.d9a3cc-1 seq 2 RESPONSE MANAGEMENT empty-tlv \n", ShowBytes(buf.AsSpan(0, n)));
        n = PtpMessageWriter.AppendManagementTlv(buf, h, ManagementId.NullManagement, []);
        Assert.Equal("\tde8ee2.fffe.d9a3cc-1 seq 2 RESPONSE MANAGEMENT \n", ShowBytes(buf.AsSpan(0, n)));
        n = PtpMessageWriter.AppendTlv(buf, h, new ManagementErrorStatusTlv(ManagementErrorId.NotSupported, ManagementId.Time));
        Assert.Equal("\tde8ee2.fffe.d9a3cc-1 seq 2 RESPONSE MANAGEMENT_ERROR_STATUS \n", ShowBytes(buf.AsSpan(0, n)));
    }

    [Fact]
    public void Clock_description_as_ptp4l_sends_it()
    {
        // ptp4l 3.1.1's reply on a veth: ordinary clock, "IEEE 802.3", the MAC, UDPv4 address, empty manufacturer,
        // ";;" descriptions, default profile.
        var data = Convert.FromHexString(
            "8000" + "0a" + Convert.ToHexString("IEEE 802.3"u8) + "0006" + "de8ee2d9a3cc" + "0001" + "0004" + "c6130701" +
            "000000" + "00" + "02" + Convert.ToHexString(";;"u8) + "02" + Convert.ToHexString(";;"u8) + "00" + "001b19000100");
        var buf = new byte[256];
        int n = PtpMessageWriter.WriteManagement(buf, new PtpHeader { SourcePortIdentity = Port1 },
            new ManagementBody(PortIdentity.Wildcard, 0, 0, ManagementAction.Response));
        n = PtpMessageWriter.AppendManagementTlv(buf, n, ManagementId.ClockDescription, data);
        Assert.Equal("\tde8ee2.fffe.d9a3cc-1 seq 0 RESPONSE MANAGEMENT CLOCK_DESCRIPTION \n" +
            "\t\tclockType             0x8000\n\t\tphysicalLayerProtocol IEEE 802.3\n\t\tphysicalAddress       de:8e:e2:d9:a3:cc\n" +
            "\t\tprotocolAddress       1 198.19.7.1\n\t\tmanufacturerId        00:00:00\n\t\tproductDescription    ;;\n" +
            "\t\trevisionData          ;;\n\t\tuserDescription       \n\t\tprofileId             00:1b:19:00:01:00\n",
            ShowBytes(buf.AsSpan(0, n)));
    }

    [Fact]
    public void Non_management_messages_are_not_shown()
    {
        var buf = new byte[64];
        int n = PtpMessageWriter.WriteSync(buf, new PtpHeader(), new SyncBody(default));
        Assert.True(PtpMessage.TryRead(buf.AsSpan(0, n), out var m, out _));
        Assert.Null(PmcFormatter.Show(m));
    }
}
