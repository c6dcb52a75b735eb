using System.Buffers.Binary;
using System.Diagnostics;
using Ptp4Net.Messages;
using Xunit.Abstractions;

namespace Ptp4Net.Tests.Messages;

/// <summary>
/// Property test: valid messages mutated from a seeded Random (truncation at every length, bit flips, bad
/// messageLength, TLV length overruns, random octets, splices). Parsing never throws; every rejection has a
/// reason; an accepted message writes back to the same octets (reserved fields aside) and parses again; every
/// typed TLV reader runs on every accepted TLV without throwing.
/// Default 120 000 cases; set PTP4NET_FUZZ_CASES for a longer run, PTP4NET_FUZZ_SEED for another seed.
/// </summary>
public class CodecFuzzTests
{
    private readonly ITestOutputHelper _out;
    public CodecFuzzTests(ITestOutputHelper output) => _out = output;

    private static List<byte[]> Corpus() =>
    [
        MessageGoldenTests.SyncVector(),
        MessageGoldenTests.AnnounceVector(),
        MessageGoldenTests.ManagementGetVector(),
        Wire.Hex("0A", "02", "0036", "00", "00", "0000", "0000000000640000", "00000000", "001B21FFFE010203", "0001",
            "0007", "05", "7F", "000000000064", "000F4240", "A0B0C0FFFED0E0F0", "0002"),
        Wire.Hex("12", "02", "0036", "00", "00", "0000", "0000000000000000", "00000000", "001B21FFFE010203", "0001",
            "0007", "05", "00", "000000000001", "00000002", "00000000000000000000"),
        Wire.Hex("18", "02", "004C", "00", "00", "0208", "0000000000000000", "00000000", "001B21FFFE010203", "0001",
            "0010", "02", "FD", "0000654F3A20", "1DCD6500", "0003", "001C", "0080C2", "000001", "FFFFFF9C", "0001",
            "FFFF", "FFFFFFFFFFFFFFFF", "8000", "00000200"),
        Wire.Hex("0B", "02", "0054", "00", "00", "0000", "0000000000000000", "00000000", "001B21FFFE010203", "0001",
            "0043", "05", "01", "000000000000", "00000000", "0025", "00", "80", "F8FEFFFF", "80", "001B21FFFE010203",
            "0001", "A0", "0008", "0010", "001B21FFFE010203", "A0B0C0FFFED0E0F0"),
        TlvVectors.Signaling("0004", "0006", "00", "FC", "0000003C", "0005", "0008", "90", "00", "0000012C", "00", "01",
            "0006", "0002", "B1", "00", "0007", "0002", "00", "00"),
        TlvVectors.Signaling("0003", "000C", "0080C2", "000002", "7F", "FD", "7E", "03", "0000",
            "0009", "0014", "01", "FFFF8F80", "00000E10", "0000654F3A20", "03", "505354", "00"),
        TlvVectors.Signaling("8009", "0016", "05", "00", "00000102", "00112233445566778899AABBCCDDEEFF",
            "7EEE", "0008", "DEADBEEF01020304"),
        TlvVectors.ManagementResponse("0001", "0014", "2001", "0001", "FFFFFFFFFF9C0000", "00000000007B8000"),
        TlvVectors.ManagementResponse("0001", "0016", "2000", "03", "00", "0001", "80", "F8FEFFFF", "80", "001B21FFFE010203", "18", "00"),
        TlvVectors.ManagementResponse("0001", "0022", "2002", "A0B0C0FFFED0E0F0", "0002", "01", "00", "FFFF", "7FFFFFFF", "7F",
            "06214E5D", "80", "A0B0C0FFFED0E0F0"),
        TlvVectors.ManagementResponse("0001", "001C", "2004", "001B21FFFE0102030001", "09", "00", "0000000003E80000", "01", "03",
            "00", "02", "00", "12"),
        TlvVectors.ManagementResponse("0001", "0014", "C004", "001B21FFFE0102030001", "06", "01", "04", "65746830", "00"),
        TlvVectors.ManagementResponse("0001", "0034", "C000", "FFFFFFFFFFFFFFF6", "17A2B3C4D5E6F708", "00000064", "FFFFFFFF",
            "0002", "0000", "0000000000000005", "0000", "00000001", "A0B0C0FFFED0E0F0"),
        TlvVectors.ManagementResponse("0001", "010C", "C005", "001B21FFFE0102030001", new string('1', 512)),
        TlvVectors.ManagementResponse("0001", "0044", "C003", "00B4", "03" + new string('0', 126)),
        TlvVectors.ManagementResponse("0002", "000E", "0002", "C00D", "00000000", "04", "6E6F7065", "00"),
        TlvVectors.ManagementResponse("0001", "000C", "200F", "0000654F3A20", "0000000A"),
    ];

