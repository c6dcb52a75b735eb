using Ptp4Net.Host.Daemon;
using Ptp4Net.Host.Pmc;
using Ptp4Net.Identity;
using Ptp4Net.Messages;

namespace Ptp4Net.Tests.Pmc;

/// <summary>
/// The pmc session over a real Unix datagram socket (no root needed): a stand-in server bound with the daemon's
/// <see cref="UdsEndpoint"/> answers each GET with a RESPONSE carrying the request's sequenceId, and the session
/// prints exactly pmc's lines in order; a server that never answers costs only the quiet time.
/// </summary>
public class PmcUdsSessionTests
{
    private static string TempDir()
    {
        var d = Path.Combine(Path.GetTempPath(), $"p4n-pmc-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(d);
        return d;
    }

    [Fact]
    public void Requests_reach_the_server_and_replies_are_printed()
    {
        string dir = TempDir();
        try
        {
            using var server = UdsEndpoint.Open(Path.Combine(dir, "ptp4l"), readWrite: true, fileMode: 0x1B0);
            var gm = new PortIdentity(new ClockIdentity(0x0011_22ff_fe33_4455), 0);
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var received = new List<(ManagementAction, ManagementId, ushort)>();
            Exception? serverError = null;
            var serverThread = new Thread(() =>
            {
                try
                {
                    var rx = new byte[1500];
                    var tx = new byte[1500];
                    while (!stop.IsCancellationRequested && received.Count < 2)
                    {
                        int n = server.Receive(rx, out int slot);
                        if (n == 0) { Thread.Sleep(2); continue; }
                        Assert.True(PtpMessage.TryRead(rx.AsSpan(0, n), out var req, out _));
                        Assert.True(req.TryGetFirstTlv(out var tlv));
                        Assert.True(ManagementTlv.TryRead(tlv, out var mt, out _));
                        lock (received) received.Add((req.Management.Action, mt.Id, req.Header.SequenceId));
                        int m = PtpMessageWriter.WriteManagement(tx, new PtpHeader { SourcePortIdentity = gm, SequenceId = req.Header.SequenceId, ControlField = 4 },
                            new ManagementBody(req.Header.SourcePortIdentity, 0, 0, ManagementAction.Response));
                        m = mt.Id == ManagementId.Priority1
                            ? PtpMessageWriter.AppendManagementTlv(tx, m, new ManagementDatum(ManagementId.Priority1, mt.Data[0]))
                            : PtpMessageWriter.AppendManagementTlv(tx, m, new ManagementCurrentDataSet(1, default, default));
                        Assert.True(server.Reply(slot, tx.AsSpan(0, m)));
                    }
                }
                catch (Exception e)
                {
                    serverError = e;
                }
            });
            serverThread.Start();

            var stdout = new StringWriter();
            var stderr = new StringWriter();
            using (var channel = PmcUdsChannel.Open(Path.Combine(dir, "pmc.1"), server.Path))
            {
                var b = new PmcMessageBuilder(new PortIdentity(ClockIdentity.Zero, 1), 0, 0, 0, false);
                var session = new PmcSession(channel, b, stdout, stderr) { QuietMs = 2000 };
                session.Run(["GET CURRENT_DATA_SET", "SET PRIORITY1 77", "GET NOTHING"]);
                Assert.Equal(2, session.RepliesShown);
            }
            Assert.True(serverThread.Join(TimeSpan.FromSeconds(10)));
            Assert.Null(serverError);
            Assert.Equal([(ManagementAction.Get, ManagementId.CurrentDataSet, (ushort)0), (ManagementAction.Set, ManagementId.Priority1, (ushort)1)], received);
            var text = stdout.ToString().ReplaceLineEndings("\n");
            Assert.Contains("sending: GET CURRENT_DATA_SET\n", text);
            Assert.Contains("\t001122.fffe.334455-0 seq 0 RESPONSE MANAGEMENT CURRENT_DATA_SET \n\t\tstepsRemoved     1\n", text);
            Assert.Contains("\t001122.fffe.334455-0 seq 1 RESPONSE MANAGEMENT PRIORITY1 \n\t\tpriority1 77\n", text);
            Assert.Equal("bad command: GET NOTHING\n", stderr.ToString().ReplaceLineEndings("\n"));
            Assert.False(File.Exists(Path.Combine(dir, "pmc.1")), "the client removes its socket file");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Silent_server_costs_only_the_quiet_time()
    {
        string dir = TempDir();
        try
        {
            using var server = UdsEndpoint.Open(Path.Combine(dir, "ptp4l"), readWrite: true, fileMode: 0x1B0);
            using var channel = PmcUdsChannel.Open(Path.Combine(dir, "pmc.2"), server.Path);
            var stdout = new StringWriter();
            var session = new PmcSession(channel, new PmcMessageBuilder(default, 0, 0, 0, false), stdout, TextWriter.Null) { QuietMs = 150 };
            var sw = System.Diagnostics.Stopwatch.StartNew();
            session.Run(["GET DEFAULT_DATA_SET"]);
            Assert.InRange(sw.ElapsedMilliseconds, 140, 3000);
            Assert.Equal("sending: GET DEFAULT_DATA_SET\n", stdout.ToString().ReplaceLineEndings("\n"));
            Assert.True(server.Receive(new byte[1500], out _) > 0, "the request reached the server's socket");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Missing_server_is_reported_not_thrown()
    {
        string dir = TempDir();
        try
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int rc = Ptp4Net.Host.PmcCommand.Run(["-u", "-i", Path.Combine(dir, "pmc.3"), "-s", Path.Combine(dir, "nobody"), "GET DOMAIN"],
                stdout, stderr, TextReader.Null);
            Assert.Equal(0, rc); // pmc, too, exits 0 after a failed send
            Assert.Contains("sending: GET DOMAIN", stdout.ToString());
            Assert.Contains("failed to send message", stderr.ToString());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Usage_and_bad_option_exit_codes()
    {
        var err = new StringWriter();
        Assert.Equal(0, Ptp4Net.Host.PmcCommand.Run(["-h"], TextWriter.Null, err, TextReader.Null));
        Assert.Contains("usage: pmc [options] [commands]", err.ToString());
        err = new StringWriter();
        Assert.Equal(255, Ptp4Net.Host.PmcCommand.Run(["-q"], TextWriter.Null, err, TextReader.Null));
        Assert.Contains("pmc: invalid option -- 'q'", err.ToString());
    }
}
