using System.Runtime.InteropServices;

namespace Ptp4Net.Phc;

internal static partial class Interop
{
    internal static partial class Libc
    {
        internal const uint SIOCGIFFLAGS = 0x8913;
        internal const uint SIOCGIFHWADDR = 0x8927;
        internal const uint SIOCETHTOOL = 0x8946;
        internal const uint SIOCSHWTSTAMP = 0x89B0;
        internal const uint SIOCGHWTSTAMP = 0x89B1;
        internal const uint ETHTOOL_GET_TS_INFO = 0x41;
        internal const int IFNAMSIZ = 16;

        /// <summary>struct ifreq (40): char name[16] @0, union @16 (ifr_data pointer here).</summary>
        [StructLayout(LayoutKind.Explicit, Size = 40)]
        internal unsafe struct IfReq
        {
            [FieldOffset(0)] public fixed byte Name[16];
            [FieldOffset(16)] public void* Data;
            [FieldOffset(16)] public int IfIndex;
            /// <summary>ifr_flags (short) for SIOCGIFFLAGS.</summary>
            [FieldOffset(16)] public short Flags;

            /// <summary>Copies the name (ASCII, at most 15 bytes, NUL-terminated); false when too long.</summary>
            public bool TrySetName(string name)
            {
                if (name.Length == 0 || name.Length >= IFNAMSIZ)
                    return false;
                for (int i = 0; i < name.Length; i++)
                {
                    if (name[i] > 0x7E || name[i] < 0x21)
                        return false;
                    Name[i] = (byte)name[i];
                }
                Name[name.Length] = 0;
                return true;
            }
        }

        /// <summary>struct hwtstamp_config (12): flags @0, tx_type @4, rx_filter @8.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct HwtstampConfig
        {
            public int Flags;
            public int TxType;
            public int RxFilter;
        }

        /// <summary>struct ethtool_ts_info (44; ethtool.h).</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal unsafe struct EthtoolTsInfo
        {
            public uint Cmd;
            public uint SoTimestamping;
            public int PhcIndex;
            public uint TxTypes;
            public fixed uint TxReserved[3];
            public uint RxFilters;
            public fixed uint RxReserved[3];
        }

        [LibraryImport(Name, EntryPoint = "ioctl", SetLastError = true)]
        internal static unsafe partial int Ioctl(SafeFdHandle fd, nuint request, void* arg);
    }
}
