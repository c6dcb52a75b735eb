using System.Net;
using System.Net.Sockets;

namespace Ptp4Net.Phc.Transport;

/// <summary>
/// Where a message came from or goes to, without allocation: an IPv4 or IPv6 address (with scope id) or a
/// MAC address. The UDP port is implied by the channel.
/// </summary>
public readonly struct PeerAddress : IEquatable<PeerAddress>
{
    private readonly ulong _hi;
    private readonly ulong _lo;

    private PeerAddress(PeerAddressKind kind, ulong hi, ulong lo, uint scopeId)
    {
        Kind = kind;
        _hi = hi;
        _lo = lo;
        ScopeId = scopeId;
    }

    public PeerAddressKind Kind { get; }
    /// <summary>IPv6 scope id (interface index) for link-local addresses; 0 otherwise.</summary>
    public uint ScopeId { get; }

    public static PeerAddress FromIPv4(uint hostOrder) => new(PeerAddressKind.IPv4, 0, hostOrder, 0);

    public static PeerAddress FromIPv6(ReadOnlySpan<byte> sixteen, uint scopeId) =>
        new(PeerAddressKind.IPv6, System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(sixteen),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(sixteen[8..]), scopeId);

    public static PeerAddress FromMac(MacAddress mac) => new(PeerAddressKind.Mac, 0, mac.Value, 0);

    public static PeerAddress FromIPAddress(IPAddress ip)
    {
        Span<byte> b = stackalloc byte[16];
        if (ip.AddressFamily == AddressFamily.InterNetwork)
        {
            ip.TryWriteBytes(b, out _);
            return FromIPv4(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(b));
        }
        ip.TryWriteBytes(b, out _);
        return FromIPv6(b, (uint)ip.ScopeId);
    }

    /// <summary>IPv4 address in host order (Kind IPv4).</summary>
    public uint IPv4 => (uint)_lo;
    public MacAddress Mac => new(_lo);

    public void WriteIPv6(Span<byte> sixteen)
    {
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(sixteen, _hi);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(sixteen[8..], _lo);
    }

    public IPAddress? ToIPAddress()
    {
        Span<byte> b = stackalloc byte[16];
        switch (Kind)
        {
            case PeerAddressKind.IPv4:
                System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(b, IPv4);
                return new IPAddress(b[..4]);
            case PeerAddressKind.IPv6:
                WriteIPv6(b);
                return new IPAddress(b, ScopeId);
            default:
                return null;
        }
    }

    public bool Equals(PeerAddress other) =>
        Kind == other.Kind && _hi == other._hi && _lo == other._lo && ScopeId == other.ScopeId;
    public override bool Equals(object? obj) => obj is PeerAddress p && Equals(p);
    public override int GetHashCode() => HashCode.Combine(Kind, _hi, _lo, ScopeId);
    public static bool operator ==(PeerAddress a, PeerAddress b) => a.Equals(b);
    public static bool operator !=(PeerAddress a, PeerAddress b) => !a.Equals(b);

    public override string ToString() => Kind switch
    {
        PeerAddressKind.Mac => Mac.ToString(),
        PeerAddressKind.None => "none",
        _ => ToIPAddress()!.ToString(),
    };
}
