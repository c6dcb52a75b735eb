namespace Ptp4Net.Host.Pmc;

/// <summary>Where pmc's requests go and its replies come from: a Unix socket to the daemon, or a PTP network transport.</summary>
public interface IPmcChannel : IDisposable
{
    /// <summary>Sends one request; false (and a reason) when the kernel refused it.</summary>
    bool Send(ReadOnlySpan<byte> message, out string? error);

    /// <summary>Waits up to <paramref name="timeoutMs"/> for one message; its length, or 0 when none came.</summary>
    int Receive(Span<byte> buffer, int timeoutMs);
}
