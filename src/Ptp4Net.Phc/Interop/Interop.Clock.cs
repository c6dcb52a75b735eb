using System.Runtime.InteropServices;

namespace Ptp4Net.Phc;

internal static partial class Interop
{
    internal static partial class Libc
    {
        internal const int CLOCK_REALTIME = 0;
        internal const int CLOCK_MONOTONIC = 1;
        internal const int CLOCK_MONOTONIC_RAW = 4;
        internal const int CLOCKFD = 3;

        // clock_adjtime modes (timex.h)
        internal const uint ADJ_OFFSET = 0x1;
        internal const uint ADJ_FREQUENCY = 0x2;
        internal const uint ADJ_SETOFFSET = 0x100;
        internal const uint ADJ_NANO = 0x2000;

        /// <summary>struct timespec (16): i64 tv_sec @0, i64 tv_nsec @8.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct Timespec
        {
            public long Sec;
            public long Nsec;

            public readonly long TotalNanoseconds => Sec * 1_000_000_000L + Nsec;
            public readonly bool IsZero => Sec == 0 && Nsec == 0;
        }

        /// <summary>struct timex (208 bytes; doc §5.2). Only the fields a PHC honours are named.</summary>
        [StructLayout(LayoutKind.Explicit, Size = 208)]
        internal struct Timex
        {
            [FieldOffset(0)] public uint Modes;
            [FieldOffset(8)] public long Offset;
            [FieldOffset(16)] public long Freq;
            [FieldOffset(40)] public int Status;
            [FieldOffset(72)] public long TimeSec;
            /// <summary>µs, or ns with ADJ_NANO.</summary>
            [FieldOffset(80)] public long TimeUsecOrNsec;
            [FieldOffset(160)] public int Tai;
        }

        /// <summary>Dynamic clock id of an open PHC: ((~fd) &lt;&lt; 3) | CLOCKFD (posix-clock.c).</summary>
        internal static int FdToClockId(int fd) => (int)(((uint)~fd << 3) | CLOCKFD);

        internal static int ClockIdToFd(int clockId) => ~(clockId >> 3);

        [LibraryImport(Name, EntryPoint = "clock_gettime", SetLastError = true)]
        internal static unsafe partial int ClockGetTime(int clockId, Timespec* ts);

        [LibraryImport(Name, EntryPoint = "clock_settime", SetLastError = true)]
        internal static unsafe partial int ClockSetTime(int clockId, Timespec* ts);

        [LibraryImport(Name, EntryPoint = "clock_adjtime", SetLastError = true)]
        internal static unsafe partial int ClockAdjTime(int clockId, Timex* tx);

        internal static unsafe long MonotonicNanoseconds()
        {
            Timespec ts;
            ClockGetTime(CLOCK_MONOTONIC, &ts);
            return ts.TotalNanoseconds;
        }

        internal static unsafe long RealtimeNanoseconds()
        {
            Timespec ts;
            ClockGetTime(CLOCK_REALTIME, &ts);
            return ts.TotalNanoseconds;
        }
    }
}
