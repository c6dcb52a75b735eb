using System.Buffers.Binary;
using Ptp4Net.Phc;
using Ptp4Net.Phc.Netlink;
using Ptp4Net.Phc.Providers;

namespace Ptp4Net.Tests.Linux;

/// <summary>The ethtool genetlink codec on byte fixtures built from the UAPI (no kernel needed).</summary>
public class NetlinkCodecTests
{
    private const uint HwSof = 0x1 | 0x4 | 0x40 | 0x2 | 0x8 | 0x10; // hardware tx/rx/raw + software
    private const uint TxOnOff = 0b11;
    private const uint RxAllV2 = (1u << 1) | (1u << 12) | (1u << 6) | (1u << 9) | 1u;

    /// <summary>A dump with a precise MAC (phc 0), an approx MAC (phc 0) and a precise PHY (phc 1), then DONE.</summary>
    internal static byte[] MacAndPhyDump() => new NetlinkFixture()
        .TsInfo(7, 2, "eth0", HwSof, TxOnOff, RxAllV2, 0, qualifier: 0, source: 1, phyIndex: null)
        .TsInfo(7, 2, "eth0", HwSof, TxOnOff, RxAllV2, 0, qualifier: 1, source: 1, phyIndex: null)
        .TsInfo(7, 2, "eth0", HwSof, TxOnOff | 0b1000, (1u << 9) | 1u, 1, qualifier: 0, source: 2, phyIndex: 3)
        .Msg(3, 0x2, 7).I32(0).End()
        .ToArray();

    private static List<TimestampingInfo> Decode(byte[] dump, out bool sawDone)
    {
        var list = new List<TimestampingInfo>();
        sawDone = false;
        ReadOnlySpan<byte> buf = dump;
        while (NetlinkReader.TryNext(ref buf, out var m, out var pe))
        {
            Assert.Equal(NetlinkParseError.None, pe);
            Assert.Equal(7u, m.Seq);
            if (m.Type == 3)
            {
                sawDone = true;
                continue;
            }
            Assert.True(EthtoolMessages.TryReadTsInfo(m.Payload, out var info, out var err), err.ToString());
            list.Add(info);
        }
        return list;
    }

    [Fact]
    public void Dump_with_mac_and_phy_providers_decodes_one_entry_per_provider()
    {
        var list = Decode(MacAndPhyDump(), out bool done);
        Assert.True(done);
        Assert.Equal(3, list.Count);
        var mac = list[0];
        Assert.Equal(2, mac.IfIndex);
        Assert.Equal("eth0", mac.IfName);
        Assert.Equal(0, mac.PhcIndex);
        Assert.Equal(0, mac.ProviderIndex);
        Assert.Equal(ProviderQualifier.Precise, mac.Qualifier);
        Assert.Equal(ProviderSource.Netdev, mac.Source);
        Assert.Equal(HwSof, (uint)mac.Timestamping);
        Assert.Equal(TxOnOff, (uint)mac.TxTypes);
        Assert.Equal(RxAllV2, (uint)mac.RxFilters);
        Assert.True(mac.IsHardwareCapable);
        Assert.Equal(ProviderQualifier.Approx, list[1].Qualifier);
        var phy = list[2];
        Assert.Equal(ProviderSource.Phylib, phy.Source);
        Assert.Equal(1, phy.PhcIndex);
        Assert.Equal(3, phy.PhyIndex);
        Assert.Equal("PHY", phy.Layer);
        Assert.Equal(0b1011u, (uint)phy.TxTypes);
    }

    [Fact]
    public void Reply_without_phc_or_provider_is_a_software_only_device()
    {
        var bytes = new NetlinkFixture().TsInfo(1, 1, "lo", 0x1A, 0, 0, -1, null, null, null).ToArray();
        ReadOnlySpan<byte> buf = bytes;
        Assert.True(NetlinkReader.TryNext(ref buf, out var m, out _));
        Assert.True(EthtoolMessages.TryReadTsInfo(m.Payload, out var info, out _));
        Assert.Equal(-1, info.PhcIndex);
        Assert.Null(info.ProviderIndex);
        Assert.Equal(ProviderSource.Unknown, info.Source);
        Assert.False(info.IsHardwareCapable);
        Assert.Equal(0x1AUL, info.Timestamping);
    }

