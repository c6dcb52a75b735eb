namespace Ptp4Net.Tests.Dump;

public class DumpCaptureEdgeTests
{
    private static readonly byte[] Mac = [0x02, 0, 0, 0, 0, 9];

    private static byte[] SyncMessage()
    {
        var frames = PtpSampleCapture.Build();
        var sync = frames[0].Data; // Ethernet / IPv4 / UDP / Sync
        return sync.AsSpan(14 + 20 + 8, 44).ToArray();
    }

    [Fact]
    public void Corrupt_pcapng_block_exits_2_after_the_messages_before_it()
    {
        var ms = new MemoryStream();
        var w = new Ptp4Net.Capture.PcapNgWriter(ms);
        w.AddInterface(Ptp4Net.Capture.LinkType.Ethernet, 9);
        var frame = Ptp4Net.Capture.FrameBuilder.Ethernet(Ptp4Net.Capture.FrameBuilder.PtpPrimaryMac, Mac, 0x88F7, SyncMessage());
        w.WriteEnhancedPacket(0, 1_000, frame);
        long damaged = ms.Length;
        w.WriteEnhancedPacket(0, 2_000, frame);
        var bytes = ms.ToArray();
        bytes[damaged + 4] = 0xFF; // block_total_length of the second packet: 0x...FF, not a multiple of 4
        string path = DumpTestSupport.TempFile(bytes, ".pcapng");
        try
        {
            var (exit, stdout, stderr) = DumpTestSupport.Run(path);
            Assert.Equal(2, exit);
            Assert.Contains(" Sync domain 0 seq 1 ", stdout);
            Assert.Contains($"cannot read '{path}': corrupt pcapng block at offset {damaged}: total length", stderr);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Fragments_vlan_stacks_and_ipv6_extension_headers_in_one_capture()
    {
        var src4 = System.Net.IPAddress.Parse("198.51.100.7");
        var src6 = System.Net.IPAddress.Parse("2001:db8::7");
        var msg = SyncMessage();
        var ms = new MemoryStream();
        var w = new Ptp4Net.Capture.PcapWriter(ms, Ptp4Net.Capture.LinkType.Ethernet);
        long t = 1_000_000_000;
        // 1: Sync over IPv4 in two stacked VLAN tags.
        w.WritePacket(t++, Ptp4Net.Capture.FrameBuilder.Ethernet(Mac, Mac, 0x0800,
            Ptp4Net.Capture.FrameBuilder.IPv4Udp(src4, Ptp4Net.Capture.FrameBuilder.PtpPrimaryIPv4, 319, 319, msg), 10, 20));
        // 2: Sync over IPv6 behind three extension headers.
        w.WritePacket(t++, Ptp4Net.Capture.FrameBuilder.Ethernet(Mac, Mac, 0x86DD,
            Ptp4Net.Capture.FrameBuilder.IPv6Udp(src6, Ptp4Net.Capture.FrameBuilder.PtpPrimaryIPv6, 319, 319, msg, 3)));
        // 3, 4: the Sync over IPv4 in two fragments: the first is shown as truncated, the second is skipped.
        var ip = Ptp4Net.Capture.FrameBuilder.IPv4Udp(src4, Ptp4Net.Capture.FrameBuilder.PtpPrimaryIPv4, 319, 319, msg, identification: 5);
        foreach (var f in Ptp4Net.Capture.FrameBuilder.FragmentIPv4(ip, 48))
            w.WritePacket(t++, Ptp4Net.Capture.FrameBuilder.Ethernet(Mac, Mac, 0x0800, f));
        string path = DumpTestSupport.TempFile(ms.ToArray());
        try
        {
            var (exit, stdout, _) = DumpTestSupport.Run("-v", path);
            Assert.Equal(1, exit);
            var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains(lines, l => l.EndsWith(" 198.51.100.7 Sync domain 0 seq 1 from 02005e.fffe.000001-1 corr 0 flags twoStep origin 0.000000000", StringComparison.Ordinal));
            Assert.Contains("  vlan: 20", lines);
            Assert.Contains(lines, l => l.EndsWith(" 2001:db8::7 Sync domain 0 seq 1 from 02005e.fffe.000001-1 corr 0 flags twoStep origin 0.000000000", StringComparison.Ordinal));
            // 48 octets of UDP in the first fragment: the header and 6 of the 10 body octets.
            Assert.Contains(lines, l => l.EndsWith(" 198.51.100.7 Sync domain 0 seq 1 from 02005e.fffe.000001-1 corr 0 flags twoStep" +
                " MALFORMED: BodyTooShort (the capture holds only part of the datagram)", StringComparison.Ordinal));
            Assert.Equal("summary: 4 frames: 2 PTP messages (Sync 2), 1 malformed (BodyTooShort 1), 1 non-PTP skipped (NonFirstFragment 1)",
                lines[^1]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_non_seekable_stream_such_as_a_pipe_is_read_to_the_end()
    {
        var bytes = File.ReadAllBytes(DumpTestSupport.TestData("ptp4l-veth.pcapng"));
        var o = new StringWriter { NewLine = "\n" };
        var e = new StringWriter { NewLine = "\n" };
        int exit = Ptp4Net.Host.DumpCommand.Dump(new PipeStream(bytes), new Ptp4Net.Host.DumpOptions("(pipe)", false, false), o, e);
        Assert.Equal(0, exit);
        Assert.Contains("summary: 102 frames: 102 PTP messages", o.ToString());
    }

    /// <summary>Hands out at most 7 octets per read and cannot seek, like a pipe under load.</summary>
    private sealed class PipeStream(byte[] data) : Stream
    {
        private int _position;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
        public override int Read(Span<byte> buffer)
        {
            int n = Math.Min(Math.Min(7, buffer.Length), data.Length - _position);
            data.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public void Mutated_captures_never_throw_and_always_end_in_a_defined_status()
    {
        // Every layer at once: capture reader, decapsulation, codec and the three output formats.
        var sample = File.ReadAllBytes(DumpTestSupport.TestData(PtpSampleCapture.FileName));
        var rng = new Random(1588_2019);
        var statuses = new int[3];
        for (int i = 0; i < 1500; i++)
        {
            var f = (byte[])sample.Clone();
            int flips = 1 + rng.Next(8);
            for (int k = 0; k < flips; k++)
            {
                // Mostly inside the packets (past the 24-octet file header), sometimes anywhere.
                int at = rng.Next(10) == 0 ? rng.Next(f.Length) : 24 + rng.Next(f.Length - 24);
                f[at] = (byte)rng.Next(256);
            }
            if (rng.Next(4) == 0) f = f[..rng.Next(f.Length)];
            var options = new Ptp4Net.Host.DumpOptions("(mutant)", Verbose: i % 3 == 1, Json: i % 3 == 2);
            int exit = Ptp4Net.Host.DumpCommand.Dump(new MemoryStream(f), options, TextWriter.Null, TextWriter.Null);
            Assert.InRange(exit, 0, 2);
            statuses[exit]++;
        }
        // The mutations reach every outcome.
        Assert.All(statuses, n => Assert.True(n > 0));
    }
}
