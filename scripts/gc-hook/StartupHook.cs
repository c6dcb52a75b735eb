using System.Globalization;

/// <summary>
/// .NET startup hook (DOTNET_STARTUP_HOOKS=path/Ptp4Net.GcHook.dll): runs in the ptp4net process before Main and
/// reports that process's garbage collections, which the daemon does not log itself. It snapshots
/// GC.CollectionCount(0/1/2) once start-up is over (P4N_GC_AFTER_S seconds after start, default 10) and again at
/// exit, and writes one line to the file named by P4N_GC_FILE:
/// "gc total gen0 A gen1 B gen2 C after-startup gen0 a gen1 b gen2 c allocated-after-startup N".
/// The hook allocates nothing between the two snapshots (one sleeping thread).
/// </summary>
internal static class StartupHook
{
    private static readonly int[] s_atStartup = new int[3];
    private static long s_allocatedAtStartup;
    private static volatile bool s_snapshotted;

    public static void Initialize()
    {
        string? file = Environment.GetEnvironmentVariable("P4N_GC_FILE");
        if (string.IsNullOrEmpty(file)) return;
        double after = double.TryParse(Environment.GetEnvironmentVariable("P4N_GC_AFTER_S"), NumberStyles.Float,
            CultureInfo.InvariantCulture, out var a) ? a : 10.0;
        var t = new Thread(() =>
        {
            Thread.Sleep(TimeSpan.FromSeconds(after));
            for (int g = 0; g < 3; g++) s_atStartup[g] = GC.CollectionCount(g);
            s_allocatedAtStartup = GC.GetTotalAllocatedBytes(precise: true);
            s_snapshotted = true;
        }) { IsBackground = true, Name = "gc-hook" };
        t.Start();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Write(file);
    }

    private static void Write(string file)
    {
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        int g0 = GC.CollectionCount(0), g1 = GC.CollectionCount(1), g2 = GC.CollectionCount(2);
        string line = s_snapshotted
            ? FormattableString.Invariant($"gc total gen0 {g0} gen1 {g1} gen2 {g2} after-startup gen0 {g0 - s_atStartup[0]} gen1 {g1 - s_atStartup[1]} gen2 {g2 - s_atStartup[2]} allocated-after-startup {allocated - s_allocatedAtStartup}")
            : FormattableString.Invariant($"gc total gen0 {g0} gen1 {g1} gen2 {g2} after-startup n/a (exited before the snapshot)");
        File.WriteAllText(file, line + "\n");
    }
}