    [Fact]
    public void Error_with_capped_echo_and_extended_ack_gives_errno_text_and_offset()
    {
        var bytes = new NetlinkFixture()
            .Msg(2, 0x100 | 0x200, 9)
            .I32(-19)
            .Raw(new NetlinkFixture().Msg(21, 0x5, 9).End().ToArray()) // echoed header only (CAPPED)
            .AttrString(1, "no such hwtstamp provider")
            .AttrU32(2, 36)
            .End().ToArray();
        ReadOnlySpan<byte> buf = bytes;
        Assert.True(NetlinkReader.TryNext(ref buf, out var m, out _));
        Assert.Equal(2, m.Type);
        Assert.True(NetlinkReader.TryReadError(m, out var err, out var pe), pe.ToString());
        Assert.Equal(Errno.ENODEV, err.Errno);
        Assert.Equal("no such hwtstamp provider", err.Message);
        Assert.Equal(36u, err.Offset);
        Assert.Contains("ENODEV (19)", err.ToString());
        Assert.Contains("no such hwtstamp provider", err.ToString());
    }

    [Fact]
    public void Error_with_full_echo_skips_the_echoed_request_before_the_acks()
    {
        // Uncapped: the whole request (header + genl + an attribute) comes back before the TLVs.
        var request = new NetlinkFixture().Msg(21, 0x5, 4, 47).AttrU32(1, 0xDEAD).End().ToArray();
        var bytes = new NetlinkFixture().Msg(2, 0x200, 4).I32(-95).Raw(request).AttrString(1, "not supported by the driver").End().ToArray();
        ReadOnlySpan<byte> buf = bytes;
        Assert.True(NetlinkReader.TryNext(ref buf, out var m, out _));
        Assert.True(NetlinkReader.TryReadError(m, out var err, out _));
        Assert.Equal(Errno.EOPNOTSUPP, err.Errno);
        Assert.Equal("not supported by the driver", err.Message);
    }

    [Fact]
    public void Ack_is_error_zero()
    {
        var bytes = new NetlinkFixture().Msg(2, 0x100, 5).I32(0).Raw(new NetlinkFixture().Msg(21, 5, 5).End().ToArray()).End().ToArray();
        ReadOnlySpan<byte> buf = bytes;
        Assert.True(NetlinkReader.TryNext(ref buf, out var m, out _));
        Assert.True(NetlinkReader.TryReadError(m, out var err, out _));
        Assert.True(err.IsAck);
    }

    [Fact]
    public void Malformed_input_is_rejected_with_distinct_reasons()
    {
        var good = MacAndPhyDump();
        // message length beyond the buffer
        var bad = (byte[])good.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(bad, 5000);
        ReadOnlySpan<byte> b1 = bad;
        Assert.False(NetlinkReader.TryNext(ref b1, out _, out var e1));
        Assert.Equal(NetlinkParseError.BadMessageLength, e1);
        // a short header
        ReadOnlySpan<byte> b2 = good.AsSpan(0, 10);
        Assert.False(NetlinkReader.TryNext(ref b2, out _, out var e2));
        Assert.Equal(NetlinkParseError.ShortHeader, e2);
        // an attribute whose length runs past the message
        var bad3 = new NetlinkFixture().Msg(21, 0, 1, 26).AttrU32(5, 0).End().ToArray();
        BinaryPrimitives.WriteUInt16LittleEndian(bad3.AsSpan(20), 200);
        ReadOnlySpan<byte> b3 = bad3;
        Assert.True(NetlinkReader.TryNext(ref b3, out var m3, out _));
        Assert.False(EthtoolMessages.TryReadTsInfo(m3.Payload, out _, out var e3));
        Assert.Equal(NetlinkParseError.BadAttributeLength, e3);
        // the wrong command
        var bad4 = new NetlinkFixture().Msg(21, 0, 1, 47).End().ToArray();
        ReadOnlySpan<byte> b4 = bad4;
        Assert.True(NetlinkReader.TryNext(ref b4, out var m4, out _));
        Assert.False(EthtoolMessages.TryReadTsInfo(m4.Payload, out _, out var e4));
        Assert.Equal(NetlinkParseError.WrongCommand, e4);
        // a bitset whose VALUE is shorter than SIZE says
        var bad5 = new NetlinkFixture().Msg(21, 0, 1, 26).CompactBitset(2, 40, 0x1).End().ToArray();
        ReadOnlySpan<byte> b5 = bad5;
        Assert.True(NetlinkReader.TryNext(ref b5, out var m5, out _));
        Assert.False(EthtoolMessages.TryReadTsInfo(m5.Payload, out _, out var e5));
        Assert.Equal(NetlinkParseError.BadBitset, e5);
        // an error message too short to hold the echoed header
        var bad6 = new NetlinkFixture().Msg(2, 0, 1).I32(-1).End().ToArray();
        ReadOnlySpan<byte> b6 = bad6;
        Assert.True(NetlinkReader.TryNext(ref b6, out var m6, out _));
        Assert.False(NetlinkReader.TryReadError(m6, out _, out var e6));
        Assert.Equal(NetlinkParseError.ShortErrorMessage, e6);
    }

