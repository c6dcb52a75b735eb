using Ptp4Net.DataSets;
using Ptp4Net.Identity;
using Ptp4Net.Management;
using Ptp4Net.Messages;
using Ptp4Net.StateMachine;

namespace Ptp4Net.Engine;

// Management (IEEE 1588-2019 15; linuxptp clock_manage / port_manage): GET of the data sets and linuxptp's _NP
// ids, SET of the priorities, domain and GRANDMASTER_SETTINGS_NP from read-write sources, an error status for
// the rest.
public sealed partial class PtpClockEngine
{
    private const int ManagementArenaSize = 16384;
    private const int MaxReplyLength = 600;
    private readonly byte[] _mgmtArena = new byte[ManagementArenaSize];
    private int _mgmtUsed;

    /// <summary>
    /// A management request (15.4) from <paramref name="replyAddress"/> (the host's id of the requester, e.g. a pmc
    /// UDS client). <paramref name="readWrite"/>: the source may SET (ptp4l accepts SET only on its read-write UDS
    /// socket). Each reply is a <see cref="ActionKind.ManagementResponse"/> action with <see cref="EngineAction.Port"/>
    /// −1 and <see cref="EngineAction.Address"/> = <paramref name="replyAddress"/>; a wildcard target port gets one
    /// reply per port for port-level ids, as ptp4l. A request that is not for this clock produces nothing; an
    /// unparsable one is counted (<see cref="EngineCounters.BadManagement"/>).
    /// </summary>
    public ReadOnlySpan<EngineAction> OnManagement(ReadOnlySpan<byte> request, int replyAddress, bool readWrite, long monotonicNs)
    {
        Begin(monotonicNs);
        _mgmtUsed = 0;
        HandleManagement(null, request, replyAddress, readWrite);
        return End();
    }

    /// <summary>Management from the network is read-only (GET); replies go out on the receiving port.</summary>
    private void ReceiveNetworkManagement(EnginePort p, ReadOnlySpan<byte> m, int address)
    {
        _mgmtUsed = 0;
        HandleManagement(p, m, address, readWrite: false);
    }

    private void HandleManagement(EnginePort? via, ReadOnlySpan<byte> m, int address, bool readWrite)
    {
        if (!PtpMessage.TryRead(m, out var msg, out _) || msg.MessageType != MessageType.Management
            || !msg.TryGetFirstTlv(out var tlv) || tlv.Type != TlvType.Management
            || !ManagementTlv.TryRead(tlv, out var mt, out _))
        {
            Counters.BadManagement++;
            return;
        }
        var header = msg.Header;
        var body = msg.Management;
        var target = body.TargetPortIdentity;
        if (target.ClockIdentity != ClockIdentity.All && target.ClockIdentity != DefaultDataSet.ClockIdentity) return;
        if (body.Action is ManagementAction.Response or ManagementAction.Acknowledge) return;

        var id = mt.Id;
        if (ManagementReply.IsPortLevel(id))
        {
            foreach (var p in _ports)
            {
                if (target.PortNumber != PortIdentity.AllPorts && target.PortNumber != p.Ds.PortIdentity.PortNumber) continue;
                var r = StartReply(via, header, body, p.Ds.PortIdentity, out var len);
                if (r.IsEmpty) return;
                len = body.Action == ManagementAction.Get
                    ? AppendPortGet(r, len, id, p)
                    : ManagementReply.AppendError(r, len, ManagementErrorId.NotSupported, id);
                EmitReply(via, r, len, address);
            }
            return;
        }

        var source = via?.Ds.PortIdentity ?? new PortIdentity(DefaultDataSet.ClockIdentity, 0);
        var reply = StartReply(via, header, body, source, out int n);
        if (reply.IsEmpty) return;
        n = body.Action switch
        {
            ManagementAction.Get => AppendClockGet(reply, n, id),
            ManagementAction.Set when readWrite => ApplyClockSet(reply, n, id, mt.Data),
            _ => ManagementReply.AppendError(reply, n, ManagementErrorId.NotSupported, id),
        };
        EmitReply(via, reply, n, address);
    }

    private Span<byte> StartReply(EnginePort? via, in PtpHeader header, in ManagementBody body, PortIdentity source, out int length)
    {
        length = 0;
        if (_mgmtUsed + MaxReplyLength > _mgmtArena.Length)
        {
            Counters.ArenaExhausted++;
            return default;
        }
        var span = _mgmtArena.AsSpan(_mgmtUsed, MaxReplyLength);
        length = ManagementReply.WriteStart(span, header, body, source, DefaultDataSet.DomainNumber);
        return span;
    }

