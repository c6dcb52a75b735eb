using System.Buffers.Binary;
using System.Text;

namespace Ptp4Net.Phc.Netlink;

/// <summary>Why a netlink buffer was rejected; each reason distinct (style: network input never throws).</summary>
public enum NetlinkParseError
{
    None,
    ShortHeader,
    BadMessageLength,
    ShortGenlHeader,
    BadAttributeLength,
    ShortErrorMessage,
    WrongCommand,
    MissingAttribute,
    BadBitset,
}
