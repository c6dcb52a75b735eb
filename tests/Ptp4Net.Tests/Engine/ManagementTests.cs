using Ptp4Net.Engine;
using Ptp4Net.Identity;
using Ptp4Net.Messages;
using Ptp4Net.StateMachine;
using static Ptp4Net.Tests.Engine.EngineProbe;

namespace Ptp4Net.Tests.Engine;

/// <summary>Management requests as pmc sends them, replies parsed back with the codec.</summary>
public class ManagementTests
{
    private static readonly PortIdentity Pmc = new(new ClockIdentity(0xAABB_CCFF_FEDD_EEFF), 4242);

    private static byte[] Request(ManagementAction action, ManagementId id, ReadOnlySpan<byte> data = default,
        PortIdentity? target = null, ushort seq = 7)
    {
        var buf = new byte[256];
        var header = new PtpHeader
        {
            MinorVersionPtp = 1, SourcePortIdentity = Pmc, SequenceId = seq,
            ControlField = PtpHeader.ControlFieldFor(MessageType.Management), LogMessageInterval = 0x7F,
        };
        int n = PtpMessageWriter.WriteManagement(buf, header, new ManagementBody(target ?? PortIdentity.Wildcard, 1, 1, action));
        n = PtpMessageWriter.AppendManagementTlv(buf, n, id, data);
        return buf[..n];
    }

    private static List<byte[]> Replies(ReadOnlySpan<EngineAction> actions)
    {
        var list = new List<byte[]>();
        foreach (ref readonly var a in actions)
            if (a.Kind == ActionKind.ManagementResponse) list.Add(a.Message.ToArray());
        return list;
    }

    private static T Get<T>(EngineProbe p, ManagementId id) where T : IManagementData<T>
    {
        var replies = Replies(p.Engine.OnManagement(Request(ManagementAction.Get, id), 3, readWrite: false, p.Now));
        var m = Msg.Parse(Assert.Single(replies));
        Assert.True(m.TryGetFirstTlv(out var tlv));
        Assert.Equal(TlvType.Management, tlv.Type);
        Assert.True(ManagementTlv.TryRead(tlv, out var mt, out _));
        Assert.Equal(id, mt.Id);
        Assert.True(mt.TryGet<T>(out var value, out var err), err.ToString());
        return value;
    }

    [Fact]
    public void Reply_header_is_built_as_linuxptp_does()
    {
        var p = new EngineProbe();
        var actions = p.Engine.OnManagement(Request(ManagementAction.Get, ManagementId.DefaultDataSet, seq: 99), 3, false, 0);
        var a = Assert.Single(actions.ToArray(), x => x.Kind == ActionKind.ManagementResponse);
        Assert.Equal(3, a.Address);
        Assert.Equal(-1, a.Port);
        var m = Msg.Parse(a.Message.Span);
        Assert.Equal(MessageType.Management, m.MessageType);
        Assert.Equal(99, m.Header.SequenceId);
        Assert.Equal(4, m.Header.ControlField);
        Assert.Equal(0x7F, (byte)m.Header.LogMessageInterval);
        Assert.Equal(new PortIdentity(SelfId, 0), m.Header.SourcePortIdentity);
        Assert.Equal(ManagementAction.Response, m.Management.Action);
        Assert.Equal(Pmc, m.Management.TargetPortIdentity);
        Assert.Equal(0, m.Management.StartingBoundaryHops);
        Assert.Equal(0, m.Management.BoundaryHops);
    }

    [Fact]
    public void Get_of_the_data_sets()
    {
        var p = new EngineProbe(new ClockOptions { Priority1 = 77, Priority2 = 66, DomainNumber = 0 });
        var dds = Get<ManagementDefaultDataSet>(p, ManagementId.DefaultDataSet);
        Assert.Equal((77, 66, SelfId, (ushort)1, true), (dds.Priority1, dds.Priority2, dds.ClockIdentity, dds.NumberPorts, dds.TwoStepFlag));
        Assert.Equal(248, dds.ClockQuality.ClockClass);
        Assert.Equal(77, Get<ManagementDatum>(p, ManagementId.Priority1).Value);
        Assert.Equal(66, Get<ManagementDatum>(p, ManagementId.Priority2).Value);
        Assert.Equal(0, Get<ManagementDatum>(p, ManagementId.Domain).Value);
        Assert.Equal(0, Get<ManagementDatum>(p, ManagementId.SlaveOnly).Value);

        p.FollowMaster();
        var cds = Get<ManagementCurrentDataSet>(p, ManagementId.CurrentDataSet);
        Assert.Equal(1, cds.StepsRemoved);
        var pds = Get<ManagementParentDataSet>(p, ManagementId.ParentDataSet);
        Assert.Equal(Master, pds.ParentPortIdentity);
        Assert.Equal(Master.ClockIdentity, pds.GrandmasterIdentity);
        Assert.Equal(1, pds.GrandmasterPriority1);
        var tp = Get<ManagementTimePropertiesDataSet>(p, ManagementId.TimePropertiesDataSet);
        Assert.Equal(37, tp.CurrentUtcOffset);
        Assert.True((tp.Flags & PtpFlags.PtpTimescale) != 0);
        var port = Get<ManagementPortDataSet>(p, ManagementId.PortDataSet);
        Assert.Equal(p.PortId, port.PortIdentity);
        Assert.Equal((byte)PortState.Uncalibrated, port.PortState);
        Assert.Equal(-3, port.LogSyncInterval);
        Assert.Equal(1, port.DelayMechanism);
    }