    [Fact]
    public void Verbose_bitsets_decode_like_compact_ones()
    {
        var f = new NetlinkFixture().Msg(21, 0, 1, 26)
            .Nest(2)
            .AttrU32(2, 19)
            .Nest(3)
            .Nest(1).AttrU32(1, 1).AttrString(2, "software-transmit").AttrFlag(3).EndNest()
            .Nest(1).AttrU32(1, 3).AttrString(2, "software-receive").AttrFlag(3).EndNest()
            .Nest(1).AttrU32(1, 4).AttrString(2, "software-system-clock").EndNest() // listed, value not set
            .EndNest()
            .EndNest()
            .End().ToArray();
        ReadOnlySpan<byte> buf = f;
        Assert.True(NetlinkReader.TryNext(ref buf, out var m, out _));
        Assert.True(EthtoolMessages.TryReadTsInfo(m.Payload, out var info, out var e), e.ToString());
        Assert.Equal(0b1010UL, info.Timestamping);
    }

    [Fact]
    public void Family_reply_gives_the_dynamic_id()
    {
        var bytes = new NetlinkFixture().Msg(0x10, 0, 1, 1).AttrString(2, "ethtool").AttrU16(1, 21).AttrU32(3, 1).End().ToArray();
        ReadOnlySpan<byte> buf = bytes;
        Assert.True(NetlinkReader.TryNext(ref buf, out var m, out _));
        Assert.True(EthtoolMessages.TryReadFamilyId(m.Payload, out ushort id, out _));
        Assert.Equal(21, id);
        var none = new NetlinkFixture().Msg(0x10, 0, 1, 1).AttrString(2, "ethtool").End().ToArray();
        ReadOnlySpan<byte> b2 = none;
        Assert.True(NetlinkReader.TryNext(ref b2, out var m2, out _));
        Assert.False(EthtoolMessages.TryReadFamilyId(m2.Payload, out _, out var pe));
        Assert.Equal(NetlinkParseError.MissingAttribute, pe);
    }

    [Fact]
    public void Get_family_request_matches_the_documented_bytes()
    {
        var buf = new byte[64];
        int n = EthtoolMessages.WriteGetFamily(buf, 0x01020304, "ethtool");
        byte[] expected =
        [
            0x20, 0, 0, 0, 0x10, 0, 0x05, 0, 0x04, 0x03, 0x02, 0x01, 0, 0, 0, 0, // flags REQUEST|ACK
            0x03, 0x01, 0, 0,
            0x0c, 0, 0x02, 0, (byte)'e', (byte)'t', (byte)'h', (byte)'t', (byte)'o', (byte)'o', (byte)'l', 0,
        ];
        Assert.Equal(expected, buf[..n]);
    }

