using System.Runtime.InteropServices;

namespace Ptp4Net.Phc;

internal static partial class Interop
{
    internal static partial class Libc
    {
        internal const int PTP_MAX_SAMPLES = 25;

        /// <summary>_IOC(dir, '=', nr, size) as asm-generic/ioctl.h: dir&lt;&lt;30 | size&lt;&lt;16 | type&lt;&lt;8 | nr.</summary>
        internal static uint PtpIoc(uint dir, uint nr, int size) => (dir << 30) | ((uint)size << 16) | (0x3Du << 8) | nr;

        internal const uint IocNone = 0, IocWrite = 1, IocRead = 2;

        internal static unsafe uint PTP_CLOCK_GETCAPS2 => PtpIoc(IocRead, 10, sizeof(PtpClockCaps));
        internal static unsafe uint PTP_CLOCK_GETCAPS => PtpIoc(IocRead, 1, sizeof(PtpClockCaps));
        internal static unsafe uint PTP_SYS_OFFSET2 => PtpIoc(IocWrite, 14, sizeof(PtpSysOffset));
        internal static unsafe uint PTP_SYS_OFFSET => PtpIoc(IocWrite, 5, sizeof(PtpSysOffset));
        internal static unsafe uint PTP_SYS_OFFSET_PRECISE2 => PtpIoc(IocRead | IocWrite, 17, sizeof(PtpSysOffsetPrecise));
        internal static unsafe uint PTP_SYS_OFFSET_PRECISE => PtpIoc(IocRead | IocWrite, 8, sizeof(PtpSysOffsetPrecise));
        internal static unsafe uint PTP_SYS_OFFSET_EXTENDED2 => PtpIoc(IocRead | IocWrite, 18, sizeof(PtpSysOffsetExtended));
        internal static unsafe uint PTP_SYS_OFFSET_EXTENDED => PtpIoc(IocRead | IocWrite, 9, sizeof(PtpSysOffsetExtended));

        /// <summary>struct ptp_clock_time (16): i64 sec, u32 nsec, u32 reserved.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct PtpClockTime
        {
            public long Sec;
            public uint Nsec;
            public uint Reserved;

            public readonly long TotalNanoseconds => Sec * 1_000_000_000L + Nsec;

            public static PtpClockTime FromNanoseconds(long ns) => new()
            {
                Sec = Math.DivRem(ns, 1_000_000_000L, out long r) - (r < 0 ? 1 : 0),
                Nsec = (uint)(r < 0 ? r + 1_000_000_000L : r),
            };
        }

        /// <summary>struct ptp_clock_caps (80; upstream: max_phase_adj @32, rsv[11]).</summary>
        [StructLayout(LayoutKind.Explicit, Size = 80)]
        internal struct PtpClockCaps
        {
            [FieldOffset(0)] public int MaxAdj;
            [FieldOffset(4)] public int NAlarm;
            [FieldOffset(8)] public int NExtTs;
            [FieldOffset(12)] public int NPerOut;
            [FieldOffset(16)] public int Pps;
            [FieldOffset(20)] public int NPins;
            [FieldOffset(24)] public int CrossTimestamping;
            [FieldOffset(28)] public int AdjustPhase;
            [FieldOffset(32)] public int MaxPhaseAdj;
        }

        /// <summary>struct ptp_sys_offset (832): n_samples, rsv[3], ts[2*25+1] system/phc/system/...</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct PtpSysOffset
        {
            public uint NSamples;
            public fixed uint Rsv[3];
            public fixed byte Ts[(2 * PTP_MAX_SAMPLES + 1) * 16];
        }

        /// <summary>struct ptp_sys_offset_extended (1216): n_samples, clockid (6.12+; 0 = REALTIME), rsv[2], ts[25][3] {pre, phc, post}.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct PtpSysOffsetExtended
        {
            public uint NSamples;
            public int ClockId;
            public fixed uint Rsv[2];
            public fixed byte Ts[PTP_MAX_SAMPLES * 3 * 16];
        }

        /// <summary>struct ptp_sys_offset_precise (64): device, sys_realtime, sys_monoraw, rsv[4].</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct PtpSysOffsetPrecise
        {
            public PtpClockTime Device;
            public PtpClockTime SysRealtime;
            public PtpClockTime SysMonoRaw;
            public fixed uint Rsv[4];
        }
    }
}