    [Fact]
    public void Get_of_linuxptp_np_ids()
    {
        var p = new EngineProbe(new ClockOptions { SlaveOnly = true });
        p.FollowMaster();
        p.Rx(Msg.Sync(Master, 1, twoStep: false, originNs: 900 * Second), 900 * Second + 4_000);
        var ts = Get<TimeStatusNp>(p, ManagementId.TimeStatusNp);
        Assert.Equal(4_000, ts.MasterOffset);
        Assert.Equal(900 * Second + 4_000, ts.IngressTime);
        Assert.Equal(1, ts.GmPresent);
        Assert.Equal(Master.ClockIdentity, ts.GmIdentity);

        var np = Get<PortDataSetNp>(p, ManagementId.PortDataSetNp);
        Assert.Equal((20_000_000u, 1), (np.NeighborPropDelayThresh, np.AsCapable));

        var replies = Replies(p.Engine.OnManagement(Request(ManagementAction.Get, ManagementId.PortPropertiesNp), 3, false, p.Now));
        var m = Msg.Parse(Assert.Single(replies));
        Assert.True(m.TryGetFirstTlv(out var tlv));
        Assert.True(ManagementTlv.TryRead(tlv, out var mt, out _));
        Assert.True(mt.TryGet<PortPropertiesNp>(out var props, out _));
        Assert.Equal(p.PortId, props.PortIdentity);
        Assert.Equal((byte)PortState.Slave, props.PortState);
        Assert.Equal(1, props.Timestamping);
        Assert.Equal("eth0"u8.ToArray(), props.InterfaceName.ToArray());

        var stats = Get<PortStatsNp>(p, ManagementId.PortStatsNp);
        Assert.Equal(2UL, stats.RxMsgType[0xB]); // two Announce
        Assert.Equal(1UL, stats.RxMsgType[0x0]); // one Sync
        Assert.Equal(p.Engine.GetPortCounters(0).TxByType[1], (long)stats.TxMsgType[1]);

        var gm = Get<GrandmasterSettingsNp>(p, ManagementId.GrandmasterSettingsNp);
        Assert.Equal((255, (short)37), (gm.ClockQuality.ClockClass, gm.UtcOffset));
    }

    [Fact]
    public void Set_priority_from_a_read_write_source_changes_the_clock_and_triggers_a_decision()
    {
        var p = new EngineProbe();
        p.Timer(TimerKind.AnnounceReceipt); // grandmaster now
        var actions = p.Engine.OnManagement(Request(ManagementAction.Set, ManagementId.Priority1, [5, 0]), 3, readWrite: true, p.Now);
        var m = Msg.Parse(Assert.Single(Replies(actions)));
        Assert.Equal(ManagementAction.Response, m.Management.Action);
        Assert.True(m.TryGetFirstTlv(out var tlv));
        Assert.True(ManagementTlv.TryRead(tlv, out var mt, out _));
        Assert.True(mt.TryGet<ManagementDatum>(out var v, out _));
        Assert.Equal(5, v.Value);
        Assert.Equal(5, p.Engine.DefaultDataSet.Priority1);
        Assert.Equal(5, p.Engine.ParentDataSet.GrandmasterPriority1); // what the clock now announces
        p.Engine.OnManagement(Request(ManagementAction.Set, ManagementId.Priority2, [9, 0]), 3, readWrite: true, p.Now);
        Assert.Equal(9, p.Engine.DefaultDataSet.Priority2);
        p.Engine.OnManagement(Request(ManagementAction.Set, ManagementId.Domain, [24, 0]), 3, readWrite: true, p.Now);
        Assert.Equal(24, p.Engine.DefaultDataSet.DomainNumber);
    }

