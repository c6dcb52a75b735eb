using System.Globalization;
using System.Text;
using Ptp4Net.Messages;

namespace Ptp4Net.Host;

/// <summary>
/// Walks one PTP message and hands every field, in the standard's order, to an <see cref="IDumpSink"/>.
/// The labels chosen here make the default one-line output: the header's domain, sequenceId and
/// sourcePortIdentity, the correction, and the fields that matter for the type.
/// </summary>
internal static class DumpMessageFields
{
    public static void Emit(in PtpMessage m, IDumpSink s)
    {
        var h = m.Header;
        EmitHeader(h, s);
        switch (m.MessageType)
        {
            case MessageType.Sync:
                s.Timestamp("originTimestamp", m.Sync.OriginTimestamp, "origin");
                break;
            case MessageType.DelayReq:
                s.Timestamp("originTimestamp", m.DelayReq.OriginTimestamp, "origin");
                break;
            case MessageType.PdelayReq:
                s.Timestamp("originTimestamp", m.PdelayReq.OriginTimestamp, "origin");
                break;
            case MessageType.PdelayResp:
                s.Timestamp("requestReceiptTimestamp", m.PdelayResp.RequestReceiptTimestamp, "requestReceipt");
                s.Port("requestingPortIdentity", m.PdelayResp.RequestingPortIdentity, "requesting");
                break;
            case MessageType.FollowUp:
                s.Timestamp("preciseOriginTimestamp", m.FollowUp.PreciseOriginTimestamp, "preciseOrigin");
                break;
            case MessageType.DelayResp:
                s.Timestamp("receiveTimestamp", m.DelayResp.ReceiveTimestamp, "receive");
                s.Port("requestingPortIdentity", m.DelayResp.RequestingPortIdentity, "requesting");
                break;
            case MessageType.PdelayRespFollowUp:
                s.Timestamp("responseOriginTimestamp", m.PdelayRespFollowUp.ResponseOriginTimestamp, "responseOrigin");
                s.Port("requestingPortIdentity", m.PdelayRespFollowUp.RequestingPortIdentity, "requesting");
                break;
            case MessageType.Announce:
            {
                var a = m.Announce;
                s.Timestamp("originTimestamp", a.OriginTimestamp);
                s.Number("currentUtcOffset", a.CurrentUtcOffset, "utcOffset");
                s.Number("grandmasterPriority1", a.GrandmasterPriority1, "prio1");
                s.Number("grandmasterClockClass", a.GrandmasterClockQuality.ClockClass, "class");
                s.Text("grandmasterClockAccuracy", Hex2(a.GrandmasterClockQuality.ClockAccuracy is var acc ? (byte)acc : (byte)0));
                s.Text("grandmasterOffsetScaledLogVariance", Hex4(a.GrandmasterClockQuality.OffsetScaledLogVariance));
                s.Number("grandmasterPriority2", a.GrandmasterPriority2, "prio2");
                s.Clock("grandmasterIdentity", a.GrandmasterIdentity, "gm");
                s.Number("stepsRemoved", a.StepsRemoved, "steps");
                s.Text("timeSource", TimeSourceName(a.TimeSource));
                break;
            }
            case MessageType.Signaling:
                s.Port("targetPortIdentity", m.Signaling.TargetPortIdentity, "to");
                break;
            case MessageType.Management:
            {
                var b = m.Management;
                s.Port("targetPortIdentity", b.TargetPortIdentity, "to");
                s.Number("startingBoundaryHops", b.StartingBoundaryHops);
                s.Number("boundaryHops", b.BoundaryHops);
                s.Text("actionField", PtpNames.ManagementActionName(b.Action), "");
                if (m.TryGetFirstTlv(out var first))
                {
                    if (first.Type == TlvType.Management && ManagementTlv.TryRead(first, out var mt, out _))
                        s.Text("managementId", PtpNames.ManagementIdName(mt.Id), "");
                    else if (first.Type == TlvType.ManagementErrorStatus && ManagementErrorStatusTlv.TryRead(first, out var es, out _))
                    {
                        s.Text("managementId", PtpNames.ManagementIdName(es.ManagementId), "");
                        s.Text("managementErrorId", PtpNames.ManagementErrorName(es.ErrorId), "error");
                    }
                }
                break;
            }
        }
        EmitTlvs(m, s);
    }

