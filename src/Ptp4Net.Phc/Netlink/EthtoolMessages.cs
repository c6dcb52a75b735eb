using System.Buffers.Binary;
using Ptp4Net.Phc.Providers;

namespace Ptp4Net.Phc.Netlink;

/// <summary>Encoders and decoders for the ethtool genetlink messages we use (pure: byte spans in and out).</summary>
internal static class EthtoolMessages
{
    /// <summary>CTRL_CMD_GETFAMILY for a family name (doc §4.1).</summary>
    public static int WriteGetFamily(Span<byte> buffer, uint seq, string family)
    {
        var w = new NetlinkWriter(buffer);
        w.BeginGenl(Nl.GENL_ID_CTRL, Nl.NLM_F_REQUEST | Nl.NLM_F_ACK, seq, Nl.CTRL_CMD_GETFAMILY, 1);
        w.PutString(Nl.CTRL_ATTR_FAMILY_NAME, family);
        return w.Finish();
    }

    /// <summary>Reads CTRL_ATTR_FAMILY_ID (u16) from a CTRL_CMD_NEWFAMILY reply payload.</summary>
    public static bool TryReadFamilyId(ReadOnlySpan<byte> genlPayload, out ushort id, out NetlinkParseError error)
    {
        id = 0;
        error = NetlinkParseError.None;
        if (genlPayload.Length < Nl.GenlHeaderSize)
        {
            error = NetlinkParseError.ShortGenlHeader;
            return false;
        }
        if (genlPayload[0] != Nl.CTRL_CMD_NEWFAMILY)
        {
            error = NetlinkParseError.WrongCommand;
            return false;
        }
        var it = new AttributeIterator(genlPayload[Nl.GenlHeaderSize..]);
        while (it.TryNext(out var type, out var data))
        {
            if (type == Nl.CTRL_ATTR_FAMILY_ID && data.Length >= 2)
            {
                id = BinaryPrimitives.ReadUInt16LittleEndian(data);
                return true;
            }
        }
        error = it.Error != NetlinkParseError.None ? it.Error : NetlinkParseError.MissingAttribute;
        return false;
    }

    private static void PutHeader(ref NetlinkWriter w, ushort attr, int ifindex, bool compact)
    {
        int h = w.BeginNest(attr);
        if (ifindex > 0)
            w.PutU32(Nl.ETHTOOL_A_HEADER_DEV_INDEX, (uint)ifindex);
        if (compact)
            w.PutU32(Nl.ETHTOOL_A_HEADER_FLAGS, Nl.ETHTOOL_FLAG_COMPACT_BITSETS);
        w.EndNest(h);
    }

    /// <summary>TSINFO_GET: a dump (every provider; limited to ifindex when &gt; 0) or a plain get.</summary>
    public static int WriteTsInfoGet(Span<byte> buffer, ushort family, uint seq, int ifindex, bool dump)
    {
        var w = new NetlinkWriter(buffer);
        w.BeginGenl(family, (ushort)(Nl.NLM_F_REQUEST | (dump ? Nl.NLM_F_DUMP : Nl.NLM_F_ACK)), seq, Nl.ETHTOOL_MSG_TSINFO_GET, Nl.ETHTOOL_GENL_VERSION);
        PutHeader(ref w, Nl.ETHTOOL_A_TSINFO_HEADER, ifindex, compact: true);
        return w.Finish();
    }

    public static int WriteTsConfigGet(Span<byte> buffer, ushort family, uint seq, int ifindex)
    {
        var w = new NetlinkWriter(buffer);
        w.BeginGenl(family, Nl.NLM_F_REQUEST | Nl.NLM_F_ACK, seq, Nl.ETHTOOL_MSG_TSCONFIG_GET, Nl.ETHTOOL_GENL_VERSION);
        PutHeader(ref w, Nl.ETHTOOL_A_TSCONFIG_HEADER, ifindex, compact: true);
        return w.Finish();
    }

