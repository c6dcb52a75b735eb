using Ptp4Net.Identity;

namespace Ptp4Net.Messages;

/// <summary>
/// linuxptp PORT_PROPERTIES_NP dataField (struct port_properties_np): portIdentity (10), port_state (1),
/// timestamping (1: 0 software, 1 hardware, 2 legacy hw, 3 one-step, 4 p2p one-step), interface (PTPText),
/// padded to even length. The interface name stays in the receive buffer (UTF-8).
/// </summary>
public readonly ref struct PortPropertiesNp : IManagementData<PortPropertiesNp>
{
    /// <summary>Fixed part plus the PTPText length octet.</summary>
    public const int MinimumWireSize = 13;

    public PortPropertiesNp(PortIdentity portIdentity, byte portState, byte timestamping, ReadOnlySpan<byte> interfaceName)
    {
        PortIdentity = portIdentity;
        PortState = portState;
        Timestamping = timestamping;
        InterfaceName = interfaceName;
    }

    public PortIdentity PortIdentity { get; }
    public byte PortState { get; }
    public byte Timestamping { get; }
    /// <summary>The interface name, UTF-8.</summary>
    public ReadOnlySpan<byte> InterfaceName { get; }

    public ManagementId Id => ManagementId.PortPropertiesNp;
    public int DataLength => MinimumWireSize + InterfaceName.Length;
    public static bool Accepts(ManagementId id) => id == ManagementId.PortPropertiesNp;

    /// <summary>False when short or when the PTPText runs past the data.</summary>
    public static bool TryRead(ManagementId id, ReadOnlySpan<byte> d, out PortPropertiesNp value)
    {
        value = default;
        if (d.Length < MinimumWireSize || !PtpText.TryRead(d[12..], out var name)) return false;
        value = new PortPropertiesNp(PortIdentity.Read(d), d[10], d[11], name);
        return true;
    }

    public void Write(Span<byte> d)
    {
        PortIdentity.Write(d);
        d[10] = PortState;
        d[11] = Timestamping;
        PtpText.Write(d[12..], InterfaceName);
    }
}
