using System.Buffers.Binary;
using Ptp4Net.Capture;

namespace Ptp4Net.Tests.Capture;

public class CaptureReaderTests
{
    private static readonly byte[] FrameA = MakeFrame(0xA0, 60);
    private static readonly byte[] FrameB = MakeFrame(0xB0, 91);

    private static byte[] MakeFrame(byte seed, int length)
    {
        var f = new byte[length];
        for (int i = 0; i < f.Length; i++) f[i] = (byte)(seed + i);
        return f;
    }

    private static List<CapturedFrame> ReadAll(byte[] file, out CaptureReadStatus last, out string? error)
    {
        Assert.True(CaptureReader.TryOpen(new MemoryStream(file), out var reader, out var openError), openError);
        var frames = new List<CapturedFrame>();
        for (int guard = 0; guard < 1000; guard++)
        {
            last = reader!.Read(out var f);
            if (last != CaptureReadStatus.Frame)
            {
                error = reader.Error;
                return frames;
            }
            frames.Add(f with { Data = f.Data.ToArray() });
        }
        throw new InvalidOperationException("reader did not end");
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    [InlineData(true, false)]
    public void Classic_pcap_reads_both_byte_orders_and_resolutions(bool bigEndian, bool nano)
    {
        var ms = new MemoryStream();
        var w = new PcapWriter(ms, LinkType.Ethernet, nano, bigEndian);
        w.WritePacket(1_700_000_000_123_456_789, FrameA);
        w.WritePacket(1_700_000_001_000_001_000, FrameB, originalLength: 1500);
        var file = ms.ToArray();
        Assert.Equal(bigEndian ? 0xA1 : (nano ? 0x4D : 0xD4), file[0]);

        var frames = ReadAll(file, out var last, out var error);
        Assert.Equal(CaptureReadStatus.End, last);
        Assert.Null(error);
        Assert.Equal(2, frames.Count);
        Assert.Equal(nano ? 1_700_000_000_123_456_789 : 1_700_000_000_123_456_000, frames[0].TimestampNanoseconds);
        Assert.Equal(1_700_000_001_000_001_000, frames[1].TimestampNanoseconds);
        Assert.Equal(FrameA, frames[0].Data.ToArray());
        Assert.Equal(FrameB, frames[1].Data.ToArray());
        Assert.Equal(1500u, frames[1].OriginalLength);
        Assert.Equal(LinkType.Ethernet, frames[0].LinkType);
        Assert.Equal(1, frames[0].Number);
        Assert.Equal(2, frames[1].Number);
    }

    [Fact]
    public void Modified_pcap_skips_the_extra_record_fields()
    {
        // Kuznetzov's format: magic 0xa1b2cd34, microseconds, 24-octet record headers.
        var ms = new MemoryStream();
        Span<byte> h = stackalloc byte[24];
        BinaryPrimitives.WriteUInt32BigEndian(h, 0xA1B2CD34);
        BinaryPrimitives.WriteUInt16BigEndian(h[4..], 2);
        BinaryPrimitives.WriteUInt16BigEndian(h[6..], 4);
        BinaryPrimitives.WriteUInt32BigEndian(h[16..], 65535);
        BinaryPrimitives.WriteUInt32BigEndian(h[20..], 1);
        ms.Write(h);
        Span<byte> r = stackalloc byte[24];
        BinaryPrimitives.WriteUInt32BigEndian(r, 100);
        BinaryPrimitives.WriteUInt32BigEndian(r[4..], 250_000);
        BinaryPrimitives.WriteUInt32BigEndian(r[8..], (uint)FrameA.Length);
        BinaryPrimitives.WriteUInt32BigEndian(r[12..], (uint)FrameA.Length);
        r[16..].Fill(0xEE); // ifindex, protocol, pkt_type, pad
        ms.Write(r);
        ms.Write(FrameA);
        var frames = ReadAll(ms.ToArray(), out var last, out _);
        Assert.Equal(CaptureReadStatus.End, last);
        var f = Assert.Single(frames);
        Assert.Equal(100_250_000_000L, f.TimestampNanoseconds);
        Assert.Equal(FrameA, f.Data.ToArray());
    }

    [Fact]
    public void Classic_pcap_link_type_ignores_the_fcs_bits()
    {
        var ms = new MemoryStream();
        _ = new PcapWriter(ms, LinkType.LinuxSll2);
        var file = ms.ToArray();
        file[23] = 0x10; // FCS-present bit and length in the upper half (pcap-linktype(7))
        Assert.True(CaptureReader.TryOpen(new MemoryStream(file), out var r, out _));
        Assert.Equal(LinkType.LinuxSll2, ((PcapReader)r!).LinkType);
    }

    [Theory]
    [InlineData(false, (byte)6, 1_700_000_000_123_456UL, 1_700_000_000_123_456_000L)]
    [InlineData(true, (byte)9, 1_700_000_000_123_456_789UL, 1_700_000_000_123_456_789L)]
    [InlineData(false, (byte)3, 1_700_000_000_123UL, 1_700_000_000_123_000_000L)]
    // 10^-12 (picoseconds): truncated to nanoseconds
    [InlineData(true, (byte)12, 0UL, 0L)]
    // 2^-20 s: 1_700_000_000.5 s = (1_700_000_000 * 2^20 + 2^19) units
    [InlineData(false, (byte)(0x80 | 20), 1_700_000_000UL * (1UL << 20) + (1UL << 19), 1_700_000_000_500_000_000L)]
    [InlineData(true, (byte)(0x80 | 30), 3UL * (1UL << 30) + (1UL << 28), 3_250_000_000L)]
    public void Pcapng_reads_both_byte_orders_and_tsresol(bool bigEndian, byte tsResol, ulong units, long expectedNs)
    {
        if (tsResol == 12)
        {
            // 1_700_000_000.123456789012 s does not fit in ulong picoseconds; use 1.5 ms + 7 ps.
            units = 1_500_000_007;
            expectedNs = 1_500_000;
        }
        var ms = new MemoryStream();
        var w = new PcapNgWriter(ms, bigEndian);
        int id = w.AddInterface(LinkType.Ethernet, tsResol);
        w.WriteEnhancedPacket(id, units, FrameB);
        var frames = ReadAll(ms.ToArray(), out var last, out _);
        Assert.Equal(CaptureReadStatus.End, last);
        var f = Assert.Single(frames);
        Assert.Equal(expectedNs, f.TimestampNanoseconds);
        Assert.Equal(FrameB, f.Data.ToArray());
    }

    [Fact]
    public void Pcapng_default_resolution_is_microseconds_and_tsoffset_adds_seconds()
    {
        var ms = new MemoryStream();
        var w = new PcapNgWriter(ms);
        w.AddInterface(LinkType.Ethernet, tsResol: null);
        w.AddInterface(LinkType.LinuxSll, tsResol: 9, tsOffsetSeconds: 1_000);
        w.WriteEnhancedPacket(0, 2_000_001, FrameA);
        w.WriteEnhancedPacket(1, 5, FrameB);
        var frames = ReadAll(ms.ToArray(), out _, out _);
        Assert.Equal(2, frames.Count);
        Assert.Equal(2_000_001_000L, frames[0].TimestampNanoseconds);
        Assert.Equal(1_000_000_000_005L, frames[1].TimestampNanoseconds);
        Assert.Equal(LinkType.LinuxSll, frames[1].LinkType);
        Assert.Equal(1, frames[1].InterfaceId);
    }

    [Fact]
    public void Pcapng_skips_unknown_blocks_reads_simple_packets_and_new_sections_in_the_other_byte_order()
    {
        var ms = new MemoryStream();
        var w = new PcapNgWriter(ms, bigEndian: false);
        w.AddInterface(LinkType.Ethernet, 9, snapLength: 64);
        w.WriteBlock(0x0BAD, [1, 2, 3, 4, 5]);         // custom/unknown block, padded
        w.WriteBlock(5, new byte[16]);                  // Interface Statistics Block: skipped
        w.WriteSimplePacket(FrameB);                    // 91 octets, snaplen 64: cut to 64
        var be = new PcapNgWriter(ms, bigEndian: true); // second section, big-endian
        be.AddInterface(LinkType.LinuxSll2, 9);
        be.WriteEnhancedPacket(0, 42, FrameA);
        var frames = ReadAll(ms.ToArray(), out var last, out var error);
        Assert.Equal(CaptureReadStatus.End, last);
        Assert.Null(error);
        Assert.Equal(2, frames.Count);
        Assert.Equal(FrameB.AsSpan(0, 64).ToArray(), frames[0].Data.ToArray());
        Assert.Equal(91u, frames[0].OriginalLength);
        Assert.Equal(LinkType.LinuxSll2, frames[1].LinkType);
        Assert.Equal(42L, frames[1].TimestampNanoseconds);
    }

    public static TheoryData<string, byte[], string> BrokenFiles()
    {
        var data = new TheoryData<string, byte[], string>();
        var pcap = new MemoryStream();
        new PcapWriter(pcap, LinkType.Ethernet).WritePacket(1, FrameB);
        var good = pcap.ToArray();
        data.Add("empty", [], "empty file");
        data.Add("two octets", [0xD4, 0xC3], "truncated capture header");
        data.Add("text", "hello world, this is not a capture"u8.ToArray(), "not a pcap or pcapng file");
        data.Add("pcap header cut", good[..20], "truncated pcap file header");
        data.Add("record header cut", good[..30], "truncated packet record header at offset 24");
        data.Add("packet cut", good[..(good.Length - 1)], "truncated packet at offset 24: 90 of 91");
        var huge = (byte[])good.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(huge.AsSpan(24 + 8), 0x7FFF_FFFF);
        data.Add("huge incl_len", huge, "captured length 2147483647 exceeds");
        var version = (byte[])good.Clone();
        version[4] = 9;
        data.Add("pcap version", version, "unsupported pcap version 9");

        var ng = new MemoryStream();
        var w = new PcapNgWriter(ng);
        w.AddInterface(LinkType.Ethernet);
        w.WriteEnhancedPacket(0, 1, FrameA);
        var goodNg = ng.ToArray();
        data.Add("pcapng cut", goodNg[..(goodNg.Length - 2)], "truncated pcapng block");
        var badLen = (byte[])goodNg.Clone();
        int epb = goodNg.Length - (12 + 20 + 60);
        BinaryPrimitives.WriteUInt32LittleEndian(badLen.AsSpan(epb + 4), 13);
        data.Add("pcapng odd length", badLen, "total length 13");
        var zeroLen = (byte[])goodNg.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(zeroLen.AsSpan(epb + 4), 0);
        data.Add("pcapng zero length", zeroLen, "total length 0");
        var trailer = (byte[])goodNg.Clone();
        trailer[^1] ^= 0xFF;
        data.Add("pcapng trailer", trailer, "trailing length");
        var bom = (byte[])goodNg.Clone();
        bom[8] = 0x00;
        data.Add("pcapng byte-order magic", bom, "byte-order magic");
        var capLen = (byte[])goodNg.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(capLen.AsSpan(epb + 8 + 12), 1000);
        data.Add("pcapng caplen", capLen, "captured length 1000 exceeds the block");
        var ifId = (byte[])goodNg.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(ifId.AsSpan(epb + 8), 3);
        data.Add("pcapng interface", ifId, "interface 3 was not described");
        var noShb = new MemoryStream();
        noShb.Write(goodNg.AsSpan(0, 28));
        var shbOnly = noShb.ToArray();
        data.Add("pcapng shb cut", shbOnly[..20], "truncated pcapng block at offset 0");
        var noIdb = new MemoryStream();
        var w2 = new PcapNgWriter(noIdb);
        w2.WriteSimplePacket(FrameA);
        data.Add("pcapng spb without idb", noIdb.ToArray(), "no interface described");
        var resol = new MemoryStream();
        var w3 = new PcapNgWriter(resol);
        w3.AddInterface(LinkType.Ethernet, tsResol: 120);
        data.Add("pcapng tsresol", resol.ToArray(), "unsupported if_tsresol 10^-120");
        return data;
    }

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void Broken_files_end_in_an_error_that_says_what_is_wrong(string name, byte[] file, string expected)
    {
        string? message;
        if (!CaptureReader.TryOpen(new MemoryStream(file), out var reader, out var openError))
        {
            message = openError;
        }
        else
        {
            CaptureReadStatus s = CaptureReadStatus.Frame;
            for (int i = 0; i < 100 && s == CaptureReadStatus.Frame; i++) s = reader!.Read(out _);
            Assert.Equal(CaptureReadStatus.Error, s);
            // The error is sticky.
            Assert.Equal(CaptureReadStatus.Error, reader!.Read(out _));
            message = reader.Error;
        }
        Assert.True(message is not null && message.Contains(expected, StringComparison.Ordinal),
            $"{name}: expected '{expected}' in '{message}'");
    }

    [Fact]
    public void Every_truncation_and_many_corruptions_of_a_capture_end_without_exception()
    {
        var ms = new MemoryStream();
        var w = new PcapNgWriter(ms, bigEndian: true);
        w.AddInterface(LinkType.Ethernet, 9, 7);
        w.WriteEnhancedPacket(0, 100, FrameA);
        w.WriteSimplePacket(FrameB);
        var file = ms.ToArray();
        var rng = new Random(1588);
        for (int cut = 0; cut <= file.Length; cut++) Drain(file[..cut]);
        for (int i = 0; i < 3000; i++)
        {
            var f = (byte[])file.Clone();
            int flips = 1 + rng.Next(4);
            for (int k = 0; k < flips; k++) f[rng.Next(f.Length)] = (byte)rng.Next(256);
            Drain(f);
        }

        static void Drain(byte[] f)
        {
            if (!CaptureReader.TryOpen(new MemoryStream(f), out var r, out var e))
            {
                Assert.False(string.IsNullOrEmpty(e));
                return;
            }
            for (int i = 0; i < 10_000; i++)
            {
                var s = r!.Read(out _);
                if (s == CaptureReadStatus.End) return;
                if (s == CaptureReadStatus.Error)
                {
                    Assert.False(string.IsNullOrEmpty(r.Error));
                    return;
                }
            }
            Assert.Fail("reader did not terminate");
        }
    }
}