    /// <summary>
    /// TSCONFIG_SET with the provider (both inner attrs are mandatory), and tx type and rx filter as one-bit
    /// bitsets: a changed provider starts from a zero config, so both are always sent (doc §4.5).
    /// </summary>
    public static int WriteTsConfigSet(Span<byte> buffer, ushort family, uint seq, int ifindex, int phcIndex,
        ProviderQualifier qualifier, int txType, int rxFilter)
    {
        var w = new NetlinkWriter(buffer);
        w.BeginGenl(family, Nl.NLM_F_REQUEST | Nl.NLM_F_ACK, seq, Nl.ETHTOOL_MSG_TSCONFIG_SET, Nl.ETHTOOL_GENL_VERSION);
        PutHeader(ref w, Nl.ETHTOOL_A_TSCONFIG_HEADER, ifindex, compact: true);
        int p = w.BeginNest(Nl.ETHTOOL_A_TSCONFIG_HWTSTAMP_PROVIDER);
        w.PutU32(Nl.ETHTOOL_A_TS_HWTSTAMP_PROVIDER_INDEX, (uint)phcIndex);
        w.PutU32(Nl.ETHTOOL_A_TS_HWTSTAMP_PROVIDER_QUALIFIER, (uint)qualifier);
        w.EndNest(p);
        w.PutSingleBitBitset(Nl.ETHTOOL_A_TSCONFIG_TX_TYPES, txType, HwTstamp.TxTypeCount);
        w.PutSingleBitBitset(Nl.ETHTOOL_A_TSCONFIG_RX_FILTERS, rxFilter, HwTstamp.RxFilterCount);
        return w.Finish();
    }

    private static bool TryReadHeader(ReadOnlySpan<byte> nest, out int ifindex, out string? name, out int? phyIndex)
    {
        ifindex = 0;
        name = null;
        phyIndex = null;
        var it = new AttributeIterator(nest);
        while (it.TryNext(out var t, out var d))
        {
            if (t == Nl.ETHTOOL_A_HEADER_DEV_INDEX && NetlinkReader.TryReadU32(d, out var v))
                ifindex = (int)v;
            else if (t == Nl.ETHTOOL_A_HEADER_DEV_NAME)
                name = NetlinkReader.ReadString(d);
            else if (t == Nl.ETHTOOL_A_HEADER_PHY_INDEX && NetlinkReader.TryReadU32(d, out var pv))
                phyIndex = (int)pv;
        }
        return it.Error == NetlinkParseError.None;
    }