    /// <summary>The header fields, for a message that parsed and for a malformed one whose header did.</summary>
    public static void EmitHeader(in PtpHeader h, IDumpSink s)
    {
        s.Text("type", PtpNames.MessageTypeName(h.MessageType), "");
        s.Number("domain", h.DomainNumber, "domain");
        s.Number("sequenceId", h.SequenceId, "seq");
        s.Port("sourcePortIdentity", h.SourcePortIdentity, "from");
        s.Interval("correction", h.CorrectionField, "corr");
        s.Number("majorSdoId", h.MajorSdoId);
        s.Number("versionPTP", h.VersionPtp);
        s.Number("minorVersionPTP", h.MinorVersionPtp);
        s.Number("messageLength", h.MessageLength);
        s.Number("minorSdoId", h.MinorSdoId);
        s.Number("flagField", (ushort)h.Flags);
        if (h.Flags != PtpFlags.None) s.Text("flags", FlagNames(h.Flags), "flags");
        s.Number("messageTypeSpecific", h.MessageTypeSpecific);
        s.Number("controlField", h.ControlField);
        s.Number("logMessageInterval", h.LogMessageInterval);
    }

    private static void EmitTlvs(in PtpMessage m, IDumpSink s)
    {
        if (m.Tlvs.IsEmpty) return;
        var names = new StringBuilder();
        s.BeginArray("tlvs");
        foreach (var t in m.Tlvs)
        {
            string name = PtpNames.TlvTypeName(t.Type);
            if (names.Length > 0) names.Append(',');
            names.Append(name);
            s.BeginItem(name);
            s.Text("tlvType", name);
            s.Number("lengthField", t.Length);
            EmitTlvValue(t, s);
            s.EndItem();
        }
        s.EndArray();
        if (m.MessageType != MessageType.Management) s.Note("tlvs", names.ToString());
    }

    private static void EmitTlvValue(Messages.Tlv t, IDumpSink s)
    {
        ParseError e;
        switch (t.Type)
        {
            case TlvType.Management:
                if (ManagementTlv.TryRead(t, out var mt, out e))
                {
                    s.Text("managementId", PtpNames.ManagementIdName(mt.Id));
                    EmitManagementData(mt, s);
                    return;
                }
                break;
            case TlvType.ManagementErrorStatus:
                if (ManagementErrorStatusTlv.TryRead(t, out var es, out e))
                {
                    s.Text("managementErrorId", PtpNames.ManagementErrorName(es.ErrorId));
                    s.Text("managementId", PtpNames.ManagementIdName(es.ManagementId));
                    if (!es.DisplayData.IsEmpty) s.Text("displayData", Utf8(es.DisplayData));
                    return;
                }
                break;
            case TlvType.RequestUnicastTransmission:
                if (RequestUnicastTransmissionTlv.TryRead(t, out var rq, out e))
                {
                    s.Text("messageType", PtpNames.MessageTypeName(rq.MessageType));
                    s.Number("logInterMessagePeriod", rq.LogInterMessagePeriod);
                    s.Number("durationField", rq.DurationField);
                    return;
                }
                break;
            case TlvType.GrantUnicastTransmission:
                if (GrantUnicastTransmissionTlv.TryRead(t, out var g, out e))
                {
                    s.Text("messageType", PtpNames.MessageTypeName(g.MessageType));
                    s.Number("logInterMessagePeriod", g.LogInterMessagePeriod);
                    s.Number("durationField", g.DurationField);
                    s.Boolean("renewalInvited", g.RenewalInvited);
                    return;
                }
                break;
            case TlvType.CancelUnicastTransmission:
                if (CancelUnicastTransmissionTlv.TryRead(t, out var c, out e))
                {
                    s.Text("messageType", PtpNames.MessageTypeName(c.MessageType));
                    s.Number("flags", c.Flags);
                    return;
                }
                break;
            case TlvType.AcknowledgeCancelUnicastTransmission:
                if (AcknowledgeCancelUnicastTransmissionTlv.TryRead(t, out var ac, out e))
                {
                    s.Text("messageType", PtpNames.MessageTypeName(ac.MessageType));
                    s.Number("flags", ac.Flags);
                    return;
                }
                break;
            case TlvType.PathTrace:
                if (PathTraceTlv.TryRead(t, out var pt, out e))
                {
                    var ids = new string[pt.Count];
                    for (int i = 0; i < ids.Length; i++) ids[i] = pt[i].ToString();
                    s.Strings("pathSequence", ids);
                    return;
                }
                break;
            case TlvType.AlternateTimeOffsetIndicator:
                if (AlternateTimeOffsetIndicatorTlv.TryRead(t, out var at, out e))
                {
                    s.Number("keyField", at.KeyField);
                    s.Number("currentOffset", at.CurrentOffset);
                    s.Number("jumpSeconds", at.JumpSeconds);
                    s.Text("timeOfNextJump", at.TimeOfNextJump.ToString(CultureInfo.InvariantCulture));
                    s.Text("displayName", Utf8(at.DisplayName));
                    return;
                }
                break;
            case TlvType.Authentication:
                if (AuthenticationTlv.TryRead(t, out var au, out e))
                {
                    s.Number("spp", au.Spp);
                    s.Number("secParamIndicator", au.SecParamIndicator);
                    s.Number("keyID", au.KeyId);
                    s.Hex("icv", au.Icv);
                    return;
                }
                break;
            case TlvType.OrganizationExtension or TlvType.OrganizationExtensionPropagate or TlvType.OrganizationExtensionDoNotPropagate:
                if (FollowUpInformationTlv.TryRead(t, out var fi, out _))
                {
                    s.Text("organizationId", "0080c2");
                    s.Number("organizationSubType", FollowUpInformationTlv.Subtype);
                    s.Text("name", "Follow_Up information (802.1AS)");
                    s.Number("cumulativeScaledRateOffset", fi.CumulativeScaledRateOffset);
                    s.Number("gmTimeBaseIndicator", fi.GmTimeBaseIndicator);
                    s.Text("lastGmPhaseChange", DumpFormat.ScaledNanoseconds(fi.LastGmPhaseChange.Scaled));
                    s.Number("scaledLastGmFreqChange", fi.ScaledLastGmFreqChange);
                    return;
                }
                if (MessageIntervalRequestTlv.TryRead(t, out var mi, out _))
                {
                    s.Text("organizationId", "0080c2");
                    s.Number("organizationSubType", MessageIntervalRequestTlv.Subtype);
                    s.Text("name", "message interval request (802.1AS)");
                    s.Number("linkDelayInterval", mi.LinkDelayInterval);
                    s.Number("timeSyncInterval", mi.TimeSyncInterval);
                    s.Number("announceInterval", mi.AnnounceInterval);
                    s.Number("flags", mi.Flags);
                    return;
                }
                if (OrganizationExtensionTlv.TryRead(t, out var oe, out e))
                {
                    s.Text("organizationId", oe.OrganizationId.ToString("x6", CultureInfo.InvariantCulture));
                    s.Number("organizationSubType", oe.OrganizationSubType);
                    s.Hex("dataField", oe.Data);
                    return;
                }
                break;
            default:
                s.Hex("valueField", t.Value);
                return;
        }
        s.Text("decodeError", e.ToString());
        s.Hex("valueField", t.Value);
    }

