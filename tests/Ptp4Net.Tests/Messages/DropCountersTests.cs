using Ptp4Net.Messages;

namespace Ptp4Net.Tests.Messages;

public class DropCountersTests
{
    [Fact]
    public void CountsByReasonAndIgnoresNone()
    {
        var c = new DropCounters();
        c.Count(ParseError.TlvOverrun);
        c.Count(ParseError.TlvOverrun);
        c.Count(ParseError.HeaderTooShort);
        c.Count(ParseError.None);
        Assert.Equal(2UL, c[ParseError.TlvOverrun]);
        Assert.Equal(1UL, c[ParseError.HeaderTooShort]);
        Assert.Equal(0UL, c[ParseError.None]);
        Assert.Equal(3UL, c.Total);
        c.Reset();
        Assert.Equal(0UL, c.Total);
    }

    [Fact]
    public void OutOfRangeReasonIsIgnoredNotThrown()
    {
        var c = new DropCounters();
        c.Count((ParseError)200);
        Assert.Equal(0UL, c.Total);
        Assert.Equal(0UL, c[(ParseError)200]);
    }

    [Fact]
    public void ParsingAndCountingDoNotAllocate()
    {
        var c = new DropCounters();
        var good = MessageGoldenTests.SyncVector();
        var bad = good[..40];
        var signaling = TlvVectors.Signaling("0004", "0006", "00", "FC", "0000003C", "7EEE", "0002", "0102");
        long sum = 0;
        void Run()
        {
            for (int i = 0; i < 1000; i++)
            {
                if (!PtpMessage.TryRead(good, out var m, out var e)) c.Count(e);
                sum += m.Sync.OriginTimestamp.Nanoseconds;
                if (!PtpMessage.TryRead(bad, out _, out e)) c.Count(e);
                PtpMessage.TryRead(signaling, out var s, out _);
                foreach (var tlv in s.Tlvs) sum += tlv.Length;
            }
        }
        Run(); // warm up (JIT, static tables)
        long before = GC.GetAllocatedBytesForCurrentThread();
        Run();
        long after = GC.GetAllocatedBytesForCurrentThread();
        Assert.Equal(0, after - before);
        Assert.Equal(2000UL, c[ParseError.BodyTooShort]);
        Assert.True(sum > 0);
    }
}