    /// <summary>Decodes a TSINFO_GET_REPLY (genl header included).</summary>
    public static bool TryReadTsInfo(ReadOnlySpan<byte> genlPayload, out TimestampingInfo info, out NetlinkParseError error)
    {
        info = null!;
        error = NetlinkParseError.None;
        if (genlPayload.Length < Nl.GenlHeaderSize)
        {
            error = NetlinkParseError.ShortGenlHeader;
            return false;
        }
        if (genlPayload[0] != Nl.ETHTOOL_MSG_TSINFO_GET_REPLY)
        {
            error = NetlinkParseError.WrongCommand;
            return false;
        }
        int ifindex = 0;
        string? name = null;
        int? headerPhy = null, phyAttr = null, provIndex = null;
        ulong ts = 0, tx = 0, rx = 0;
        int phc = -1;
        ProviderQualifier? q = null;
        var source = ProviderSource.Unknown;
        var it = new AttributeIterator(genlPayload[Nl.GenlHeaderSize..]);
        while (it.TryNext(out var type, out var data))
        {
            switch (type)
            {
                case Nl.ETHTOOL_A_TSINFO_HEADER:
                    if (!TryReadHeader(data, out ifindex, out name, out headerPhy)) { error = NetlinkParseError.BadAttributeLength; return false; }
                    break;
                case Nl.ETHTOOL_A_TSINFO_TIMESTAMPING:
                    if (!EthtoolBitset.TryDecode(data, out ts, out error)) return false;
                    break;
                case Nl.ETHTOOL_A_TSINFO_TX_TYPES:
                    if (!EthtoolBitset.TryDecode(data, out tx, out error)) return false;
                    break;
                case Nl.ETHTOOL_A_TSINFO_RX_FILTERS:
                    if (!EthtoolBitset.TryDecode(data, out rx, out error)) return false;
                    break;
                case Nl.ETHTOOL_A_TSINFO_PHC_INDEX:
                    if (!NetlinkReader.TryReadU32(data, out var p)) { error = NetlinkParseError.BadAttributeLength; return false; }
                    phc = (int)p;
                    break;
                case Nl.ETHTOOL_A_TSINFO_HWTSTAMP_PROVIDER:
                    var pit = new AttributeIterator(data);
                    while (pit.TryNext(out var pt, out var pd))
                    {
                        if (pt == Nl.ETHTOOL_A_TS_HWTSTAMP_PROVIDER_INDEX && NetlinkReader.TryReadU32(pd, out var pi))
                            provIndex = (int)pi;
                        else if (pt == Nl.ETHTOOL_A_TS_HWTSTAMP_PROVIDER_QUALIFIER && NetlinkReader.TryReadU32(pd, out var pq))
                            q = (ProviderQualifier)pq;
                    }
                    if (pit.Error != NetlinkParseError.None) { error = pit.Error; return false; }
                    break;
                case Nl.ETHTOOL_A_TSINFO_HWTSTAMP_SOURCE:
                    if (NetlinkReader.TryReadU32(data, out var s)) source = (ProviderSource)s;
                    break;
                case Nl.ETHTOOL_A_TSINFO_HWTSTAMP_PHYINDEX:
                    if (NetlinkReader.TryReadU32(data, out var ph)) phyAttr = (int)ph;
                    break;
            }
        }
        if (it.Error != NetlinkParseError.None)
        {
            error = it.Error;
            return false;
        }
        info = new TimestampingInfo
        {
            IfIndex = ifindex,
            IfName = name,
            Timestamping = ts,
            TxTypes = tx,
            RxFilters = rx,
            PhcIndex = phc,
            ProviderIndex = provIndex,
            Qualifier = q,
            Source = source,
            PhyIndex = phyAttr ?? headerPhy,
        };
        return true;
    }

