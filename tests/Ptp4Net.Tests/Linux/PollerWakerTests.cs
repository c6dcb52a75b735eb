using System.Diagnostics;
using Ptp4Net.Phc;
using Ptp4Net.Phc.Events;
using Ptp4Net.Phc.Management;

namespace Ptp4Net.Tests.Linux;

/// <summary>The run loop's poll set and its eventfd wake-up (no root needed).</summary>
[Trait("Category", "Linux")]
public class PollerWakerTests
{
    [Fact]
    public void A_wake_from_another_thread_ends_the_wait_and_drain_resets_it()
    {
        using var waker = new Waker();
        using var idle = UnixDatagramSocket.CreateUnbound();
        var poller = new Poller(2);
        Assert.Equal(0, poller.Add(waker.Handle));
        Assert.Equal(1, poller.Add(idle.Handle));

        Assert.Equal(Errno.None, poller.Wait(0, out int ready));
        Assert.Equal(0, ready);

        var sw = Stopwatch.StartNew();
        using var wake = Task.Run(() => { Thread.Sleep(50); waker.Wake(); });
        Assert.Equal(Errno.None, poller.Wait(10_000, out ready));
        Assert.True(sw.ElapsedMilliseconds < 5_000);
        Assert.Equal(1, ready);
        Assert.Equal(PollEvents.Readable, poller.Ready(0));
        Assert.Equal(PollEvents.None, poller.Ready(1));

        waker.Drain();
        Assert.Equal(Errno.None, poller.Wait(0, out ready));
        Assert.Equal(0, ready);
        Assert.Throws<InvalidOperationException>(() => poller.Add(waker.Handle));
    }

    [Fact]
    public void Wake_after_dispose_is_harmless()
    {
        var waker = new Waker();
        waker.Dispose();
        waker.Wake();
        Assert.True(waker.Handle.IsClosed);
    }
}
