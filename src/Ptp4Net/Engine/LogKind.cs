namespace Ptp4Net.Engine;

/// <summary>Kinds of <see cref="LogEvent"/>, each with ptp4l's wording in <see cref="LogText"/>.</summary>
public enum LogKind : byte
{
    /// <summary>"selected best master clock 001122.fffe.334455" (clock.c handle_state_decision_event).</summary>
    SelectedBestMaster,
    /// <summary>"selected local clock 001122.fffe.334455 as best master".</summary>
    SelectedLocalClock,
    /// <summary>"port 1 (eth0): new foreign master 001122.fffe.334455-1".</summary>
    NewForeignMaster,
    /// <summary>"port 1 (eth0): assuming the grand master role" (linuxptp 4.x wording).</summary>
    AssumingGrandMaster,
    /// <summary>"master offset -12 s2 freq +345 path delay 678".</summary>
    ServoSample,
    /// <summary>A fault on a port, or the link coming back (see <see cref="LogEvent.Fault"/>): "port 1 (eth0): link down".</summary>
    Fault,
    /// <summary>"port 1 (eth0): delay timeout" / lost Pdelay responses.</summary>
    DelayTimeout,
    /// <summary>The `sanity_freq_limit` check failed and the servo was reset (ptp4l clockcheck warnings).</summary>
    ServoReset,
}
