namespace Ptp4Net.Phc.VmClock;

/// <summary>
/// The CPU counter a vmclock page is calibrated against (TSC, arm64 virtual counter). .NET has no portable rdtsc,
/// so the real command reads vmclock time through its PHC; this interface serves the simulator and tests.
/// </summary>
public interface ICounterReader
{
    ulong ReadCounter();
}
