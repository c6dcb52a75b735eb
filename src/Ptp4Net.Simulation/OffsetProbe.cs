namespace Ptp4Net.Simulation;

/// <summary>
/// Samples the ground truth at a fixed virtual period: the true offset of a clock from its reference
/// (normally the grandmaster) and their true rate difference. Sampling reads the clocks without noise and
/// does not disturb any random stream.
/// </summary>
public sealed class OffsetProbe : ISimEventTarget
{
    private readonly SimWorld _world;
    private readonly SimClock _clock;
    private readonly SimClock? _reference;
    private readonly List<long> _times = new();
    private readonly List<double> _offsets = new();
    private readonly List<double> _rates = new();

    /// <param name="reference">The clock the offset is measured from; null for the ideal timescale.</param>
    public OffsetProbe(SimWorld world, SimClock clock, SimClock? reference, long periodNs, long startNs = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(periodNs);
        _world = world;
        _clock = clock;
        _reference = reference;
        PeriodNs = periodNs;
        world.Scheduler.ScheduleAt(Math.Max(startNs, world.Now), this, 0);
    }

    public long PeriodNs { get; }
    public IReadOnlyList<long> Times => _times;
    public IReadOnlyList<double> Offsets => _offsets;
    public IReadOnlyList<double> RateErrorsPpb => _rates;

    /// <summary>The true offset now (clock − reference), ns.</summary>
    public double OffsetNow() => TrueOffset(_world.Now);

    private double TrueOffset(long t) => _clock.OffsetNs(t) - (_reference?.OffsetNs(t) ?? 0);

    void ISimEventTarget.OnEvent(in SimEvent e)
    {
        long t = e.Time;
        _times.Add(t);
        _offsets.Add(TrueOffset(t));
        _rates.Add(_clock.RateErrorPpb(t) - (_reference?.RateErrorPpb(t) ?? 0));
        _world.Scheduler.ScheduleAt(t + PeriodNs, this, 0);
    }

    /// <summary>The report's figures over the samples up to <paramref name="endNs"/>.</summary>
    public AccuracyFigures Figures(double lockBoundNs, long endNs = long.MaxValue, long startNs = long.MinValue) =>
        AccuracyFigures.Compute(_times, _offsets, _rates, lockBoundNs, endNs, startNs);
}
