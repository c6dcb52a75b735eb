namespace Ptp4Net.Phc.Events;

/// <summary>
/// A fixed set of descriptors waited on with one poll(2) call: the run loop's only blocking point. The set is built
/// at set-up (<see cref="Add"/> returns the entry's index); <see cref="Wait"/> allocates nothing and returns the errno
/// (EINTR included) instead of throwing. The handles must stay open while the poller is used: the poller keeps a
/// reference to each so that they are not finalised under it.
/// </summary>
public sealed unsafe class Poller
{
    private readonly Interop.Libc.PollFd[] _fds;
    private readonly SafeFdHandle[] _handles;
    private int _count;

    public Poller(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _fds = new Interop.Libc.PollFd[capacity];
        _handles = new SafeFdHandle[capacity];
    }

    public int Count => _count;

    /// <summary>Adds an open descriptor (set-up); returns its index for <see cref="Ready"/>.</summary>
    public int Add(SafeFdHandle handle, PollEvents events = PollEvents.Readable)
    {
        ArgumentNullException.ThrowIfNull(handle);
        if (handle.IsInvalid || handle.IsClosed)
            throw new ArgumentException("the descriptor is not open", nameof(handle));
        if (_count == _fds.Length)
            throw new InvalidOperationException($"the poller holds {_fds.Length} descriptors already");
        _handles[_count] = handle;
        _fds[_count] = new Interop.Libc.PollFd { Fd = handle.Fd, Events = (short)events };
        return _count++;
    }

    /// <summary>Waits up to <paramref name="timeoutMs"/> (−1: forever); <paramref name="ready"/> is the number of
    /// entries with events (0 on timeout).</summary>
    public Errno Wait(int timeoutMs, out int ready)
    {
        fixed (Interop.Libc.PollFd* p = _fds)
            ready = Interop.Libc.Poll(p, (ulong)_count, timeoutMs);
        if (ready >= 0)
            return Errno.None;
        ready = 0;
        return Interop.LastErrno();
    }

    /// <summary>The events the last <see cref="Wait"/> reported for entry <paramref name="index"/>.</summary>
    public PollEvents Ready(int index) => (PollEvents)_fds[index].Revents;

    /// <summary>Waits for one descriptor to become readable (a client's bounded wait for an answer); false on
    /// timeout or error, EINTR retried within the same deadline.</summary>
    public static bool WaitReadable(SafeFdHandle handle, int timeoutMs)
    {
        var pfd = new Interop.Libc.PollFd { Fd = handle.Fd, Events = Interop.Libc.POLLIN };
        long deadline = Environment.TickCount64 + timeoutMs;
        while (true)
        {
            int left = (int)Math.Max(0, deadline - Environment.TickCount64);
            pfd.Revents = 0;
            int r = Interop.Libc.Poll(&pfd, 1, left);
            if (r < 0 && Interop.LastErrno() == Errno.EINTR && left > 0)
                continue;
            return r > 0 && (pfd.Revents & Interop.Libc.POLLIN) != 0;
        }
    }
}
