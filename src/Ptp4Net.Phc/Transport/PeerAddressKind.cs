using System.Net;
using System.Net.Sockets;

namespace Ptp4Net.Phc.Transport;

public enum PeerAddressKind : byte
{
    None,
    IPv4,
    IPv6,
    Mac,
}
