namespace Ptp4Net.Phc.Events;

/// <summary>
/// An eventfd(2) that another thread (a signal handler, a test) writes to so that a run loop blocked in
/// <see cref="Poller.Wait"/> returns: add <see cref="Handle"/> to the poller, call <see cref="Drain"/> when it is
/// readable. Non-blocking, close-on-exec.
/// </summary>
public sealed unsafe class Waker : IDisposable
{
    public Waker()
    {
        int fd = Interop.Libc.EventFd(0, Interop.Libc.EFD_NONBLOCK | Interop.Libc.EFD_CLOEXEC);
        if (fd < 0)
        {
            var e = Interop.LastErrno();
            throw new LinuxException($"eventfd failed: {Interop.Describe(e)}", e);
        }
        Handle = new SafeEventFd();
        Handle.SetFd(fd);
    }

    public SafeEventFd Handle { get; }

    /// <summary>Makes the descriptor readable; safe from any thread, a no-op once disposed.</summary>
    public void Wake()
    {
        long one = 1;
        try
        {
            Interop.Libc.Write(Handle, &one, sizeof(long));
        }
        catch (ObjectDisposedException)
        {
            // Stop() after Dispose(): nobody is waiting any more.
        }
    }

    /// <summary>Resets the counter (reads it); the descriptor is not readable until the next <see cref="Wake"/>.</summary>
    public void Drain()
    {
        long v;
        Interop.Libc.Read(Handle, &v, sizeof(long));
    }

    public void Dispose() => Handle.Dispose();
}
