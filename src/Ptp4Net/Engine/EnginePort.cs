using Ptp4Net.Bmca;
using Ptp4Net.DataSets;
using Ptp4Net.Delay;
using Ptp4Net.Identity;
using Ptp4Net.StateMachine;
using Ptp4Net.Time;

namespace Ptp4Net.Engine;

/// <summary>The per-port state of the engine. Internal: the host sees ports through the engine's accessors.</summary>
internal sealed class EnginePort
{
    public const int ArenaSize = 8192;
    public const int TimerCount = 7;

    public EnginePort(int index, PortOptions options, ClockIdentity clock, int foreignCapacity, bool clientOnly)
    {
        Index = index;
        Options = options;
        Role = clientOnly ? PortRole.ClientOnly : options.MasterOnly ? PortRole.ServerOnly : PortRole.Normal;
        Ds = new PortDataSet
        {
            PortIdentity = new PortIdentity(clock, (ushort)(index + 1)),
            LogAnnounceInterval = options.LogAnnounceInterval,
            AnnounceReceiptTimeout = options.AnnounceReceiptTimeout,
            LogSyncInterval = options.LogSyncInterval,
            LogMinDelayReqInterval = options.LogMinDelayReqInterval,
            LogMinPdelayReqInterval = options.LogMinPdelayReqInterval,
            DelayMechanism = options.DelayMechanism == DelayMechanism.P2P ? DelayMechanism.P2P : DelayMechanism.E2E,
            DelayAsymmetryNs = options.DelayAsymmetryNs,
        };
        Foreign = new ForeignMasterTable(foreignCapacity);
        Filter = new DelayFilter(options.DelayFilter == DelayFilterKind.MovingMedian, options.DelayFilterLength);
        LogName = $"port {index + 1} ({options.Name})";
        NameBytes = System.Text.Encoding.UTF8.GetBytes(options.Name);
    }

    public readonly int Index;
    public readonly PortOptions Options;
    public readonly PortRole Role;
    public readonly PortDataSet Ds;
    public readonly ForeignMasterTable Foreign;
    public readonly DelayFilter Filter;
    public readonly PortCounters Counters = new();
    public readonly string LogName;
    /// <summary>The interface name as PTPText octets (PORT_PROPERTIES_NP).</summary>
    public readonly byte[] NameBytes;

    public readonly byte[] Arena = new byte[ArenaSize];
    public int ArenaUsed;
    public readonly bool[] TimerArmed = new bool[TimerCount];

    public PortState State { get => Ds.PortState; set => Ds.PortState = value; }
    public bool IsP2P => Ds.DelayMechanism == DelayMechanism.P2P;
    public bool LinkUp = true;
    public FaultReason Fault;

    // Best qualified foreign master on this port, refreshed by each state decision.
    public bool HasErbest;
    public AnnounceInfo Erbest;

    // Transmit sequence counters (7.3.7: one per message type).
    public ushort AnnounceSeq, SyncSeq, DelayReqSeq, PdelayReqSeq;

    // Slave side: Sync / Follow_Up matching (9.5.4, 11.3).
    public bool HaveSync;
    public ushort PendSyncSeq;
    public long PendSyncRxNs;
    public long PendSyncCorrection;
    public bool HaveFollowUp;
    public ushort PendFupSeq;
    public PortIdentity PendFupSource;
    public long PendFupOriginNs;
    public long PendFupCorrection;
    public bool HaveLastSync;
    public ushort LastSyncSeq;
    public sbyte LastSyncLogInterval = sbyte.MinValue;
    // The last complete (t1, t2, c1), used by the E2E delay computation.
    public bool HaveT1T2;
    public long T1Ns, T2Ns, C1Scaled;

    /// <summary>The host's address id of the current master (from its Syncs), for hybrid_e2e.</summary>
    public int ParentAddress = -1;

