using System.Runtime.InteropServices;

namespace Ptp4Net.Phc;

internal static partial class Interop
{
    internal static partial class Libc
    {
        [LibraryImport(Name, EntryPoint = "geteuid")]
        internal static partial uint GetEuid();

        [LibraryImport(Name, EntryPoint = "kill", SetLastError = true)]
        internal static partial int Kill(int pid, int signal);
    }
}