    [Fact]
    public void Set_grandmaster_settings_changes_what_is_announced()
    {
        var p = new EngineProbe();
        p.Timer(TimerKind.AnnounceReceipt);
        var gm = new GrandmasterSettingsNp(new ClockQuality(6, ClockAccuracy.Within100ns, 0x4E5D), 36,
            PtpFlags.PtpTimescale | PtpFlags.CurrentUtcOffsetValid | PtpFlags.TimeTraceable, TimeSource.Gnss);
        var data = new byte[GrandmasterSettingsNp.WireSize];
        gm.Write(data);
        p.Engine.OnManagement(Request(ManagementAction.Set, ManagementId.GrandmasterSettingsNp, data), 3, readWrite: true, p.Now);
        p.Timer(TimerKind.AnnounceTransmit);
        var a = Msg.Parse(p.SentBytes(0xB));
        Assert.Equal(6, a.Announce.GrandmasterClockQuality.ClockClass);
        Assert.Equal(36, a.Announce.CurrentUtcOffset);
        Assert.Equal(TimeSource.Gnss, a.Announce.TimeSource);
        Assert.True((a.Header.Flags & PtpFlags.TimeTraceable) != 0);
        Assert.Equal(gm, Get<GrandmasterSettingsNp>(p, ManagementId.GrandmasterSettingsNp));
    }

    private static ManagementErrorId Error(ReadOnlySpan<EngineAction> actions, out ManagementId id)
    {
        var m = Msg.Parse(Assert.Single(Replies(actions)));
        Assert.True(m.TryGetFirstTlv(out var tlv));
        Assert.Equal(TlvType.ManagementErrorStatus, tlv.Type);
        Assert.True(ManagementErrorStatusTlv.TryRead(tlv, out var e, out _));
        id = e.ManagementId;
        return e.ErrorId;
    }

    [Fact]
    public void Set_from_a_read_only_source_or_of_an_unsupported_id_is_an_error()
    {
        var p = new EngineProbe();
        Assert.Equal(ManagementErrorId.NotSupported,
            Error(p.Engine.OnManagement(Request(ManagementAction.Set, ManagementId.Priority1, [5, 0]), 3, readWrite: false, 0), out var id));
        Assert.Equal(ManagementId.Priority1, id);
        Assert.Equal(128, p.Engine.DefaultDataSet.Priority1);
        Assert.Equal(ManagementErrorId.NotSupported,
            Error(p.Engine.OnManagement(Request(ManagementAction.Get, ManagementId.UserDescription), 3, false, 0), out id));
        Assert.Equal(ManagementId.UserDescription, id);
        Assert.Equal(ManagementErrorId.NotSupported,
            Error(p.Engine.OnManagement(Request(ManagementAction.Set, ManagementId.SlaveOnly, [1, 0]), 3, true, 0), out _));
        // A dataField of the wrong length fails validation: no reply, counted (ptp4l drops it as a bad message).
        Assert.Empty(Replies(p.Engine.OnManagement(Request(ManagementAction.Set, ManagementId.GrandmasterSettingsNp, [1, 2]), 3, true, 0)));
        Assert.Equal(1, p.Engine.Counters.BadManagement);
    }

    [Fact]
    public void Requests_for_another_clock_or_port_are_not_answered_and_garbage_is_counted()
    {
        var p = new EngineProbe();
        var other = new PortIdentity(new ClockIdentity(0x1234), PortIdentity.AllPorts);
        Assert.Empty(Replies(p.Engine.OnManagement(Request(ManagementAction.Get, ManagementId.DefaultDataSet, target: other), 3, false, 0)));
        var port9 = new PortIdentity(SelfId, 9);
        Assert.Empty(Replies(p.Engine.OnManagement(Request(ManagementAction.Get, ManagementId.PortDataSet, target: port9), 3, false, 0)));
        p.Engine.OnManagement(new byte[20], 3, false, 0);
        Assert.Equal(1, p.Engine.Counters.BadManagement);
    }

    [Fact]
    public void Wildcard_port_request_is_answered_by_every_port_of_a_boundary_clock()
    {
        var e = new PtpClockEngine(new ClockOptions { ClockIdentity = SelfId }, [new PortOptions { Name = "a" }, new PortOptions { Name = "b" }]);
        e.Start(0);
        var replies = Replies(e.OnManagement(Request(ManagementAction.Get, ManagementId.PortDataSet), 3, false, 0));
        Assert.Equal(2, replies.Count);
        Assert.Equal([1, 2], replies.Select(r => (int)Msg.Parse(r).Header.SourcePortIdentity.PortNumber));
    }

    [Fact]
    public void Management_over_the_network_is_answered_on_the_receiving_port_and_never_sets()
    {
        var p = new EngineProbe();
        p.Rx(Request(ManagementAction.Get, ManagementId.Priority1), address: 11);
        var a = Assert.Single(p.Last, x => x.Kind == ActionKind.ManagementResponse);
        Assert.Equal((0, 11), (a.Port, a.Address));
        Assert.Equal(p.PortId, Msg.Parse(a.Message.Span).Header.SourcePortIdentity);
        p.Rx(Request(ManagementAction.Set, ManagementId.Priority1, [1, 0]), address: 11);
        Assert.Equal(128, p.Engine.DefaultDataSet.Priority1);
    }
}
