namespace Ptp4Net.Phc;

internal static partial class Interop
{
    internal static Errno LastErrno() => (Errno)System.Runtime.InteropServices.Marshal.GetLastPInvokeError();

    /// <summary>"EOPNOTSUPP (95): Operation not supported": the form every set-up error message uses.</summary>
    internal static string Describe(Errno e) =>
        $"{e} ({(int)e}): {System.Runtime.InteropServices.Marshal.GetPInvokeErrorMessage((int)e)}";
}