    /// <summary>Decodes a TSCONFIG_GET_REPLY or TSCONFIG_SET_REPLY.</summary>
    public static bool TryReadTsConfig(ReadOnlySpan<byte> genlPayload, out TsConfigState state, out NetlinkParseError error)
    {
        state = null!;
        error = NetlinkParseError.None;
        if (genlPayload.Length < Nl.GenlHeaderSize)
        {
            error = NetlinkParseError.ShortGenlHeader;
            return false;
        }
        if (genlPayload[0] is not (Nl.ETHTOOL_MSG_TSCONFIG_GET_REPLY or Nl.ETHTOOL_MSG_TSCONFIG_SET_REPLY))
        {
            error = NetlinkParseError.WrongCommand;
            return false;
        }
        int index = -1, tx = -1, rx = -1;
        var q = ProviderQualifier.Precise;
        ulong flags = 0;
        var it = new AttributeIterator(genlPayload[Nl.GenlHeaderSize..]);
        while (it.TryNext(out var type, out var data))
        {
            switch (type)
            {
                case Nl.ETHTOOL_A_TSCONFIG_HWTSTAMP_PROVIDER:
                    var pit = new AttributeIterator(data);
                    while (pit.TryNext(out var pt, out var pd))
                    {
                        if (pt == Nl.ETHTOOL_A_TS_HWTSTAMP_PROVIDER_INDEX && NetlinkReader.TryReadU32(pd, out var pi))
                            index = (int)pi;
                        else if (pt == Nl.ETHTOOL_A_TS_HWTSTAMP_PROVIDER_QUALIFIER && NetlinkReader.TryReadU32(pd, out var pq))
                            q = (ProviderQualifier)pq;
                    }
                    break;
                case Nl.ETHTOOL_A_TSCONFIG_TX_TYPES:
                    if (!EthtoolBitset.TryDecode(data, out var t, out error)) return false;
                    tx = EthtoolBitset.SingleBit(t);
                    break;
                case Nl.ETHTOOL_A_TSCONFIG_RX_FILTERS:
                    if (!EthtoolBitset.TryDecode(data, out var r, out error)) return false;
                    rx = EthtoolBitset.SingleBit(r);
                    break;
                case Nl.ETHTOOL_A_TSCONFIG_HWTSTAMP_FLAGS:
                    // A u32 in 6.14-rc1/rc2, a bitset since: accept both.
                    if (data.Length == 4) flags = BinaryPrimitives.ReadUInt32LittleEndian(data);
                    else if (!EthtoolBitset.TryDecode(data, out flags, out error)) return false;
                    break;
            }
        }
        if (it.Error != NetlinkParseError.None)
        {
            error = it.Error;
            return false;
        }
        state = new TsConfigState { ProviderIndex = index, Qualifier = q, TxType = tx, RxFilter = rx, Flags = (uint)flags };
        return true;
    }

    /// <summary>PHC_VCLOCKS_GET (5.14): the virtual clocks of a device's PHC.</summary>
    public static int WritePhcVclocksGet(Span<byte> buffer, ushort family, uint seq, int ifindex)
    {
        var w = new NetlinkWriter(buffer);
        w.BeginGenl(family, Nl.NLM_F_REQUEST | Nl.NLM_F_ACK, seq, Nl.ETHTOOL_MSG_PHC_VCLOCKS_GET, Nl.ETHTOOL_GENL_VERSION);
        PutHeader(ref w, Nl.ETHTOOL_A_PHC_VCLOCKS_HEADER, ifindex, compact: false);
        return w.Finish();
    }

    /// <summary>Decodes PHC_VCLOCKS_GET_REPLY: NUM (u32) and INDEX (binary array of s32); both absent when there are none.</summary>
    public static bool TryReadPhcVclocks(ReadOnlySpan<byte> genlPayload, out int[] indexes, out NetlinkParseError error)
    {
        indexes = [];
        error = NetlinkParseError.None;
        if (genlPayload.Length < Nl.GenlHeaderSize)
        {
            error = NetlinkParseError.ShortGenlHeader;
            return false;
        }
        if (genlPayload[0] != Nl.ETHTOOL_MSG_PHC_VCLOCKS_GET_REPLY)
        {
            error = NetlinkParseError.WrongCommand;
            return false;
        }
        uint num = 0;
        ReadOnlySpan<byte> list = default;
        var it = new AttributeIterator(genlPayload[Nl.GenlHeaderSize..]);
        while (it.TryNext(out var type, out var data))
        {
            if (type == Nl.ETHTOOL_A_PHC_VCLOCKS_NUM && !NetlinkReader.TryReadU32(data, out num))
            {
                error = NetlinkParseError.BadAttributeLength;
                return false;
            }
            if (type == Nl.ETHTOOL_A_PHC_VCLOCKS_INDEX)
                list = data;
        }
        if (it.Error != NetlinkParseError.None)
        {
            error = it.Error;
            return false;
        }
        if (list.Length % 4 != 0 || list.Length / 4 != num)
        {
            error = NetlinkParseError.BadAttributeLength;
            return false;
        }
        indexes = new int[num];
        for (int i = 0; i < indexes.Length; i++)
            indexes[i] = BinaryPrimitives.ReadInt32LittleEndian(list[(4 * i)..]);
        return true;
    }
}
