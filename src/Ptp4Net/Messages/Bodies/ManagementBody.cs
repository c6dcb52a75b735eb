using Ptp4Net.Identity;

namespace Ptp4Net.Messages;

/// <summary>
/// Management body (IEEE 1588-2019 15.4.1, Table 56), 14 octets: targetPortIdentity (10), startingBoundaryHops (1),
/// boundaryHops (1), reserved(4) | actionField(4) (1), reserved (1). One MANAGEMENT (or MANAGEMENT_ERROR_STATUS)
/// TLV follows.
/// </summary>
public readonly record struct ManagementBody(
    PortIdentity TargetPortIdentity, byte StartingBoundaryHops, byte BoundaryHops, ManagementAction Action)
{
    public const int Length = 14;

    internal static bool TryRead(ReadOnlySpan<byte> body, out ManagementBody value, out ParseError error)
    {
        int action = body[12] & 0x0F;
        if (action > (int)ManagementAction.Acknowledge)
        {
            value = default;
            error = ParseError.InvalidManagementAction;
            return false;
        }
        value = new ManagementBody(PortIdentity.Read(body), body[10], body[11], (ManagementAction)action);
        error = ParseError.None;
        return true;
    }

    internal void Write(Span<byte> body)
    {
        TargetPortIdentity.Write(body);
        body[10] = StartingBoundaryHops;
        body[11] = BoundaryHops;
        body[12] = (byte)((byte)Action & 0x0F);
        body[13] = 0;
    }
}
