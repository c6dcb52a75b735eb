using BenchmarkDotNet.Attributes;
using Ptp4Net.Servo;

namespace Ptp4Net.Benchmarks;

/// <summary>
/// One servo sample in steady state (locked, 16 Sync/s), through the supervisor as the engine calls it.
/// linreg refits its 4..64-point regressions on every sample, so it costs more than the PI.
/// </summary>
[MemoryDiagnoser]
public class ServoBenchmarks
{
    private const long Interval = 62_500_000; // 1/16 s
    private const int Offsets = 1024;

    private readonly long[] _offsets = new long[Offsets];
    private ServoSupervisor _pi = null!;
    private ServoSupervisor _linreg = null!;
    private long _piTime;
    private long _linregTime;
    private int _piIndex;
    private int _linregIndex;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1588);
        for (int i = 0; i < Offsets; i++)
            _offsets[i] = random.Next(-40, 41);
        _pi = ServoFactory.Create(new ServoOptions { ClockServo = ServoType.Pi });
        _linreg = ServoFactory.Create(new ServoOptions { ClockServo = ServoType.LinReg });
        _pi.SyncInterval = 1.0 / 16;
        _linreg.SyncInterval = 1.0 / 16;
        _piTime = _linregTime = 1_700_000_000_000_000_000;
        for (int i = 0; i < 200; i++)
        {
            PiSample();
            LinRegSample();
        }
    }

    [Benchmark]
    public ServoResult PiSample()
    {
        _piTime += Interval;
        return _pi.Sample(_offsets[_piIndex++ & (Offsets - 1)], _piTime);
    }

    [Benchmark]
    public ServoResult LinRegSample()
    {
        _linregTime += Interval;
        return _linreg.Sample(_offsets[_linregIndex++ & (Offsets - 1)], _linregTime);
    }
}
