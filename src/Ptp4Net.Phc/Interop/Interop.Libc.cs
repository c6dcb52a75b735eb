namespace Ptp4Net.Phc;

/// <summary>
/// All kernel access of the Linux layer (dotnet/runtime's pattern): one partial class, a nested class per
/// library, one file per call family. x86-64 only (LP64); layouts and constants are from
/// docs/linux-timestamping.md, each struct's size is checked by a unit test.
/// </summary>
internal static partial class Interop
{
    internal static partial class Libc
    {
        internal const string Name = "libc";

        internal static Errno LastErrno() => Interop.LastErrno();
    }
}