    [Fact]
    public void MutatedMessagesNeverThrowAndRejectionsHaveReasons()
    {
        int cases = int.TryParse(Environment.GetEnvironmentVariable("PTP4NET_FUZZ_CASES"), out var n) && n > 0 ? n : 120_000;
        int seed = int.TryParse(Environment.GetEnvironmentVariable("PTP4NET_FUZZ_SEED"), out var s) ? s : 1588;
        var corpus = Corpus();
        foreach (var c in corpus) Assert.True(PtpMessage.TryRead(c, out _, out var e0), $"corpus entry invalid: {e0}");

        var rng = new Random(seed);
        var stats = new Stats();
        var sw = Stopwatch.StartNew();
        var buf = new byte[2048];
        int done = 0;

        // 1. Truncation at every length of every corpus entry.
        foreach (var c in corpus)
        {
            for (int len = 0; len <= c.Length; len++)
            {
                var t = c[..len];
                Check(t, stats, buf);
                done++;
                if (len < c.Length) Assert.False(PtpMessage.TryRead(t, out _, out _), "a truncated message was accepted");
            }
        }

        // 2. Random mutations.
        while (done < cases)
        {
            var src = corpus[rng.Next(corpus.Count)];
            var m = Mutate(src, rng);
            try
            {
                Check(m, stats, buf);
            }
            catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
            {
                throw new InvalidOperationException($"case {done} (seed {seed}) threw on {Convert.ToHexString(m)}", ex);
            }
            done++;
        }
        sw.Stop();
        _out.WriteLine($"{done} cases in {sw.ElapsedMilliseconds} ms (seed {seed}): accepted {stats.Accepted}, rejected {stats.Rejected}");
        foreach (var (reason, count) in stats.ByReason.OrderBy(kv => kv.Key)) _out.WriteLine($"  {reason}: {count}");
        Assert.True(done >= cases);
        Assert.True(stats.Accepted > 0 && stats.Rejected > 0);
        // The mutations reach most message-level reasons.
        Assert.True(stats.ByReason.Count >= 10, $"only {stats.ByReason.Count} reasons reached");
    }

    private sealed class Stats
    {
        public long Accepted, Rejected;
        public Dictionary<ParseError, long> ByReason = new();
    }

