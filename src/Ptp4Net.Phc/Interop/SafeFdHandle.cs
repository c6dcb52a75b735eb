using System.Runtime.InteropServices;

namespace Ptp4Net.Phc;

/// <summary>A Linux file descriptor, closed exactly once.</summary>
public abstract class SafeFdHandle : SafeHandle
{
    protected SafeFdHandle() : base(new IntPtr(-1), ownsHandle: true) { }

    public override bool IsInvalid => handle.ToInt64() < 0;

    /// <summary>The descriptor number, for poll sets. Valid while this handle is open.</summary>
    public int Fd => (int)handle.ToInt64();

    internal void SetFd(int fd) => SetHandle(new IntPtr(fd));

    protected override bool ReleaseHandle() => Interop.Libc.Close((int)handle.ToInt64()) == 0;
}
