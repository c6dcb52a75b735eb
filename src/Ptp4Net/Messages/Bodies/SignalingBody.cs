using Ptp4Net.Identity;

namespace Ptp4Net.Messages;

/// <summary>Signaling body (IEEE 1588-2019 13.12, Table 51): targetPortIdentity (10), then one or more TLVs.</summary>
public readonly record struct SignalingBody(PortIdentity TargetPortIdentity)
{
    public const int Length = 10;

    internal static SignalingBody Read(ReadOnlySpan<byte> body) => new(PortIdentity.Read(body));

    internal void Write(Span<byte> body) => TargetPortIdentity.Write(body);
}
