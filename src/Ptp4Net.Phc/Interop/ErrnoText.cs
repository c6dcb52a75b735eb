namespace Ptp4Net.Phc;

/// <summary>The C library's wording of an errno, for log lines and messages outside the Linux layer.</summary>
public static class ErrnoText
{
    /// <summary>strerror(3)'s text, e.g. "Address already in use".</summary>
    public static string Message(this Errno errno) =>
        System.Runtime.InteropServices.Marshal.GetPInvokeErrorMessage((int)errno);
}