    private static void EmitManagementData(ManagementTlv mt, IDumpSink s)
    {
        if (mt.Data.IsEmpty) return;
        switch (mt.Id)
        {
            case ManagementId.CurrentDataSet when mt.TryGet<ManagementCurrentDataSet>(out var cd, out _):
                s.Number("stepsRemoved", cd.StepsRemoved);
                s.Interval("offsetFromMaster", cd.OffsetFromMaster);
                s.Interval("meanPathDelay", cd.MeanPathDelay);
                return;
            case ManagementId.DefaultDataSet when mt.TryGet<ManagementDefaultDataSet>(out var dd, out _):
                s.Boolean("twoStepFlag", dd.TwoStepFlag);
                s.Boolean("slaveOnly", dd.SlaveOnly);
                s.Number("numberPorts", dd.NumberPorts);
                s.Number("priority1", dd.Priority1);
                s.Number("clockClass", dd.ClockQuality.ClockClass);
                s.Text("clockAccuracy", Hex2((byte)dd.ClockQuality.ClockAccuracy));
                s.Text("offsetScaledLogVariance", Hex4(dd.ClockQuality.OffsetScaledLogVariance));
                s.Number("priority2", dd.Priority2);
                s.Clock("clockIdentity", dd.ClockIdentity);
                s.Number("domainNumber", dd.DomainNumber);
                return;
            case ManagementId.ParentDataSet when mt.TryGet<ManagementParentDataSet>(out var pd, out _):
                s.Port("parentPortIdentity", pd.ParentPortIdentity);
                s.Boolean("parentStats", pd.ParentStats);
                s.Text("observedParentOffsetScaledLogVariance", Hex4(pd.ObservedParentOffsetScaledLogVariance));
                s.Number("observedParentClockPhaseChangeRate", pd.ObservedParentClockPhaseChangeRate);
                s.Number("grandmasterPriority1", pd.GrandmasterPriority1);
                s.Number("grandmasterClockClass", pd.GrandmasterClockQuality.ClockClass);
                s.Text("grandmasterClockAccuracy", Hex2((byte)pd.GrandmasterClockQuality.ClockAccuracy));
                s.Text("grandmasterOffsetScaledLogVariance", Hex4(pd.GrandmasterClockQuality.OffsetScaledLogVariance));
                s.Number("grandmasterPriority2", pd.GrandmasterPriority2);
                s.Clock("grandmasterIdentity", pd.GrandmasterIdentity);
                return;
            case ManagementId.TimePropertiesDataSet when mt.TryGet<ManagementTimePropertiesDataSet>(out var tp, out _):
                s.Number("currentUtcOffset", tp.CurrentUtcOffset);
                s.Text("flags", FlagNames(tp.Flags));
                s.Text("timeSource", TimeSourceName(tp.TimeSource));
                return;
            case ManagementId.PortDataSet when mt.TryGet<ManagementPortDataSet>(out var pds, out _):
                s.Port("portIdentity", pds.PortIdentity);
                s.Number("portState", pds.PortState);
                s.Number("logMinDelayReqInterval", pds.LogMinDelayReqInterval);
                s.Interval("peerMeanPathDelay", pds.PeerMeanPathDelay);
                s.Number("logAnnounceInterval", pds.LogAnnounceInterval);
                s.Number("announceReceiptTimeout", pds.AnnounceReceiptTimeout);
                s.Number("logSyncInterval", pds.LogSyncInterval);
                s.Number("delayMechanism", pds.DelayMechanism);
                s.Number("logMinPdelayReqInterval", pds.LogMinPdelayReqInterval);
                s.Number("versionNumber", pds.VersionNumber);
                return;
            case ManagementId.TimeStatusNp when mt.TryGet<TimeStatusNp>(out var ts, out _):
                s.Number("master_offset", ts.MasterOffset);
                s.Number("ingress_time", ts.IngressTime);
                s.Number("cumulativeScaledRateOffset", ts.CumulativeScaledRateOffset);
                s.Number("scaledLastGmPhaseChange", ts.ScaledLastGmPhaseChange);
                s.Number("gmTimeBaseIndicator", ts.GmTimeBaseIndicator);
                s.Text("lastGmPhaseChange", DumpFormat.ScaledNanoseconds(ts.LastGmPhaseChange.Scaled));
                s.Number("gmPresent", ts.GmPresent);
                s.Clock("gmIdentity", ts.GmIdentity);
                return;
        }
        if (ManagementDatum.Accepts(mt.Id) && mt.TryGet<ManagementDatum>(out var datum, out _))
        {
            s.Number("value", datum.Value);
            return;
        }
        s.Hex("dataField", mt.Data);
    }

