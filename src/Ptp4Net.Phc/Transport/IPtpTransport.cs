namespace Ptp4Net.Phc.Transport;

/// <summary>
/// What a port's event loop needs from a transport (linuxptp's transport vtable, without allocation per
/// message). <see cref="PtpTransport"/> implements it on Linux sockets; a simulator or test double can too.
/// Typical loop: poll <see cref="EventSocket"/> and <see cref="GeneralSocket"/> for POLLIN; on readiness call
/// <see cref="Receive"/> until <see cref="TransportStatus.WouldBlock"/>; after each <see cref="SendEvent"/>
/// call <see cref="CollectTxTimestamp(in TxToken)"/> (bounded by tx_timestamp_timeout; a timeout faults the port).
/// </summary>
public interface IPtpTransport : IDisposable
{
    string InterfaceName { get; }
    TransportOptions Options { get; }
    /// <summary>Hardware modes: the PHC whose timescale the stamps are in (read and steer this one); else -1.</summary>
    int PhcIndex { get; }
    TimestampSource StampSource { get; }
    SafeSocketFd EventSocket { get; }
    SafeSocketFd GeneralSocket { get; }
    Errno LastErrno { get; }

    TransportStatus SendEvent(ReadOnlySpan<byte> message, PtpDestination destination, in PeerAddress unicast, out TxToken token);
    TransportStatus SendGeneral(ReadOnlySpan<byte> message, PtpDestination destination, in PeerAddress unicast);
    TransportStatus Receive(PtpChannel channel, Span<byte> buffer, out ReceivedMessage message);
    TxTimestampResult CollectTxTimestamp(in TxToken token);
    TxTimestampResult CollectTxTimestamp(in TxToken token, int timeoutMs);
}
