using System.Net.Sockets;
using Ptp4Net.Host.Daemon;

namespace Ptp4Net.Tests.Daemon;

/// <summary>The management socket plumbing on its own (no root): bind, receive with the sender's address, reply to
/// that address, remove the file on dispose; as pmc uses it.</summary>
public class UdsEndpointTests
{
    [Fact]
    public void Receives_and_replies_to_the_senders_bound_address()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"p4n-uds-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(dir);
        try
        {
            string server = Path.Combine(dir, "ptp4l");
            File.WriteAllText(server, "stale"); // a leftover file is replaced, as ptp4l's uds.c does
            using (var ep = UdsEndpoint.Open(server, readWrite: true, fileMode: 0x1B0))
            {
                using var client = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
                client.Bind(new UnixDomainSocketEndPoint(Path.Combine(dir, "pmc.1")));
                client.ReceiveTimeout = 2000;
                client.SendTo(new byte[] { 1, 2, 3 }, new UnixDomainSocketEndPoint(server));

                var buf = new byte[64];
                int n = 0, slot = -1;
                for (int i = 0; i < 100 && n == 0; i++)
                {
                    n = ep.Receive(buf, out slot);
                    if (n == 0) Thread.Sleep(10);
                }
                Assert.Equal(3, n);
                Assert.Equal(new byte[] { 1, 2, 3 }, buf[..3]);
                Assert.True(ep.Reply(slot, new byte[] { 9, 8 }));
                var got = new byte[16];
                Assert.Equal(2, client.Receive(got));
                Assert.Equal(new byte[] { 9, 8 }, got[..2]);
                Assert.False(ep.Reply(slot + 1, new byte[] { 1 })); // nobody there
                Assert.True(ep.ReadWrite);
                // A second daemon must not steal the path of a running one.
                var busy = Assert.Throws<DaemonStartupException>(() => UdsEndpoint.Open(server, readWrite: true, fileMode: 0x1B0));
                Assert.Contains("in use by another running daemon", busy.Message, StringComparison.Ordinal);
                // ...and the running one still serves it.
                client.SendTo(new byte[] { 7 }, new UnixDomainSocketEndPoint(server));
                n = 0;
                for (int i = 0; i < 100 && n == 0; i++)
                {
                    n = ep.Receive(buf, out _);
                    if (n == 0) Thread.Sleep(10);
                }
                Assert.Equal(1, n);
                Assert.Equal(7, buf[0]);
            }
            Assert.False(File.Exists(server));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Too_long_or_missing_directory_is_a_clear_start_up_error()
    {
        var e = Assert.Throws<DaemonStartupException>(() => UdsEndpoint.Open("/tmp/" + new string('x', 120), true, 0x1B0));
        Assert.Contains("longer than", e.Message, StringComparison.Ordinal);
        var e2 = Assert.Throws<DaemonStartupException>(() => UdsEndpoint.Open($"/tmp/p4n-nodir-{Guid.NewGuid():N}/ptp4l", true, 0x1B0));
        Assert.Contains("No such file or directory", e2.Message, StringComparison.Ordinal);
    }
}
