using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Text;
using Ptp4Net.Identity;
using Ptp4Net.Messages;

namespace Ptp4Net.Host.Pmc;

/// <summary>
/// Prints a received management message exactly as linuxptp's pmc does (pmc.c pmc_show): a line
/// "\t{sourcePortIdentity} seq {sequenceId} {action} MANAGEMENT {ID} " and then one "\n\t\tname value" per field,
/// with pmc's field names, padding and number formats (hex widths, offsets in ns from scaled ns with one
/// decimal, port states by name), so that scripts written against pmc's output read ours unchanged.
/// </summary>
public static class PmcFormatter
{
    private const string Ifmt = "\n\t\t";
    private const double P41 = 2199023255552.0; // 2^41: cumulativeScaledRateOffset's scale
    private const byte MajorVersionMask = 0x0F;
    private const int MaxPrintBytes = 16;

    private static readonly string[] PortStateNames =
        ["NONE", "INITIALIZING", "FAULTY", "DISABLED", "LISTENING", "PRE_MASTER", "MASTER", "PASSIVE", "UNCALIBRATED", "SLAVE"];

    /// <summary>pmc's text for a received message, or null for a message pmc does not show (not management).</summary>
    public static string? Show(in PtpMessage msg)
    {
        if (msg.MessageType != MessageType.Management) return null;
        var body = msg.Management;
        var sb = new StringBuilder(256);
        sb.Append('\t').Append(msg.Header.SourcePortIdentity.ToString()).Append(" seq ")
          .Append(msg.Header.SequenceId.ToString(CultureInfo.InvariantCulture)).Append(' ')
          .Append(PmcInterpreter.ActionName(body.Action)).Append(' ');
        if (msg.TlvCount == 1 && msg.TryGetFirstTlv(out var tlv))
            AppendTlv(sb, tlv);
        sb.Append('\n');
        return sb.ToString();
    }

    private static void AppendTlv(StringBuilder sb, Tlv tlv)
    {
        if (tlv.Type == TlvType.ManagementErrorStatus)
        {
            sb.Append("MANAGEMENT_ERROR_STATUS ");
            return;
        }
        if (tlv.Type != TlvType.Management || !ManagementTlv.TryRead(tlv, out var mgt, out _))
        {
            sb.Append("unknown-tlv ");
            return;
        }
        sb.Append("MANAGEMENT ");
        if (mgt.Data.IsEmpty && mgt.Id != ManagementId.NullManagement)
        {
            sb.Append("empty-tlv ");
            return;
        }
        AppendData(sb, mgt);
    }

