using Ptp4Net.Phc;
using Ptp4Net.Phc.Management;

namespace Ptp4Net.Host.Pmc;

/// <summary>
/// pmc's local transport (linuxptp uds.c): a <see cref="UnixDatagramSocket"/> bound at the client's own path (so the
/// daemon can reply) that sends to the server's path. The client's socket file is removed on <see cref="Dispose"/>.
/// </summary>
public sealed class PmcUdsChannel : IPmcChannel
{
    private readonly UnixDatagramSocket _socket;
    private readonly byte[] _server;

    private PmcUdsChannel(UnixDatagramSocket socket, byte[] server)
    {
        _socket = socket;
        _server = server;
    }

    public string? LocalPath => _socket.Path;

    /// <summary>Binds <paramref name="localPath"/> (removing a stale file there first, as pmc does) and aims at
    /// <paramref name="serverPath"/>. Throws <see cref="IOException"/> with the reason on failure (set-up).</summary>
    public static PmcUdsChannel Open(string localPath, string serverPath)
    {
        var server = new byte[UnixDatagramSocket.AddressSize];
        if (!UnixDatagramSocket.TryEncodeAddress(serverPath, server, out int serverLength))
            throw new IOException($"server path {serverPath}: empty or longer than {UnixDatagramSocket.MaxPathBytes} bytes");
        if (!UnixDatagramSocket.TryEncodeAddress(localPath, stackalloc byte[UnixDatagramSocket.AddressSize], out _))
            throw new IOException($"local path {localPath}: empty or longer than {UnixDatagramSocket.MaxPathBytes} bytes");
        try
        {
            return new PmcUdsChannel(UnixDatagramSocket.Bind(localPath, fileMode: null, nonBlocking: false), server[..serverLength]);
        }
        catch (LinuxException e)
        {
            throw new IOException("uds: " + e.Message, e);
        }
    }

    public bool Send(ReadOnlySpan<byte> message, out string? error)
    {
        var e = _socket.SendTo(message, _server, out int sent);
        error = e == Errno.None && sent == message.Length ? null : $"uds: sendto failed: {e.Message()}";
        return error is null;
    }

    public int Receive(Span<byte> buffer, int timeoutMs) =>
        _socket.Receive(buffer, timeoutMs, out int n) == Errno.None ? n : 0;

    public void Dispose() => _socket.Dispose();
}