    private void EmitReply(EnginePort? via, Span<byte> reply, int length, int address)
    {
        var mem = new ReadOnlyMemory<byte>(_mgmtArena, _mgmtUsed, length);
        _mgmtUsed += (length + 7) & ~7;
        if (via != null) via.Counters.TxByType[(int)MessageType.Management]++;
        _actions.Add(new EngineAction
        {
            Kind = ActionKind.ManagementResponse,
            Port = via?.Index ?? -1,
            Message = mem,
            MessageType = (byte)MessageType.Management,
            Address = address,
        });
    }

    private int AppendClockGet(Span<byte> r, int n, ManagementId id)
    {
        var d = DefaultDataSet;
        switch (id)
        {
            case ManagementId.DefaultDataSet:
                return PtpMessageWriter.AppendManagementTlv(r, n, new ManagementDefaultDataSet
                {
                    TwoStepFlag = d.TwoStepFlag, SlaveOnly = d.SlaveOnly, NumberPorts = d.NumberPorts, Priority1 = d.Priority1,
                    ClockQuality = d.ClockQuality, Priority2 = d.Priority2, ClockIdentity = d.ClockIdentity, DomainNumber = d.DomainNumber,
                });
            case ManagementId.CurrentDataSet:
                return PtpMessageWriter.AppendManagementTlv(r, n, new ManagementCurrentDataSet(
                    CurrentDataSet.StepsRemoved, CurrentDataSet.OffsetFromMaster, CurrentDataSet.MeanPathDelay));
            case ManagementId.ParentDataSet:
                var par = ParentDataSet;
                return PtpMessageWriter.AppendManagementTlv(r, n, new ManagementParentDataSet
                {
                    ParentPortIdentity = par.ParentPortIdentity, ParentStats = par.ParentStats,
                    ObservedParentOffsetScaledLogVariance = par.ObservedParentOffsetScaledLogVariance,
                    ObservedParentClockPhaseChangeRate = par.ObservedParentClockPhaseChangeRate,
                    GrandmasterPriority1 = par.GrandmasterPriority1, GrandmasterClockQuality = par.GrandmasterClockQuality,
                    GrandmasterPriority2 = par.GrandmasterPriority2, GrandmasterIdentity = par.GrandmasterIdentity,
                });
            case ManagementId.TimePropertiesDataSet:
                var tp = TimePropertiesDataSet;
                return PtpMessageWriter.AppendManagementTlv(r, n, new ManagementTimePropertiesDataSet(
                    tp.CurrentUtcOffset, (PtpFlags)tp.Flags, (TimeSource)tp.TimeSource));
            case ManagementId.Priority1:
                return PtpMessageWriter.AppendManagementTlv(r, n, new ManagementDatum(id, d.Priority1));
            case ManagementId.Priority2:
                return PtpMessageWriter.AppendManagementTlv(r, n, new ManagementDatum(id, d.Priority2));
            case ManagementId.Domain:
                return PtpMessageWriter.AppendManagementTlv(r, n, new ManagementDatum(id, d.DomainNumber));
            case ManagementId.SlaveOnly:
                return PtpMessageWriter.AppendManagementTlv(r, n, new ManagementDatum(id, d.SlaveOnly ? (byte)1 : (byte)0));
            case ManagementId.ClockAccuracy:
                return PtpMessageWriter.AppendManagementTlv(r, n, new ManagementDatum(id, (byte)d.ClockQuality.ClockAccuracy));
            case ManagementId.TimeStatusNp:
                // clock.c: master_offset and ingress_time of the last sample; gmPresent when the GM is another clock.
                bool gmPresent = ParentDataSet.GrandmasterIdentity != d.ClockIdentity;
                return PtpMessageWriter.AppendManagementTlv(r, n, new TimeStatusNp
                {
                    MasterOffset = gmPresent ? LastOffsetNs : 0,
                    IngressTime = gmPresent ? _lastIngressNs : 0,
                    CumulativeScaledRateOffset = 0,
                    ScaledLastGmPhaseChange = 0,
                    GmTimeBaseIndicator = 0,
                    GmPresent = gmPresent ? 1 : 0,
                    GmIdentity = ParentDataSet.GrandmasterIdentity,
                });
            case ManagementId.GrandmasterSettingsNp:
                return PtpMessageWriter.AppendManagementTlv(r, n, new GrandmasterSettingsNp(
                    d.ClockQuality, _gmUtcOffset, (PtpFlags)_gmTimeFlags, (TimeSource)_gmTimeSource));
            default:
                return ManagementReply.AppendError(r, n, ManagementErrorId.NotSupported, id);
        }
    }