    private static void AppendData(StringBuilder sb, ManagementTlv mgt)
    {
        var inv = CultureInfo.InvariantCulture;
        var d = mgt.Data;
        void F(string name, string value) => sb.Append(Ifmt).Append(name).Append(value);
        switch (mgt.Id)
        {
            case ManagementId.ClockDescription:
                AppendClockDescription(sb, d);
                break;
            case ManagementId.UserDescription:
                sb.Append("USER_DESCRIPTION ");
                F("userDescription  ", PtpText(d, 0, out _));
                break;
            case ManagementId.DefaultDataSet when mgt.TryGet<ManagementDefaultDataSet>(out var dds, out _):
                sb.Append("DEFAULT_DATA_SET ");
                F("twoStepFlag             ", dds.TwoStepFlag ? "1" : "0");
                F("slaveOnly               ", dds.SlaveOnly ? "1" : "0");
                F("numberPorts             ", dds.NumberPorts.ToString(inv));
                F("priority1               ", dds.Priority1.ToString(inv));
                F("clockClass              ", dds.ClockQuality.ClockClass.ToString(inv));
                F("clockAccuracy           ", Hex2((byte)dds.ClockQuality.ClockAccuracy));
                F("offsetScaledLogVariance ", Hex4(dds.ClockQuality.OffsetScaledLogVariance));
                F("priority2               ", dds.Priority2.ToString(inv));
                F("clockIdentity           ", dds.ClockIdentity.ToString());
                F("domainNumber            ", dds.DomainNumber.ToString(inv));
                break;
            case ManagementId.CurrentDataSet when mgt.TryGet<ManagementCurrentDataSet>(out var cds, out _):
                sb.Append("CURRENT_DATA_SET ");
                F("stepsRemoved     ", ((short)cds.StepsRemoved).ToString(inv));
                F("offsetFromMaster ", (cds.OffsetFromMaster.ScaledNanoseconds / 65536.0).ToString("F1", inv));
                F("meanPathDelay    ", (cds.MeanPathDelay.ScaledNanoseconds / 65536.0).ToString("F1", inv));
                break;
            case ManagementId.ParentDataSet when mgt.TryGet<ManagementParentDataSet>(out var pds, out _):
                sb.Append("PARENT_DATA_SET ");
                F("parentPortIdentity                    ", pds.ParentPortIdentity.ToString());
                F("parentStats                           ", pds.ParentStats ? "1" : "0");
                F("observedParentOffsetScaledLogVariance ", Hex4(pds.ObservedParentOffsetScaledLogVariance));
                F("observedParentClockPhaseChangeRate    ", "0x" + ((uint)pds.ObservedParentClockPhaseChangeRate).ToString("x8", inv));
                F("grandmasterPriority1                  ", pds.GrandmasterPriority1.ToString(inv));
                F("gm.ClockClass                         ", pds.GrandmasterClockQuality.ClockClass.ToString(inv));
                F("gm.ClockAccuracy                      ", Hex2((byte)pds.GrandmasterClockQuality.ClockAccuracy));
                F("gm.OffsetScaledLogVariance            ", Hex4(pds.GrandmasterClockQuality.OffsetScaledLogVariance));
                F("grandmasterPriority2                  ", pds.GrandmasterPriority2.ToString(inv));
                F("grandmasterIdentity                   ", pds.GrandmasterIdentity.ToString());
                break;
            case ManagementId.TimePropertiesDataSet when mgt.TryGet<ManagementTimePropertiesDataSet>(out var tp, out _):
                sb.Append("TIME_PROPERTIES_DATA_SET ");
                F("currentUtcOffset      ", tp.CurrentUtcOffset.ToString(inv));
                F("leap61                ", Bit(tp.Flags, PtpFlags.Leap61));
                F("leap59                ", Bit(tp.Flags, PtpFlags.Leap59));
                F("currentUtcOffsetValid ", Bit(tp.Flags, PtpFlags.CurrentUtcOffsetValid));
                F("ptpTimescale          ", Bit(tp.Flags, PtpFlags.PtpTimescale));
                F("timeTraceable         ", Bit(tp.Flags, PtpFlags.TimeTraceable));
                F("frequencyTraceable    ", Bit(tp.Flags, PtpFlags.FrequencyTraceable));
                F("timeSource            ", Hex2((byte)tp.TimeSource));
                break;
            case ManagementId.Priority1: Datum(sb, "PRIORITY1 ", "priority1 ", d[0].ToString(inv)); break;
            case ManagementId.Priority2: Datum(sb, "PRIORITY2 ", "priority2 ", d[0].ToString(inv)); break;
            case ManagementId.Domain: Datum(sb, "DOMAIN ", "domainNumber ", d[0].ToString(inv)); break;
            case ManagementId.SlaveOnly: Datum(sb, "SLAVE_ONLY ", "slaveOnly ", d[0].ToString(inv)); break;
            case ManagementId.ClockAccuracy: Datum(sb, "CLOCK_ACCURACY ", "clockAccuracy ", Hex2(d[0])); break;
            case ManagementId.TraceabilityProperties:
                sb.Append("TRACEABILITY_PROPERTIES ");
                F("timeTraceable      ", Bit((PtpFlags)d[0], PtpFlags.TimeTraceable));
                F("frequencyTraceable ", Bit((PtpFlags)d[0], PtpFlags.FrequencyTraceable));
                break;
            case ManagementId.TimescaleProperties:
                Datum(sb, "TIMESCALE_PROPERTIES ", "ptpTimescale ", Bit((PtpFlags)d[0], PtpFlags.PtpTimescale));
                break;
            case ManagementId.MasterOnly: Datum(sb, "MASTER_ONLY ", "masterOnly ", d[0].ToString(inv)); break;
            case ManagementId.TimeStatusNp when mgt.TryGet<TimeStatusNp>(out var tsn, out _):
                sb.Append("TIME_STATUS_NP ");
                F("master_offset              ", tsn.MasterOffset.ToString(inv));
                F("ingress_time               ", tsn.IngressTime.ToString(inv));
                F("cumulativeScaledRateOffset ", Plus((tsn.CumulativeScaledRateOffset + 0.0) / P41, "F9"));
                F("scaledLastGmPhaseChange    ", tsn.ScaledLastGmPhaseChange.ToString(inv));
                F("gmTimeBaseIndicator        ", tsn.GmTimeBaseIndicator.ToString(inv));
                // lastGmPhaseChange (ScaledNs at octet 26): nanoseconds msb (2), lsb (8), fractional (2).
                F("lastGmPhaseChange          ", "0x" + BinaryPrimitives.ReadUInt16BigEndian(d[26..]).ToString("x4", inv) + "'"
                    + BinaryPrimitives.ReadUInt64BigEndian(d[28..]).ToString("x16", inv) + "."
                    + BinaryPrimitives.ReadUInt16BigEndian(d[36..]).ToString("x4", inv));
                F("gmPresent                  ", tsn.GmPresent != 0 ? "true" : "false");
                F("gmIdentity                 ", tsn.GmIdentity.ToString());
                break;
            case ManagementId.GrandmasterSettingsNp when mgt.TryGet<GrandmasterSettingsNp>(out var gsn, out _):
                sb.Append("GRANDMASTER_SETTINGS_NP ");
                F("clockClass              ", gsn.ClockQuality.ClockClass.ToString(inv));
                F("clockAccuracy           ", Hex2((byte)gsn.ClockQuality.ClockAccuracy));
                F("offsetScaledLogVariance ", Hex4(gsn.ClockQuality.OffsetScaledLogVariance));
                F("currentUtcOffset        ", gsn.UtcOffset.ToString(inv));
                F("leap61                  ", Bit(gsn.TimeFlags, PtpFlags.Leap61));
                F("leap59                  ", Bit(gsn.TimeFlags, PtpFlags.Leap59));
                F("currentUtcOffsetValid   ", Bit(gsn.TimeFlags, PtpFlags.CurrentUtcOffsetValid));
                F("ptpTimescale            ", Bit(gsn.TimeFlags, PtpFlags.PtpTimescale));
                F("timeTraceable           ", Bit(gsn.TimeFlags, PtpFlags.TimeTraceable));
                F("frequencyTraceable      ", Bit(gsn.TimeFlags, PtpFlags.FrequencyTraceable));
                F("timeSource              ", Hex2((byte)gsn.TimeSource));
                break;
            case ManagementId.SubscribeEventsNp when mgt.TryGet<SubscribeEventsNp>(out var sen, out _):
                sb.Append("SUBSCRIBE_EVENTS_NP ");
                F("duration               ", sen.Duration.ToString(inv));
                F("NOTIFY_PORT_STATE      ", sen.Bitmask.IsSet(0) ? "on" : "off");
                F("NOTIFY_TIME_SYNC       ", sen.Bitmask.IsSet(1) ? "on" : "off");
                F("NOTIFY_PARENT_DATA_SET ", sen.Bitmask.IsSet(2) ? "on" : "off");
                break;
            case ManagementId.SynchronizationUncertainNp:
                Datum(sb, "SYNCHRONIZATION_UNCERTAIN_NP ", "uncertain ", d[0].ToString(inv));
                break;
            case ManagementId.PortDataSet when mgt.TryGet<ManagementPortDataSet>(out var p, out _):
                sb.Append("PORT_DATA_SET ");
                F("portIdentity            ", p.PortIdentity.ToString());
                F("portState               ", PortState(p.PortState));
                F("logMinDelayReqInterval  ", p.LogMinDelayReqInterval.ToString(inv));
                F("peerMeanPathDelay       ", (p.PeerMeanPathDelay.ScaledNanoseconds >> 16).ToString(inv));
                F("logAnnounceInterval     ", p.LogAnnounceInterval.ToString(inv));
                F("announceReceiptTimeout  ", p.AnnounceReceiptTimeout.ToString(inv));
                F("logSyncInterval         ", p.LogSyncInterval.ToString(inv));
                F("delayMechanism          ", p.DelayMechanism.ToString(inv));
                F("logMinPdelayReqInterval ", p.LogMinPdelayReqInterval.ToString(inv));
                F("versionNumber           ", (p.VersionNumber & MajorVersionMask).ToString(inv));
                break;
            case ManagementId.PortDataSetNp when mgt.TryGet<PortDataSetNp>(out var pnp, out _):
                sb.Append("PORT_DATA_SET_NP ");
                F("neighborPropDelayThresh ", pnp.NeighborPropDelayThresh.ToString(inv));
                F("asCapable               ", pnp.AsCapable != 0 ? "1" : "0");
                break;
            case ManagementId.PortPropertiesNp when mgt.TryGet<PortPropertiesNp>(out var ppn, out _):
                sb.Append("PORT_PROPERTIES_NP ");
                F("portIdentity            ", ppn.PortIdentity.ToString());
                F("portState               ", PortState(ppn.PortState));
                F("timestamping            ", TimestampingName(ppn.Timestamping));
                F("interface               ", Encoding.UTF8.GetString(ppn.InterfaceName));
                break;
            case ManagementId.PortStatsNp when mgt.TryGet<PortStatsNp>(out var pcp, out _):
                sb.Append("PORT_STATS_NP ");
                F("portIdentity              ", pcp.PortIdentity.ToString());
                AppendCounters(sb, "rx_", pcp.RxMsgType);
                AppendCounters(sb, "tx_", pcp.TxMsgType);
                break;
            case ManagementId.PortServiceStatsNp when mgt.TryGet<PortServiceStatsNp>(out var ps, out _):
                sb.Append("PORT_SERVICE_STATS_NP ");
                F("portIdentity              ", ps.PortIdentity.ToString());
                F("announce_timeout          ", ps.AnnounceTimeout.ToString(inv));
                F("sync_timeout              ", ps.SyncTimeout.ToString(inv));
                F("delay_timeout             ", ps.DelayTimeout.ToString(inv));
                F("unicast_service_timeout   ", ps.UnicastServiceTimeout.ToString(inv));
                F("unicast_request_timeout   ", ps.UnicastRequestTimeout.ToString(inv));
                F("master_announce_timeout   ", ps.MasterAnnounceTimeout.ToString(inv));
                F("master_sync_timeout       ", ps.MasterSyncTimeout.ToString(inv));
                F("qualification_timeout     ", ps.QualificationTimeout.ToString(inv));
                F("sync_mismatch             ", ps.SyncMismatch.ToString(inv));
                F("followup_mismatch         ", ps.FollowupMismatch.ToString(inv));
                break;
            case ManagementId.PortHwclockNp when mgt.TryGet<PortHwclockNp>(out var phn, out _):
                sb.Append("PORT_HWCLOCK_NP ");
                F("portIdentity            ", phn.PortIdentity.ToString());
                F("phcIndex                ", phn.PhcIndex.ToString(inv));
                F("flags                   ", phn.Flags.ToString(inv));
                break;
            case ManagementId.LogAnnounceInterval:
                Datum(sb, "LOG_ANNOUNCE_INTERVAL ", "logAnnounceInterval ", ((sbyte)d[0]).ToString(inv));
                break;
            case ManagementId.AnnounceReceiptTimeout:
                Datum(sb, "ANNOUNCE_RECEIPT_TIMEOUT ", "announceReceiptTimeout ", d[0].ToString(inv));
                break;
            case ManagementId.LogSyncInterval:
                Datum(sb, "LOG_SYNC_INTERVAL ", "logSyncInterval ", ((sbyte)d[0]).ToString(inv));
                break;
            case ManagementId.VersionNumber:
                Datum(sb, "VERSION_NUMBER ", "versionNumber ", (d[0] & MajorVersionMask).ToString(inv));
                break;
            case ManagementId.DelayMechanism:
                Datum(sb, "DELAY_MECHANISM ", "delayMechanism ", d[0].ToString(inv));
                break;
            case ManagementId.LogMinPdelayReqInterval:
                Datum(sb, "LOG_MIN_PDELAY_REQ_INTERVAL ", "logMinPdelayReqInterval ", ((sbyte)d[0]).ToString(inv));
                break;
        }
    }

