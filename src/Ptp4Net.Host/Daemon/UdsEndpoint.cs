using Ptp4Net.Phc;
using Ptp4Net.Phc.Management;

namespace Ptp4Net.Host.Daemon;

/// <summary>
/// One of ptp4l's management sockets (uds.c): a <see cref="UnixDatagramSocket"/> bound at a path (uds_address,
/// read-write, or uds_ro_address, read-only). pmc binds its own path and sends raw PTP management messages; the reply
/// goes back to the sender's address. The last few senders are remembered by slot so that the engine can name the
/// reply target with an int. A stale socket file at the path is removed before binding (as ptp4l), but a path a
/// running daemon still serves is refused; the file is removed on <see cref="Dispose"/>.
/// </summary>
public sealed class UdsEndpoint : IDisposable
{
    private const int Slots = 8;
    private readonly byte[] _peers = new byte[Slots * UnixDatagramSocket.AddressSize];
    private readonly int[] _peerLen = new int[Slots];
    private readonly UnixDatagramSocket _socket;
    private int _next;

    private UdsEndpoint(UnixDatagramSocket socket, bool readWrite)
    {
        _socket = socket;
        ReadWrite = readWrite;
    }

    public string Path => _socket.Path!;
    /// <summary>The socket's descriptor, for the run loop's poller.</summary>
    public SafeSocketFd Handle => _socket.Handle;
    /// <summary>SET is accepted only from the read-write socket (ptp4l's uds_ro_address answers GET only).</summary>
    public bool ReadWrite { get; }

    /// <summary>Binds the socket (set-up; throws <see cref="DaemonStartupException"/> with a clear message).</summary>
    public static UdsEndpoint Open(string path, bool readWrite, uint fileMode)
    {
        if (!UnixDatagramSocket.TryEncodeAddress(path, stackalloc byte[UnixDatagramSocket.AddressSize], out _))
            throw new DaemonStartupException($"uds address {path}: the path is empty or longer than {UnixDatagramSocket.MaxPathBytes} bytes");
        try
        {
            return new UdsEndpoint(UnixDatagramSocket.Bind(path, fileMode, nonBlocking: true), readWrite);
        }
        catch (LinuxException e) when (e.Errno == Errno.EADDRINUSE)
        {
            // ptp4l's uds.c simply unlinks the path, silently taking management away from a daemon that is still
            // running; we refuse instead.
            throw new DaemonStartupException($"uds address {path} is in use by another running daemon (ptp4l or ptp4net); "
                + "stop it or give this one another uds_address / uds_ro_address", e);
        }
        catch (LinuxException e)
        {
            throw new DaemonStartupException("uds: " + e.Message, e);
        }
    }

    /// <summary>Receives one request into <paramref name="buffer"/>; returns its length (0: nothing) and the sender's slot.</summary>
    public int Receive(Span<byte> buffer, out int slot)
    {
        slot = _next;
        var peer = _peers.AsSpan(slot * UnixDatagramSocket.AddressSize, UnixDatagramSocket.AddressSize);
        if (_socket.ReceiveFrom(buffer, peer, out int n, out int alen) != Errno.None || n <= 0) return 0;
        if (alen <= 2) return n; // an unbound sender: no address to reply to
        _peerLen[slot] = alen;
        _next = (_next + 1) % Slots;
        return n;
    }

    /// <summary>Sends a reply to the sender remembered in <paramref name="slot"/>; false if it is gone.</summary>
    public bool Reply(int slot, ReadOnlySpan<byte> message)
    {
        if ((uint)slot >= Slots || _peerLen[slot] == 0) return false;
        var peer = _peers.AsSpan(slot * UnixDatagramSocket.AddressSize, _peerLen[slot]);
        return _socket.SendTo(message, peer, out int sent) == Errno.None && sent == message.Length;
    }

    public void Dispose() => _socket.Dispose();
}
