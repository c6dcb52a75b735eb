namespace Ptp4Net.Phc.Events;

/// <summary>poll(2) event bits (asm-generic/poll.h).</summary>
[Flags]
public enum PollEvents : short
{
    None = 0,
    Readable = Interop.Libc.POLLIN,
    Priority = Interop.Libc.POLLPRI,
    Error = Interop.Libc.POLLERR,
    HangUp = Interop.Libc.POLLHUP,
    Invalid = Interop.Libc.POLLNVAL,
}