    private static void Datum(StringBuilder sb, string id, string name, string value) =>
        sb.Append(id).Append(Ifmt).Append(name).Append(value);

    private static readonly (string Name, MessageType Type)[] CounterOrder =
    [
        ("Sync                   ", MessageType.Sync),
        ("Delay_Req              ", MessageType.DelayReq),
        ("Pdelay_Req             ", MessageType.PdelayReq),
        ("Pdelay_Resp            ", MessageType.PdelayResp),
        ("Follow_Up              ", MessageType.FollowUp),
        ("Delay_Resp             ", MessageType.DelayResp),
        ("Pdelay_Resp_Follow_Up  ", MessageType.PdelayRespFollowUp),
        ("Announce               ", MessageType.Announce),
        ("Signaling              ", MessageType.Signaling),
        ("Management             ", MessageType.Management),
    ];

    private static void AppendCounters(StringBuilder sb, string prefix, MessageCounters c)
    {
        foreach (var (name, type) in CounterOrder)
            sb.Append(Ifmt).Append(prefix).Append(name).Append(c[(int)type].ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>CLOCK_DESCRIPTION (15.5.3.1.2): walked field by field, each bounded by the data.</summary>
    private static void AppendClockDescription(StringBuilder sb, ReadOnlySpan<byte> d)
    {
        var inv = CultureInfo.InvariantCulture;
        sb.Append("CLOCK_DESCRIPTION ");
        int o = 0;
        if (d.Length < 2) return;
        ushort clockType = BinaryPrimitives.ReadUInt16BigEndian(d);
        o = 2;
        string physicalLayer = PtpText(d, o, out o);
        if (o + 2 > d.Length) return;
        int physLen = BinaryPrimitives.ReadUInt16BigEndian(d[o..]);
        o += 2;
        if (o + physLen > d.Length) return;
        string physical = BinToStr(d.Slice(o, physLen));
        o += physLen;
        if (o + 4 > d.Length) return;
        ushort protocol = BinaryPrimitives.ReadUInt16BigEndian(d[o..]);
        int addrLen = BinaryPrimitives.ReadUInt16BigEndian(d[(o + 2)..]);
        o += 4;
        if (o + addrLen > d.Length) return;
        string address = PortAddress(protocol, d.Slice(o, addrLen));
        o += addrLen;
        if (o + 4 > d.Length) return;
        string manufacturer = BinToStr(d.Slice(o, 3));
        o += 4;
        string product = PtpText(d, o, out o);
        string revision = PtpText(d, o, out o);
        string user = PtpText(d, o, out o);
        string profile = o + 6 <= d.Length ? BinToStr(d.Slice(o, 6)) : "";
        sb.Append(Ifmt).Append("clockType             0x").Append(clockType.ToString("x", inv));
        sb.Append(Ifmt).Append("physicalLayerProtocol ").Append(physicalLayer);
        sb.Append(Ifmt).Append("physicalAddress       ").Append(physical);
        sb.Append(Ifmt).Append("protocolAddress       ").Append(protocol.ToString(inv)).Append(' ').Append(address);
        sb.Append(Ifmt).Append("manufacturerId        ").Append(manufacturer);
        sb.Append(Ifmt).Append("productDescription    ").Append(product);
        sb.Append(Ifmt).Append("revisionData          ").Append(revision);
        sb.Append(Ifmt).Append("userDescription       ").Append(user);
        sb.Append(Ifmt).Append("profileId             ").Append(profile);
    }

    /// <summary>A PTPText at <paramref name="offset"/> (empty if it runs past the data); <paramref name="next"/> follows it.</summary>
    private static string PtpText(ReadOnlySpan<byte> d, int offset, out int next)
    {
        if (offset >= d.Length || offset + 1 + d[offset] > d.Length)
        {
            next = d.Length;
            return "";
        }
        int n = d[offset];
        next = offset + 1 + n;
        return Encoding.UTF8.GetString(d.Slice(offset + 1, n));
    }

    /// <summary>linuxptp bin2str: "aa:bb:cc", at most 16 octets.</summary>
    private static string BinToStr(ReadOnlySpan<byte> b)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < b.Length && i < MaxPrintBytes; i++)
        {
            if (i > 0) sb.Append(':');
            sb.Append(b[i].ToString("x2", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary>linuxptp portaddr2str: IPv4/IPv6 in their usual notation, 802.3 as a MAC, else "unknown".</summary>
    private static string PortAddress(ushort protocol, ReadOnlySpan<byte> a) => protocol switch
    {
        1 when a.Length == 4 => new IPAddress(a).ToString(),
        2 when a.Length == 16 => new IPAddress(a).ToString(),
        3 => BinToStr(a),
        _ => "unknown",
    };

    private static string PortState(byte s) => PortStateNames[s < PortStateNames.Length ? s : 0];

    private static string TimestampingName(byte t) => t switch
    {
        0 => "SOFTWARE",
        1 => "HARDWARE",
        2 => "LEGACY_HW",
        3 => "ONESTEP",
        4 => "P2P1STEP",
        _ => "???",
    };

    private static string Bit(PtpFlags flags, PtpFlags bit) => (flags & bit) != 0 ? "1" : "0";
    private static string Hex2(byte b) => "0x" + b.ToString("x2", CultureInfo.InvariantCulture);
    private static string Hex4(ushort v) => "0x" + v.ToString("x4", CultureInfo.InvariantCulture);

    /// <summary>printf "%+.9f".</summary>
    private static string Plus(double v, string format)
    {
        string s = v.ToString(format, CultureInfo.InvariantCulture);
        return s.StartsWith('-') ? s : "+" + s;
    }
}