    public static string FlagNames(PtpFlags flags)
    {
        if (flags == PtpFlags.None) return "";
        var sb = new StringBuilder();
        ushort known = 0;
        foreach (var f in Enum.GetValues<PtpFlags>())
        {
            if (f == PtpFlags.None || (flags & f) != f) continue;
            known |= (ushort)f;
            if (sb.Length > 0) sb.Append(',');
            sb.Append(f switch
            {
                PtpFlags.Leap61 => "leap61",
                PtpFlags.Leap59 => "leap59",
                PtpFlags.CurrentUtcOffsetValid => "utcOffsetValid",
                PtpFlags.PtpTimescale => "ptpTimescale",
                PtpFlags.TimeTraceable => "timeTraceable",
                PtpFlags.FrequencyTraceable => "frequencyTraceable",
                PtpFlags.SynchronizationUncertain => "synchronizationUncertain",
                PtpFlags.AlternateMaster => "alternateMaster",
                PtpFlags.TwoStep => "twoStep",
                PtpFlags.Unicast => "unicast",
                PtpFlags.ProfileSpecific1 => "profileSpecific1",
                PtpFlags.ProfileSpecific2 => "profileSpecific2",
                _ => f.ToString(),
            });
        }
        ushort rest = (ushort)((ushort)flags & ~known);
        if (rest != 0)
        {
            if (sb.Length > 0) sb.Append(',');
            sb.Append("0x").Append(rest.ToString("x4", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary>Table 6 names as the standard spells them, e.g. "INTERNAL_OSCILLATOR (0xa0)".</summary>
    private static string TimeSourceName(TimeSource t)
    {
        string? name = t switch
        {
            TimeSource.AtomicClock => "ATOMIC_CLOCK",
            TimeSource.Gnss => "GNSS",
            TimeSource.TerrestrialRadio => "TERRESTRIAL_RADIO",
            TimeSource.SerialTimeCode => "SERIAL_TIME_CODE",
            TimeSource.Ptp => "PTP",
            TimeSource.Ntp => "NTP",
            TimeSource.HandSet => "HAND_SET",
            TimeSource.Other => "OTHER",
            TimeSource.InternalOscillator => "INTERNAL_OSCILLATOR",
            _ => null,
        };
        string hex = "0x" + ((byte)t).ToString("x2", CultureInfo.InvariantCulture);
        return name is null ? hex : name + " (" + hex + ")";
    }

    private static string Hex2(byte v) => "0x" + v.ToString("x2", CultureInfo.InvariantCulture);
    private static string Hex4(ushort v) => "0x" + v.ToString("x4", CultureInfo.InvariantCulture);

    private static string Utf8(ReadOnlySpan<byte> b) => Encoding.UTF8.GetString(b);
}
