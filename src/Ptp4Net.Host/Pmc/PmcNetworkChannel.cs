using Ptp4Net.Phc.Transport;

namespace Ptp4Net.Host.Pmc;

/// <summary>
/// pmc over the network (-2, -4, -6): the Linux layer's PTP transport on an interface, software time stamps (pmc
/// opens its transport with TS_SOFTWARE), requests to the primary PTP address on the general port, replies from
/// the general channel.
/// </summary>
public sealed class PmcNetworkChannel : IPmcChannel
{
    private readonly PtpTransport _transport;

    private PmcNetworkChannel(PtpTransport transport) => _transport = transport;

    /// <summary>Opens the transport (set-up; throws <see cref="Ptp4Net.Phc.LinuxException"/> with the reason).</summary>
    public static PmcNetworkChannel Open(string interfaceName, NetworkTransport network) =>
        new(PtpTransport.Open(interfaceName, new TransportOptions { NetworkTransport = network, TimeStamping = TimeStampingMode.Software }));

    public bool Send(ReadOnlySpan<byte> message, out string? error)
    {
        var st = _transport.SendGeneral(message, PtpDestination.Primary);
        error = st == TransportStatus.Ok ? null : $"send failed: {st} ({_transport.LastErrno})";
        return error is null;
    }

    public int Receive(Span<byte> buffer, int timeoutMs)
    {
        long deadline = Environment.TickCount64 + timeoutMs;
        while (true)
        {
            int left = (int)Math.Max(0, deadline - Environment.TickCount64);
            if (!_transport.WaitReadable(PtpChannel.General, left)) return 0;
            var st = _transport.Receive(PtpChannel.General, buffer, out var m);
            if (st is TransportStatus.Ok or TransportStatus.Truncated) return m.Length;
            if (left == 0) return 0;
        }
    }

    public void Dispose() => _transport.Dispose();
}
