using BenchmarkDotNet.Attributes;
using Ptp4Net.Identity;
using Ptp4Net.Messages;
using Ptp4Net.Time;

namespace Ptp4Net.Benchmarks;

/// <summary>
/// Parse + validate and write for the messages a port handles most: Sync, Follow_Up, Announce, and a management
/// CURRENT_DATA_SET RESPONSE (what pmc asks most). Target: Sync parse under 50 ns, 0 bytes allocated.
/// </summary>
[MemoryDiagnoser]
public class CodecBenchmarks
{
    private readonly byte[] _sync = new byte[64];
    private readonly byte[] _followUp = new byte[128];
    private readonly byte[] _announce = new byte[128];
    private readonly byte[] _management = new byte[128];
    private readonly byte[] _out = new byte[1500];
    private int _syncLength, _followUpLength, _announceLength, _managementLength;

    private static readonly PortIdentity Source = new(new ClockIdentity(0x001B21FFFE010203), 1);
    private static readonly PtpHeader SyncHeader = new()
    {
        Flags = PtpFlags.TwoStep | PtpFlags.PtpTimescale, SourcePortIdentity = Source, SequenceId = 0x1234,
        ControlField = 0, LogMessageInterval = -3, MinorVersionPtp = 1,
    };
    private static readonly SyncBody Sync = new(new PtpTimestamp(1699691040, 500_000_000));
    private static readonly FollowUpBody FollowUp = new(new PtpTimestamp(1699691040, 500_000_123));
    private static readonly FollowUpInformationTlv FollowUpInfo = new(0, 0, default, 0);
    private static readonly AnnounceBody Announce = new()
    {
        CurrentUtcOffset = 37, GrandmasterPriority1 = 128, GrandmasterClockQuality = ClockQuality.Default,
        GrandmasterPriority2 = 128, GrandmasterIdentity = Source.ClockIdentity, StepsRemoved = 0, TimeSource = TimeSource.InternalOscillator,
    };
    private static readonly ManagementBody ResponseBody = new(PortIdentity.Wildcard, 1, 0, ManagementAction.Response);
    private static readonly ManagementCurrentDataSet Current = new(1, TimeInterval.FromNanoseconds(-100), TimeInterval.FromNanoseconds(1234));

    [GlobalSetup]
    public void Setup()
    {
        _syncLength = PtpMessageWriter.WriteSync(_sync, SyncHeader, Sync);
        _followUpLength = PtpMessageWriter.WriteFollowUp(_followUp, SyncHeader with { ControlField = 2 }, FollowUp);
        _followUpLength = PtpMessageWriter.AppendTlv(_followUp, _followUpLength, FollowUpInfo);
        _announceLength = PtpMessageWriter.WriteAnnounce(_announce, SyncHeader with { ControlField = 5, LogMessageInterval = 1 }, Announce);
        _managementLength = PtpMessageWriter.WriteManagement(_management, SyncHeader with { ControlField = 4 }, ResponseBody);
        _managementLength = PtpMessageWriter.AppendManagementTlv(_management, _managementLength, Current);
    }

    [Benchmark]
    public uint ParseSync()
    {
        PtpMessage.TryRead(_sync.AsSpan(0, _syncLength), out var m, out _);
        return m.Sync.OriginTimestamp.Nanoseconds;
    }

    [Benchmark]
    public int ParseFollowUp()
    {
        PtpMessage.TryRead(_followUp.AsSpan(0, _followUpLength), out var m, out _);
        int r = (int)m.FollowUp.PreciseOriginTimestamp.Nanoseconds;
        foreach (var tlv in m.Tlvs)
            if (FollowUpInformationTlv.TryRead(tlv, out var fu, out _)) r += fu.CumulativeScaledRateOffset;
        return r;
    }

    [Benchmark]
    public byte ParseAnnounce()
    {
        PtpMessage.TryRead(_announce.AsSpan(0, _announceLength), out var m, out _);
        return m.Announce.GrandmasterPriority1;
    }

    [Benchmark]
    public long ParseManagementCurrentDataSet()
    {
        PtpMessage.TryRead(_management.AsSpan(0, _managementLength), out var m, out _);
        m.TryGetFirstTlv(out var tlv);
        ManagementTlv.TryRead(tlv, out var mt, out _);
        mt.TryGet<ManagementCurrentDataSet>(out var cds, out _);
        return cds.MeanPathDelay.ScaledNanoseconds;
    }

    [Benchmark]
    public int WriteSync() => PtpMessageWriter.WriteSync(_out, SyncHeader, Sync);

    [Benchmark]
    public int WriteFollowUp()
    {
        int n = PtpMessageWriter.WriteFollowUp(_out, SyncHeader, FollowUp);
        return PtpMessageWriter.AppendTlv(_out, n, FollowUpInfo);
    }

    [Benchmark]
    public int WriteAnnounce() => PtpMessageWriter.WriteAnnounce(_out, SyncHeader, Announce);

    [Benchmark]
    public int WriteManagementCurrentDataSet()
    {
        int n = PtpMessageWriter.WriteManagement(_out, SyncHeader, ResponseBody);
        return PtpMessageWriter.AppendManagementTlv(_out, n, Current);
    }
}
