namespace Ptp4Net.Engine;

// Management (15): answers GET/SET for the data sets; see Management/ for the TLV builders.
public sealed partial class PtpClockEngine
{
    /// <summary>
    /// A management request (15.4) from <paramref name="replyAddress"/> (the host's id of the requester, e.g. a pmc
    /// UDS client). <paramref name="readWrite"/>: the source may SET (ptp4l accepts SET only on its UDS socket).
    /// The reply is one <see cref="ActionKind.ManagementResponse"/> action.
    /// </summary>
    public ReadOnlySpan<EngineAction> OnManagement(ReadOnlySpan<byte> request, int replyAddress, bool readWrite, long monotonicNs)
    {
        Begin(monotonicNs);
        HandleManagement(_ports[0], request, replyAddress, readWrite, fromNetwork: false);
        return End();
    }

    private void ReceiveNetworkManagement(EnginePort p, ReadOnlySpan<byte> m, int address) =>
        HandleManagement(p, m, address, readWrite: false, fromNetwork: true);

    partial void HandleManagementCore(EnginePort p, ReadOnlySpan<byte> m, int address, bool readWrite, bool fromNetwork);

    private void HandleManagement(EnginePort p, ReadOnlySpan<byte> m, int address, bool readWrite, bool fromNetwork) =>
        HandleManagementCore(p, m, address, readWrite, fromNetwork);
}