    private static byte[] Mutate(byte[] src, Random rng)
    {
        var m = (byte[])src.Clone();
        switch (rng.Next(8))
        {
            case 0: // flip 1-4 random bits
                for (int k = rng.Next(1, 5); k > 0; k--) m[rng.Next(m.Length)] ^= (byte)(1 << rng.Next(8));
                return m;
            case 1: // bad messageLength
                BinaryPrimitives.WriteUInt16BigEndian(m.AsSpan(2), (ushort)(rng.Next(4) == 0 ? rng.Next(65536) : src.Length + rng.Next(-12, 13)));
                return m;
            case 2: // TLV lengthField overrun / odd / shrink
            {
                var offsets = TlvLengthOffsets(src);
                if (offsets.Count == 0) goto case 0;
                int off = offsets[rng.Next(offsets.Count)];
                int cur = BinaryPrimitives.ReadUInt16BigEndian(m.AsSpan(off));
                int v = rng.Next(4) switch { 0 => cur + 1, 1 => cur + 2 * rng.Next(1, 20), 2 => Math.Max(0, cur - 2 * rng.Next(1, 4)), _ => rng.Next(65536) };
                BinaryPrimitives.WriteUInt16BigEndian(m.AsSpan(off), (ushort)v);
                return m;
            }
            case 3: // random octets over a random range
            {
                int start = rng.Next(m.Length);
                int len = rng.Next(1, Math.Min(16, m.Length - start) + 1);
                rng.NextBytes(m.AsSpan(start, len));
                return m;
            }
            case 4: // entirely random buffer, sometimes with a plausible header start
            {
                var r = new byte[rng.Next(0, 300)];
                rng.NextBytes(r);
                if (r.Length > 4 && rng.Next(2) == 0)
                {
                    r[0] = (byte)(rng.Next(16) & 0x0F);
                    r[1] = 0x02;
                    BinaryPrimitives.WriteUInt16BigEndian(r.AsSpan(2), (ushort)r.Length);
                }
                return r;
            }
            case 5: // append junk after the message, with or without updating messageLength
            {
                var extra = new byte[rng.Next(1, 40)];
                rng.NextBytes(extra);
                var r = m.Concat(extra).ToArray();
                if (rng.Next(2) == 0) BinaryPrimitives.WriteUInt16BigEndian(r.AsSpan(2), (ushort)r.Length);
                return r;
            }
            case 6: // delete or insert octets in the middle, keep messageLength consistent half the time
            {
                int at = rng.Next(m.Length);
                byte[] r;
                if (rng.Next(2) == 0)
                {
                    int del = Math.Min(rng.Next(1, 5), m.Length - at);
                    r = new byte[m.Length - del];
                    m.AsSpan(0, at).CopyTo(r);
                    m.AsSpan(at + del).CopyTo(r.AsSpan(at));
                }
                else
                {
                    int ins = rng.Next(1, 5);
                    r = new byte[m.Length + ins];
                    m.AsSpan(0, at).CopyTo(r);
                    rng.NextBytes(r.AsSpan(at, ins));
                    m.AsSpan(at).CopyTo(r.AsSpan(at + ins));
                }
                if (r.Length >= 4 && rng.Next(2) == 0) BinaryPrimitives.WriteUInt16BigEndian(r.AsSpan(2), (ushort)r.Length);
                return r;
            }
            default: // change messageType, keep everything else (type/body mismatch)
                m[0] = (byte)((m[0] & 0xF0) | rng.Next(16));
                return m;
        }
    }

    private static List<int> TlvLengthOffsets(byte[] msg)
    {
        var list = new List<int>();
        if (!PtpMessage.TryRead(msg, out var m, out _)) return list;
        int p = PtpHeader.Length + m.Body.Length;
        foreach (var tlv in m.Tlvs)
        {
            list.Add(p + 2);
            p += tlv.Raw.Length;
        }
        return list;
    }

    private static void Check(byte[] input, Stats stats, byte[] buf)
    {
        if (!PtpMessage.TryRead(input, out var m, out var e))
        {
            if (e == ParseError.None) Assert.Fail("rejected without a reason");
            stats.Rejected++;
            stats.ByReason[e] = stats.ByReason.GetValueOrDefault(e) + 1;
            return;
        }
        if (e != ParseError.None) Assert.Fail($"accepted with reason {e}");
        stats.Accepted++;

        // Write back: identical octets once reserved fields (written as zero) are zeroed in the original.
        int n = PtpMessageWriter.Write(buf, m);
        var expected = input[..m.Header.MessageLength];
        ZeroReserved(expected, m.MessageType);
        if (!expected.AsSpan().SequenceEqual(buf.AsSpan(0, n)))
            Assert.Fail($"rewrite differs:\n{Convert.ToHexString(expected)}\n{Convert.ToHexString(buf.AsSpan(0, n))}");
        if (!PtpMessage.TryRead(buf.AsSpan(0, n), out var again, out var e2)) Assert.Fail($"rewrite rejected: {e2}");
        if (m.Header != again.Header) Assert.Fail("rewrite changed the header");

        // Every typed reader on every TLV: no exception, a reason whenever it declines.
        foreach (var tlv in m.Tlvs) ExerciseTypedReaders(tlv);
    }

