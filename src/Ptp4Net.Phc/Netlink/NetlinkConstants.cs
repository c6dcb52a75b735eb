namespace Ptp4Net.Phc.Netlink;

/// <summary>netlink.h, genetlink.h, ethtool_netlink(_generated).h numbers (doc §4; TSCONFIG ids from 6.16 headers).</summary>
internal static class Nl
{
    public const int HeaderSize = 16;     // nlmsghdr
    public const int GenlHeaderSize = 4;  // genlmsghdr
    public const int AttrHeaderSize = 4;  // nlattr

    public const ushort NLMSG_NOOP = 1;
    public const ushort NLMSG_ERROR = 2;
    public const ushort NLMSG_DONE = 3;

    public const ushort NLM_F_REQUEST = 0x1;
    public const ushort NLM_F_MULTI = 0x2;
    public const ushort NLM_F_ACK = 0x4;
    public const ushort NLM_F_DUMP = 0x300;
    public const ushort NLM_F_CAPPED = 0x100;
    public const ushort NLM_F_ACK_TLVS = 0x200;

    public const ushort NLA_F_NESTED = 0x8000;
    public const ushort NLA_F_NET_BYTEORDER = 0x4000;
    public const ushort NLA_TYPE_MASK = 0x3FFF;

    public const int NETLINK_GENERIC = 16;
    public const int NETLINK_EXT_ACK = 11;
    public const int NETLINK_GET_STRICT_CHK = 12;

    // struct nlmsgerr extended ack attributes (netlink.h enum nlmsgerr_attrs)
    public const ushort NLMSGERR_ATTR_MSG = 1;
    public const ushort NLMSGERR_ATTR_OFFS = 2;
    public const ushort NLMSGERR_ATTR_COOKIE = 3;
    public const ushort NLMSGERR_ATTR_POLICY = 4;
    public const ushort NLMSGERR_ATTR_MISS_TYPE = 5;
    public const ushort NLMSGERR_ATTR_MISS_NEST = 6;

    // generic netlink controller
    public const ushort GENL_ID_CTRL = 0x10;
    public const byte CTRL_CMD_NEWFAMILY = 1;
    public const byte CTRL_CMD_GETFAMILY = 3;
    public const ushort CTRL_ATTR_FAMILY_ID = 1;
    public const ushort CTRL_ATTR_FAMILY_NAME = 2;
    public const ushort CTRL_ATTR_VERSION = 3;

    // ethtool family
    public const byte ETHTOOL_GENL_VERSION = 1;
    public const byte ETHTOOL_MSG_TSINFO_GET = 25;
    public const byte ETHTOOL_MSG_TSINFO_GET_REPLY = 26;
    public const byte ETHTOOL_MSG_PHC_VCLOCKS_GET = 33;
    public const byte ETHTOOL_MSG_PHC_VCLOCKS_GET_REPLY = 34;
    public const ushort ETHTOOL_A_PHC_VCLOCKS_HEADER = 1;
    public const ushort ETHTOOL_A_PHC_VCLOCKS_NUM = 2;
    public const ushort ETHTOOL_A_PHC_VCLOCKS_INDEX = 3;
    public const byte ETHTOOL_MSG_TSCONFIG_GET = 46;
    public const byte ETHTOOL_MSG_TSCONFIG_GET_REPLY = 47;
    public const byte ETHTOOL_MSG_TSCONFIG_SET = 47;
    public const byte ETHTOOL_MSG_TSCONFIG_SET_REPLY = 48;

    public const ushort ETHTOOL_A_HEADER_DEV_INDEX = 1;
    public const ushort ETHTOOL_A_HEADER_DEV_NAME = 2;
    public const ushort ETHTOOL_A_HEADER_FLAGS = 3;
    public const ushort ETHTOOL_A_HEADER_PHY_INDEX = 4;
    public const uint ETHTOOL_FLAG_COMPACT_BITSETS = 1;

    public const ushort ETHTOOL_A_BITSET_NOMASK = 1;
    public const ushort ETHTOOL_A_BITSET_SIZE = 2;
    public const ushort ETHTOOL_A_BITSET_BITS = 3;
    public const ushort ETHTOOL_A_BITSET_VALUE = 4;
    public const ushort ETHTOOL_A_BITSET_MASK = 5;
    public const ushort ETHTOOL_A_BITSET_BITS_BIT = 1;
    public const ushort ETHTOOL_A_BITSET_BIT_INDEX = 1;
    public const ushort ETHTOOL_A_BITSET_BIT_NAME = 2;
    public const ushort ETHTOOL_A_BITSET_BIT_VALUE = 3;

    public const ushort ETHTOOL_A_TSINFO_HEADER = 1;
    public const ushort ETHTOOL_A_TSINFO_TIMESTAMPING = 2;
    public const ushort ETHTOOL_A_TSINFO_TX_TYPES = 3;
    public const ushort ETHTOOL_A_TSINFO_RX_FILTERS = 4;
    public const ushort ETHTOOL_A_TSINFO_PHC_INDEX = 5;
    public const ushort ETHTOOL_A_TSINFO_STATS = 6;
    public const ushort ETHTOOL_A_TSINFO_HWTSTAMP_PROVIDER = 7;
    public const ushort ETHTOOL_A_TSINFO_HWTSTAMP_SOURCE = 8;
    public const ushort ETHTOOL_A_TSINFO_HWTSTAMP_PHYINDEX = 9;

    public const ushort ETHTOOL_A_TS_HWTSTAMP_PROVIDER_INDEX = 1;
    public const ushort ETHTOOL_A_TS_HWTSTAMP_PROVIDER_QUALIFIER = 2;

    public const ushort ETHTOOL_A_TSCONFIG_HEADER = 1;
    public const ushort ETHTOOL_A_TSCONFIG_HWTSTAMP_PROVIDER = 2;
    public const ushort ETHTOOL_A_TSCONFIG_TX_TYPES = 3;
    public const ushort ETHTOOL_A_TSCONFIG_RX_FILTERS = 4;
    public const ushort ETHTOOL_A_TSCONFIG_HWTSTAMP_FLAGS = 5;
}
