namespace Ptp4Net.Tests.Architecture;

/// <summary>
/// What keeps the protocol core sans-IO (style.md, "the core reads no clock and opens no socket; every input
/// carries its time; randomness is injected and seeded"), as data the tests check against the IL.
/// </summary>
internal static class SansIoRules
{
    /// <summary>The core's protocol namespaces (and their sub-namespaces). Ptp4Net.Configuration and
    /// Ptp4Net.Capture are left out on purpose: they read config files and captures at set-up, which is their job.</summary>
    public static readonly string[] ProtocolNamespaces =
    [
        "Ptp4Net.Engine", "Ptp4Net.Bmca", "Ptp4Net.StateMachine", "Ptp4Net.Delay", "Ptp4Net.DataSets",
        "Ptp4Net.Management", "Ptp4Net.Messages", "Ptp4Net.Time", "Ptp4Net.Identity", "Ptp4Net.Servo",
    ];

    /// <summary>The assemblies that hold those namespaces.</summary>
    public static readonly string[] CoreAssemblies = ["Ptp4Net.Core.dll", "Ptp4Net.Servo.dll"];

    public const string Sockets = "no sockets";
    public const string Files = "no file system";
    public const string Clock = "no clock reads";
    public const string Randomness = "no Random (use IRandomSource)";
    public const string Waiting = "no sleeping or delays";
    public const string ConsoleIo = "no console";
    public const string NativeCalls = "no P/Invoke";
    public const string UnseededRandom = "no unseeded Random";

    /// <summary>Banned inside <see cref="ProtocolNamespaces"/>.</summary>
    public static readonly BannedReference[] InProtocolNamespaces =
    [
        new(Sockets, "System.Net.Sockets", IsNamespace: true),
        new(Files, "System.IO.File"),
        new(Files, "System.IO.FileStream"),
        new(Files, "System.IO.FileInfo"),
        new(Files, "System.IO.Directory"),
        new(Files, "System.IO.DirectoryInfo"),
        new(Clock, "System.DateTime", "get_Now"),
        new(Clock, "System.DateTime", "get_UtcNow"),
        new(Clock, "System.DateTime", "get_Today"),
        new(Clock, "System.DateTimeOffset", "get_Now"),
        new(Clock, "System.DateTimeOffset", "get_UtcNow"),
        new(Clock, "System.Diagnostics.Stopwatch"),
        new(Clock, "System.Environment", "get_TickCount"),
        new(Clock, "System.Environment", "get_TickCount64"),
        new(Clock, "System.TimeProvider", "get_System"),
        new(Randomness, "System.Random"),
        new(Waiting, "System.Threading.Thread", "Sleep"),
        new(Waiting, "System.Threading.Tasks.Task", "Delay"),
        new(ConsoleIo, "System.Console"),
        new(NativeCalls, IlReferenceScanner.DllImportMarker),
        new(NativeCalls, IlReferenceScanner.LibraryImportMarker),
    ];

    /// <summary>Banned anywhere in <see cref="CoreAssemblies"/> (also Configuration and Capture).</summary>
    public static readonly BannedReference[] AnywhereInCore =
    [
        new(UnseededRandom, "System.Random", ".ctor", ParameterCount: 0),
        new(UnseededRandom, "System.Random", "get_Shared"),
    ];

    public static bool InProtocolNamespace(string ns, IEnumerable<string> namespaces) =>
        namespaces.Any(p => ns == p || ns.StartsWith(p + ".", StringComparison.Ordinal));

    /// <summary>Every reference in <paramref name="refs"/> for which <paramref name="where"/> holds that a rule bans.</summary>
    public static List<(BannedReference Rule, IlReferenceScanner.Reference At)> Violations(
        IEnumerable<IlReferenceScanner.Reference> refs, Func<IlReferenceScanner.Reference, bool> where, IReadOnlyCollection<BannedReference> rules)
    {
        var found = new List<(BannedReference, IlReferenceScanner.Reference)>();
        foreach (var r in refs)
        {
            if (!where(r))
                continue;
            foreach (var rule in rules)
                if (rule.Matches(r))
                    found.Add((rule, r));
        }
        return found;
    }
}