    private static void ZeroReserved(byte[] b, MessageType type)
    {
        switch (type)
        {
            case MessageType.PdelayReq: Array.Clear(b, 44, 10); break;
            case MessageType.Announce: b[46] = 0; break;
            case MessageType.Management: b[46] &= 0x0F; b[47] = 0; break;
        }
    }

    private static void Declined(bool ok, ParseError e)
    {
        if (ok != (e == ParseError.None)) Assert.Fail($"ok={ok} but reason {e}");
    }

    private static void ExerciseTypedReaders(Tlv tlv)
    {
        Declined(ManagementTlv.TryRead(tlv, out var mt, out var e), e);
        if (e == ParseError.None) ExerciseManagement(mt);
        Declined(ManagementErrorStatusTlv.TryRead(tlv, out _, out e), e);
        Declined(OrganizationExtensionTlv.TryRead(tlv, out _, out e), e);
        Declined(FollowUpInformationTlv.TryRead(tlv, out _, out e), e);
        Declined(MessageIntervalRequestTlv.TryRead(tlv, out _, out e), e);
        Declined(RequestUnicastTransmissionTlv.TryRead(tlv, out _, out e), e);
        Declined(GrantUnicastTransmissionTlv.TryRead(tlv, out _, out e), e);
        Declined(CancelUnicastTransmissionTlv.TryRead(tlv, out _, out e), e);
        Declined(AcknowledgeCancelUnicastTransmissionTlv.TryRead(tlv, out _, out e), e);
        Declined(PathTraceTlv.TryRead(tlv, out var pt, out e), e);
        for (int i = 0; i < pt.Count; i++) _ = pt[i];
        Declined(AlternateTimeOffsetIndicatorTlv.TryRead(tlv, out _, out e), e);
        Declined(AuthenticationTlv.TryRead(tlv, out _, out e), e);
        Declined(AuthenticationTlv.TryRead(tlv, 4, 6, 2, out _, out e), e);
    }

    private static void ExerciseManagement(ManagementTlv mt)
    {
        Declined(mt.TryGet<ManagementDefaultDataSet>(out _, out var e), e);
        Declined(mt.TryGet<ManagementCurrentDataSet>(out _, out e), e);
        Declined(mt.TryGet<ManagementParentDataSet>(out _, out e), e);
        Declined(mt.TryGet<ManagementTimePropertiesDataSet>(out _, out e), e);
        Declined(mt.TryGet<ManagementPortDataSet>(out _, out e), e);
        Declined(mt.TryGet<ManagementDatum>(out _, out e), e);
        Declined(mt.TryGet<ManagementTime>(out _, out e), e);
        Declined(mt.TryGet<UtcProperties>(out _, out e), e);
        Declined(mt.TryGet<TimeStatusNp>(out _, out e), e);
        Declined(mt.TryGet<GrandmasterSettingsNp>(out _, out e), e);
        Declined(mt.TryGet<PortDataSetNp>(out _, out e), e);
        Declined(mt.TryGet<SubscribeEventsNp>(out _, out e), e);
        Declined(mt.TryGet<PortPropertiesNp>(out _, out e), e);
        Declined(mt.TryGet<PortStatsNp>(out _, out e), e);
        Declined(mt.TryGet<PortServiceStatsNp>(out _, out e), e);
        Declined(mt.TryGet<PortHwclockNp>(out _, out e), e);
        Declined(mt.TryGet<CmldsInfoNp>(out _, out e), e);
        Declined(mt.TryGet<UserDescription>(out _, out e), e);
        Declined(mt.TryGet<ClockDescription>(out _, out e), e);
    }
}
