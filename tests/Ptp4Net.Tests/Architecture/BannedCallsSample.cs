using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Ptp4Net.Tests.Architecture.Samples;

/// <summary>
/// Never run: one method per thing the sans-IO rules ban, so the tests can show that the scanner and every rule
/// catch it (a rule that cannot fail would prove nothing). Scanned from this test assembly's own IL. [LibraryImport]
/// needs unsafe code in this project, so that detection is shown on Ptp4Net.Phc's interop instead.
/// </summary>
public static class BannedCallsSample
{
    public static Socket OpensSocket() => new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

    public static string ReadsFile() => File.ReadAllText("/nonexistent");

    public static FileStream OpensFileStream() => new("/nonexistent", FileMode.Open);

    public static bool ListsDirectory() => Directory.Exists("/nonexistent");

    public static long StatsFile() => new FileInfo("/nonexistent").Length;

    public static bool StatsDirectory() => new DirectoryInfo("/nonexistent").Exists;

    public static DateTime ReadsNow() => DateTime.Now;

    public static DateTime ReadsToday() => DateTime.Today;

    public static DateTimeOffset ReadsTimeProvider() => TimeProvider.System.GetUtcNow();

    public static DateTime ReadsUtcNow() => DateTime.UtcNow;

    public static DateTimeOffset ReadsOffsetNow() => DateTimeOffset.Now;

    public static DateTimeOffset ReadsOffsetUtcNow() => DateTimeOffset.UtcNow;

    public static long UsesStopwatch() => Stopwatch.GetTimestamp();

    public static long ReadsTickCount() => Environment.TickCount64 + Environment.TickCount;

    public static Random MakesUnseededRandom() => new();

    public static int UsesSharedRandom() => Random.Shared.Next();

    public static Random MakesSeededRandom() => new(42);

    public static void Sleeps() => Thread.Sleep(1);

    public static Task Delays() => Task.Delay(1);

    public static void WritesConsole() => Console.WriteLine("x");

    public static Func<DateTime> LambdaReadsNow() => () => DateTime.UtcNow;

    [DllImport("libc", EntryPoint = "getpid")]
    public static extern int DllImported();
}