    [Fact]
    public void Tsconfig_set_request_carries_provider_and_one_bit_bitsets()
    {
        var buf = new byte[256];
        int n = EthtoolMessages.WriteTsConfigSet(buf, 21, 9, 2, 1, ProviderQualifier.Precise, HwTstamp.TxOn, HwTstamp.FilterPtpV2Event);
        Assert.Equal(n, BinaryPrimitives.ReadInt32LittleEndian(buf));
        Assert.Equal(21, BinaryPrimitives.ReadUInt16LittleEndian(buf.AsSpan(4)));
        Assert.Equal(47, buf[16]);
        // Read it back with the reader as the kernel would: the provider nest and the two bitsets.
        var it = new AttributeIterator(buf.AsSpan(20, n - 20));
        int? phc = null, qual = null;
        ulong tx = 0, rx = 0;
        int ifindex = 0;
        while (it.TryNext(out var type, out var data))
        {
            if (type == 1)
            {
                var h = new AttributeIterator(data);
                while (h.TryNext(out var ht, out var hd))
                    if (ht == 1) ifindex = BinaryPrimitives.ReadInt32LittleEndian(hd);
            }
            else if (type == 2)
            {
                var p = new AttributeIterator(data);
                while (p.TryNext(out var pt, out var pd))
                {
                    if (pt == 1) phc = BinaryPrimitives.ReadInt32LittleEndian(pd);
                    if (pt == 2) qual = BinaryPrimitives.ReadInt32LittleEndian(pd);
                }
            }
            else if (type == 3) Assert.True(EthtoolBitset.TryDecode(data, out tx, out _));
            else if (type == 4) Assert.True(EthtoolBitset.TryDecode(data, out rx, out _));
        }
        Assert.Equal(NetlinkParseError.None, it.Error);
        Assert.Equal(2, ifindex);
        Assert.Equal(1, phc);
        Assert.Equal(0, qual);
        Assert.Equal(1UL << HwTstamp.TxOn, tx);
        Assert.Equal(1UL << HwTstamp.FilterPtpV2Event, rx);
    }

    [Fact]
    public void Tsconfig_reply_decodes_provider_tx_and_rx()
    {
        var bytes = new NetlinkFixture().Msg(21, 0, 3, 47)
            .Nest(1).AttrU32(1, 2).EndNest()
            .Nest(2).AttrU32(1, 1).AttrU32(2, 0).EndNest()
            .CompactBitset(3, 4, 1u << 1)
            .CompactBitset(4, 16, 1u << 12)
            .End().ToArray();
        ReadOnlySpan<byte> buf = bytes;
        Assert.True(NetlinkReader.TryNext(ref buf, out var m, out _));
        Assert.True(EthtoolMessages.TryReadTsConfig(m.Payload, out var st, out var e), e.ToString());
        Assert.Equal(1, st.ProviderIndex);
        Assert.Equal(ProviderQualifier.Precise, st.Qualifier);
        Assert.Equal(HwTstamp.TxOn, st.TxType);
        Assert.Equal(HwTstamp.FilterPtpV2Event, st.RxFilter);
    }

    [Fact]
    public void Phc_vclocks_reply_decodes_the_index_array()
    {
        var two = new NetlinkFixture().Msg(21, 0, 1, 34).Nest(1).AttrU32(1, 2).EndNest().AttrU32(2, 2).AttrBinary(3, 3, 4).End().ToArray();
        ReadOnlySpan<byte> b = two;
        Assert.True(NetlinkReader.TryNext(ref b, out var m, out _));
        Assert.True(EthtoolMessages.TryReadPhcVclocks(m.Payload, out var idx, out _));
        Assert.Equal([3, 4], idx);

        var none = new NetlinkFixture().Msg(21, 0, 1, 34).Nest(1).AttrU32(1, 2).EndNest().End().ToArray();
        ReadOnlySpan<byte> b2 = none;
        Assert.True(NetlinkReader.TryNext(ref b2, out var m2, out _));
        Assert.True(EthtoolMessages.TryReadPhcVclocks(m2.Payload, out var idx2, out _));
        Assert.Empty(idx2);

        var bad = new NetlinkFixture().Msg(21, 0, 1, 34).AttrU32(2, 3).AttrBinary(3, 3, 4).End().ToArray();
        ReadOnlySpan<byte> b3 = bad;
        Assert.True(NetlinkReader.TryNext(ref b3, out var m3, out _));
        Assert.False(EthtoolMessages.TryReadPhcVclocks(m3.Payload, out _, out var e3));
        Assert.Equal(NetlinkParseError.BadAttributeLength, e3);
    }
}
