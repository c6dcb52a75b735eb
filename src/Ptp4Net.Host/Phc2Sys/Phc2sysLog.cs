using System.Globalization;
using Ptp4Net.Phc.Phc2Sys;

namespace Ptp4Net.Host.Phc2Sys;

/// <summary>
/// phc2sys-style output: "phc2sys[mono]: TARGET phc offset N sS freq F delay D" at info (6) on stdout with -m; errors
/// always on stderr. We never use syslog (-q is accepted for compatibility).
/// </summary>
internal sealed class Phc2sysLog(Phc2sysOptions o, TextWriter stdout, TextWriter stderr)
{
    private static string Stamp => (Environment.TickCount64 / 1000.0).ToString("F3", CultureInfo.InvariantCulture);

    public void Info(string message)
    {
        if (o.Verbose && o.LogLevel >= 6)
            stdout.WriteLine($"phc2sys[{Stamp}]: {message}");
    }

    public void Step(string target, in Phc2SysStep s)
    {
        switch (s.Status)
        {
            case Phc2SysStepStatus.Ok:
                var u = s.Update;
                var c = CultureInfo.InvariantCulture;
                string line = string.Create(c, $"{target} phc offset {u.OffsetNs,9} s{(int)u.State} freq {u.FrequencyPpb,7:+0;-0} delay {u.DelayNs,6}");
                if (o.LogLevel >= 7)
                    line += string.Create(c, $" raw {u.RawOffsetNs} utc {u.UtcOffsetSec}x{u.UtcOffsetDirection} {u.Method}");
                if (u.LeapToSet is { } l)
                    line += string.Create(c, $" leap {l:+0;-0;0} set");
                Info(line);
                break;
            case Phc2SysStepStatus.Suspended:
                Info("clock update suspended due to leap second");
                break;
            default:
                stderr.WriteLine($"phc2sys[{Stamp}]: {s.Error ?? s.Status.ToString()}");
                break;
        }
    }
}