    // Master-to-local rate from successive Syncs (EstimateRateFromSync): a ring of (t1 + c1, t2).
    public const int RateWindow = 8;
    public readonly long[] RateT1 = new long[RateWindow];
    public readonly long[] RateT2 = new long[RateWindow];
    public int RateCount, RateNext;
    public double SyncRateRatio = 1.0;
    public bool HaveSyncRate;
    /// <summary>Jumps of the master's time seen by the Sync rate estimate.</summary>
    public long TimeJumps;

    // E2E requester.
    public bool DelayReqOutstanding;
    public ushort DelayReqOutSeq;
    public bool HaveT3;
    public long T3Ns;
    public bool HaveEarlyResp;
    public long EarlyT4Ns, EarlyC2Scaled;
    /// <summary>EstimateRateFromSync: a complete Delay_Req/Delay_Resp exchange waiting for the next Sync to show that
    /// the master's time did not jump in between.</summary>
    public bool HaveDeferredDelay;
    public long DeferredT3Ns, DeferredT4Ns, DeferredC2Scaled;
    public bool HaveDelay;
    /// <summary>The filter holds delays measured before a clock step (ResetDelayFilterOnStep): the next raw delay
    /// restarts it.</summary>
    public bool FilterStale;
    public long MeanDelayNs;

    // P2P requester.
    public bool PdelayOutstanding;
    public ushort PdelayOutSeq;
    public bool PdHaveT1, PdHaveResp, PdHaveFup, PdDone;
    public long PdT1Ns, PdT2Ns, PdT3Ns, PdT4Ns, PdRespCorrection, PdFupCorrection;
    public PortIdentity PdResponder;
    public bool PdHavePrev;
    public long PdPrevT3Ns, PdPrevT4Ns;
    public double NeighborRateRatio = 1.0;
    public bool HavePeerDelay;
    public long PeerDelayNs;
    public int LostResponses;

    public void ResetSlaveState()
    {
        HaveSync = HaveFollowUp = HaveLastSync = HaveT1T2 = false;
        DelayReqOutstanding = HaveT3 = HaveEarlyResp = false;
        LastSyncLogInterval = sbyte.MinValue;
        ParentAddress = -1;
        HaveDeferredDelay = false;
        ResetRate();
    }

    public void ResetRate()
    {
        RateCount = RateNext = 0;
        SyncRateRatio = 1.0;
        HaveSyncRate = false;
    }

    /// <summary>Adds a Sync's (master time, local time) and updates the rate over the window. Returns true when the
    /// master's time jumped against ours (the window restarts then).</summary>
    public bool AddRateSample(long masterNs, long localNs)
    {
        bool jumped = false;
        if (RateCount > 0)
        {
            int oldest = RateCount < RateWindow ? 0 : RateNext;
            long dm = masterNs - RateT1[oldest], dl = localNs - RateT2[oldest];
            if (dl > 0)
            {
                double r = (double)dm / dl;
                // A ratio beyond 0.1 % is no oscillator: a step or a new master; start over.
                if (Math.Abs(r - 1.0) < 1e-3)
                {
                    SyncRateRatio = r;
                    HaveSyncRate = true;
                }
                else
                {
                    RateCount = RateNext = 0;
                    HaveSyncRate = false;
                    TimeJumps++;
                    jumped = true;
                }
            }
        }
        RateT1[RateNext] = masterNs;
        RateT2[RateNext] = localNs;
        RateNext = (RateNext + 1) % RateWindow;
        if (RateCount < RateWindow) RateCount++;
        return jumped;
    }

    public void ResetPeerState()
    {
        PdelayOutstanding = PdHaveT1 = PdHaveResp = PdHaveFup = PdDone = PdHavePrev = false;
        NeighborRateRatio = 1.0;
        HavePeerDelay = false;
        PeerDelayNs = 0;
        LostResponses = 0;
        Ds.PeerMeanPathDelay = TimeInterval.Zero;
    }

    public static long Ns(PtpTimestamp t) => t.ToNanosecondsInt64();
}