    private int AppendPortGet(Span<byte> r, int n, ManagementId id, EnginePort p)
    {
        var ds = p.Ds;
        switch (id)
        {
            case ManagementId.PortDataSet:
                return PtpMessageWriter.AppendManagementTlv(r, n, new ManagementPortDataSet
                {
                    PortIdentity = ds.PortIdentity, PortState = PortStateNames.WireValue(ds.PortState),
                    LogMinDelayReqInterval = ds.LogMinDelayReqInterval, PeerMeanPathDelay = ds.PeerMeanPathDelay,
                    LogAnnounceInterval = ds.LogAnnounceInterval, AnnounceReceiptTimeout = ds.AnnounceReceiptTimeout,
                    LogSyncInterval = ds.LogSyncInterval, DelayMechanism = (byte)ds.DelayMechanism,
                    LogMinPdelayReqInterval = ds.LogMinPdelayReqInterval, VersionNumber = ds.VersionNumber,
                });
            case ManagementId.PortDataSetNp:
                return PtpMessageWriter.AppendManagementTlv(r, n, new PortDataSetNp(
                    (uint)Math.Clamp(p.Options.NeighborPropDelayThreshNs, 0, uint.MaxValue), ds.AsCapable ? 1 : 0));
            case ManagementId.PortPropertiesNp:
                return PtpMessageWriter.AppendManagementTlv(r, n, new PortPropertiesNp(ds.PortIdentity,
                    PortStateNames.WireValue(ds.PortState), (byte)p.Options.TimeStamping, p.NameBytes));
            case ManagementId.PortStatsNp:
                var rx = new MessageCounters();
                var tx = new MessageCounters();
                for (int i = 0; i < 16; i++)
                {
                    rx[i] = (ulong)p.Counters.RxByType[i];
                    tx[i] = (ulong)p.Counters.TxByType[i];
                }
                return PtpMessageWriter.AppendManagementTlv(r, n, new PortStatsNp(ds.PortIdentity, rx, tx));
            case ManagementId.LogAnnounceInterval:
                return PtpMessageWriter.AppendManagementTlv(r, n, ManagementDatum.FromSigned(id, ds.LogAnnounceInterval));
            case ManagementId.AnnounceReceiptTimeout:
                return PtpMessageWriter.AppendManagementTlv(r, n, new ManagementDatum(id, ds.AnnounceReceiptTimeout));
            case ManagementId.LogSyncInterval:
                return PtpMessageWriter.AppendManagementTlv(r, n, ManagementDatum.FromSigned(id, ds.LogSyncInterval));
            case ManagementId.VersionNumber:
                return PtpMessageWriter.AppendManagementTlv(r, n, new ManagementDatum(id, ds.VersionNumber));
            case ManagementId.DelayMechanism:
                return PtpMessageWriter.AppendManagementTlv(r, n, new ManagementDatum(id, (byte)ds.DelayMechanism));
            case ManagementId.LogMinPdelayReqInterval:
                return PtpMessageWriter.AppendManagementTlv(r, n, ManagementDatum.FromSigned(id, ds.LogMinPdelayReqInterval));
            case ManagementId.MasterOnly:
                return PtpMessageWriter.AppendManagementTlv(r, n, new ManagementDatum(id, p.Role == PortRole.ServerOnly ? (byte)1 : (byte)0));
            default:
                return ManagementReply.AppendError(r, n, ManagementErrorId.NotSupported, id);
        }
    }

    /// <summary>SET (clock.c clock_management_set): the new value is applied, a state decision follows, and the reply
    /// carries the value now in force.</summary>
    private int ApplyClockSet(Span<byte> r, int n, ManagementId id, ReadOnlySpan<byte> data)
    {
        var d = DefaultDataSet;
        switch (id)
        {
            case ManagementId.Priority1:
            case ManagementId.Priority2:
            case ManagementId.Domain:
                if (!ManagementDatum.TryRead(id, data, out var datum))
                    return ManagementReply.AppendError(r, n, ManagementErrorId.WrongLength, id);
                if (id == ManagementId.Priority1) d.Priority1 = datum.Value;
                else if (id == ManagementId.Priority2) d.Priority2 = datum.Value;
                else d.DomainNumber = datum.Value;
                break;
            case ManagementId.GrandmasterSettingsNp:
                if (!GrandmasterSettingsNp.TryRead(id, data, out var gm))
                    return ManagementReply.AppendError(r, n, ManagementErrorId.WrongLength, id);
                d.ClockQuality = gm.ClockQuality;
                _gmUtcOffset = gm.UtcOffset;
                _gmTimeFlags = (byte)gm.TimeFlags;
                _gmTimeSource = (byte)gm.TimeSource;
                break;
            default:
                return ManagementReply.AppendError(r, n, ManagementErrorId.NotSupported, id);
        }
        if (_isGrandmaster || SlavePortIndex < 0) BecomeGrandmasterDataSetsKeepRole();
        _statePending = true;
        return AppendClockGet(r, n, id);
    }

    private void BecomeGrandmasterDataSetsKeepRole()
    {
        bool was = _isGrandmaster;
        BecomeGrandmasterDataSets();
        _isGrandmaster = was;
    }
}
