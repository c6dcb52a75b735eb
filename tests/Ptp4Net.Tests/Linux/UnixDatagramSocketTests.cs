using Ptp4Net.Phc;
using Ptp4Net.Phc.Management;

namespace Ptp4Net.Tests.Linux;

/// <summary>The management Unix socket of the Linux layer on its own (no root needed): a temp directory per test.</summary>
[Trait("Category", "Linux")]
public sealed class UnixDatagramSocketTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"p4n-uds-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);

    public UnixDatagramSocketTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Round_trip_between_two_bound_sockets_replies_to_the_senders_address()
    {
        string serverPath = Path.Combine(_dir, "server");
        string clientPath = Path.Combine(_dir, "client");
        using var server = UnixDatagramSocket.Bind(serverPath);
        using var client = UnixDatagramSocket.Bind(clientPath, nonBlocking: false);
        Assert.Equal(serverPath, server.Path);

        var serverAddress = UnixDatagramSocket.EncodeAddress(serverPath);
        Assert.Equal(Errno.None, client.SendTo([1, 2, 3], serverAddress, out int sent));
        Assert.Equal(3, sent);

        var buf = new byte[64];
        var peer = new byte[UnixDatagramSocket.AddressSize];
        int n = 0, peerLength = 0;
        for (int i = 0; i < 200 && n == 0; i++)
        {
            var e = server.ReceiveFrom(buf, peer, out n, out peerLength);
            if (e == Errno.EAGAIN) Thread.Sleep(5);
            else Assert.Equal(Errno.None, e);
        }
        Assert.Equal(new byte[] { 1, 2, 3 }, buf[..n]);
        // The sender's address is the client's path, so the reply reaches it.
        Assert.True(UnixDatagramSocket.TryEncodeAddress(clientPath, stackalloc byte[UnixDatagramSocket.AddressSize], out int clientLength));
        Assert.Equal(clientLength, peerLength);
        Assert.Equal(Errno.None, server.SendTo([9, 8], peer.AsSpan(0, peerLength), out _));
        Assert.Equal(Errno.None, client.Receive(buf, 2000, out int got));
        Assert.Equal(new byte[] { 9, 8 }, buf[..got]);

        // Nothing more queued: a non-blocking receive says EAGAIN, a bounded wait times out with EAGAIN.
        Assert.Equal(Errno.EAGAIN, server.ReceiveFrom(buf, peer, out _, out _));
        Assert.Equal(Errno.EAGAIN, client.Receive(buf, 20, out _));
    }

    [Fact]
    public void A_path_a_live_socket_serves_is_refused_a_stale_file_is_replaced_and_dispose_removes_the_file()
    {
        string path = Path.Combine(_dir, "ptp4l");
        File.WriteAllText(path, "stale");
        var first = UnixDatagramSocket.Bind(path);
        Assert.True(UnixDatagramSocket.IsServed(path));
        var busy = Assert.Throws<LinuxException>(() => UnixDatagramSocket.Bind(path));
        Assert.Equal(Errno.EADDRINUSE, busy.Errno);
        Assert.Contains(path, busy.Message, StringComparison.Ordinal);
        first.Dispose();
        Assert.False(File.Exists(path));
        Assert.False(UnixDatagramSocket.IsServed(path));
        first.Dispose(); // twice is harmless
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void The_socket_file_gets_the_requested_mode()
    {
        string rw = Path.Combine(_dir, "rw");
        string ro = Path.Combine(_dir, "ro");
        using var a = UnixDatagramSocket.Bind(rw, fileMode: 0x1B0); // 0660, as ptp4l's uds_file_mode
        using var b = UnixDatagramSocket.Bind(ro, fileMode: 0x1B6); // 0666, uds_ro_file_mode
        Assert.Equal((UnixFileMode)0x1B0, File.GetUnixFileMode(rw));
        Assert.Equal((UnixFileMode)0x1B6, File.GetUnixFileMode(ro));
    }

    [Fact]
    public void Bad_paths_are_set_up_errors_and_sending_to_nobody_returns_the_errno()
    {
        var tooLong = Assert.Throws<LinuxException>(() => UnixDatagramSocket.Bind("/tmp/" + new string('x', 120)));
        Assert.Contains("longer than 107 bytes", tooLong.Message, StringComparison.Ordinal);
        var noDir = Assert.Throws<LinuxException>(() => UnixDatagramSocket.Bind(Path.Combine(_dir, "missing", "s")));
        Assert.Equal(Errno.ENOENT, noDir.Errno);
        Assert.Contains("No such file or directory", noDir.Message, StringComparison.Ordinal);

        using var unbound = UnixDatagramSocket.CreateUnbound();
        Assert.Null(unbound.Path);
        var e = unbound.SendTo([1], UnixDatagramSocket.EncodeAddress(Path.Combine(_dir, "nobody")), out int sent);
        Assert.Equal(Errno.ENOENT, e);
        Assert.Equal(0, sent);
    }
}
