using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Ptp4Net.Identity;
using Ptp4Net.Messages;
using Ptp4Net.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Ptp4Net.Tests.Messages;

/// <summary>
/// Talks to a real linuxptp ptp4l over its Unix management socket: requests built with our writer, responses
/// parsed with our codec. ptp4l runs on the loopback interface with software timestamping, free_running 1,
/// without CAP_SYS_TIME (setpriv), in domain 93, and is killed at the end. Needs root (ports 319/320) and
/// ptp4l + setpriv; otherwise the test says why and returns.
/// </summary>
[Trait("Category", "Linux")]
public class LinuxptpManagementInteropTests
{
    private const byte Domain = 93;
    private readonly ITestOutputHelper _out;
    public LinuxptpManagementInteropTests(ITestOutputHelper output) => _out = output;

    [Fact]
    public void Ptp4lAnswersOurManagementRequestsAndWeDecodeThem()
    {
        if (Requirements.Unmet(_out, Requirements.RootAnd("ptp4l", "setpriv")))
            return;
        string ptp4l = Requirements.FindTool("ptp4l")!;
        string setpriv = Requirements.FindTool("setpriv")!;

        var dir = Directory.CreateTempSubdirectory("ptp4net-codec-");
        var server = Path.Combine(dir.FullName, "ptp4l");
        var client = Path.Combine(dir.FullName, "client");
        File.WriteAllText(Path.Combine(dir.FullName, "ptp4l.conf"), $"""
            [global]
            domainNumber {Domain}
            free_running 1
            uds_address {server}
            time_stamping software
            logAnnounceInterval -3
            announceReceiptTimeout 2
            logSyncInterval -4
            """.Replace("            ", "", StringComparison.Ordinal));
        var psi = new ProcessStartInfo(setpriv) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "--bounding-set=-sys_time", "--inh-caps=-sys_time", ptp4l, "-f", Path.Combine(dir.FullName, "ptp4l.conf"), "-i", "lo", "-m" })
            psi.ArgumentList.Add(a);
        using var proc = Process.Start(psi)!;
        var log = new StringBuilder();
        proc.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        proc.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        proc.BeginOutputReadLine();
        proc.BeginErrorReadLine();
        try
        {
            using var sock = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
            sock.Bind(new UnixDomainSocketEndPoint(client));
            sock.ReceiveTimeout = 2000;
            var sw = Stopwatch.StartNew();
            while (!File.Exists(server) && sw.Elapsed < TimeSpan.FromSeconds(10) && !proc.HasExited) Thread.Sleep(50);
            Assert.True(File.Exists(server), "ptp4l did not open its management socket:\n" + log);

            ushort seq = 0;
            byte[] rx = new byte[2048];
            int Get(ManagementId id) => Send(id, ManagementAction.Get, static (buf, n) => n);
            int Send(ManagementId id, ManagementAction action, Func<byte[], int, int> appendTlv)
            {
                var tx = new byte[256];
                var header = new PtpHeader
                {
                    DomainNumber = Domain, SourcePortIdentity = new PortIdentity(new ClockIdentity(0x0102030405060708), 1),
                    SequenceId = seq++, ControlField = PtpHeader.ControlFieldFor(MessageType.Management), LogMessageInterval = 0x7F,
                };
                int n = PtpMessageWriter.WriteManagement(tx, header, new ManagementBody(PortIdentity.Wildcard, 0, 0, action));
                int withTlv = appendTlv(tx, n);
                n = withTlv != n ? withTlv : PtpMessageWriter.AppendManagementTlv(tx, n, id, default);
                sock.SendTo(tx.AsSpan(0, n), SocketFlags.None, new UnixDomainSocketEndPoint(server));
                return sock.Receive(rx);
            }
            ManagementTlv Response(int n, ManagementId id)
            {
                Assert.True(PtpMessage.TryRead(rx.AsSpan(0, n), out var m, out var e), $"{id}: {e} {Convert.ToHexString(rx.AsSpan(0, n))}");
                Assert.Equal(MessageType.Management, m.MessageType);
                Assert.Equal(ManagementAction.Response, m.Management.Action);
                Assert.True(m.TryGetFirstTlv(out var tlv));
                Assert.True(ManagementTlv.TryRead(tlv, out var mt, out e), $"{id}: {e}");
                Assert.Equal(id, mt.Id);
                return mt;
            }
            T Typed<T>(ManagementId id) where T : IManagementData<T>
            {
                int n = Get(id);
                var mt = Response(n, id);
                Assert.True(mt.TryGet<T>(out var v, out var e), $"{id}: {e}");
                _out.WriteLine($"{PtpNames.ManagementIdName(id)}: {v}");
                return v;
            }

            // Wait (bounded) until the lone port has become MASTER and has sent some Announce messages.
            ManagementPortDataSet pds;
            sw.Restart();
            do
            {
                pds = Typed<ManagementPortDataSet>(ManagementId.PortDataSet);
                if (pds.PortState == 6) break;
                Thread.Sleep(100);
            } while (sw.Elapsed < TimeSpan.FromSeconds(10));
            Assert.Equal(6, pds.PortState); // MASTER
            Assert.Equal(-3, pds.LogAnnounceInterval);
            Assert.Equal(2, pds.AnnounceReceiptTimeout);
            Assert.Equal(-4, pds.LogSyncInterval);
            Assert.Equal(1, pds.DelayMechanism); // E2E
            Assert.Equal(2, pds.VersionNumber & 0x0F);
            Thread.Sleep(600);

            var dds = Typed<ManagementDefaultDataSet>(ManagementId.DefaultDataSet);
            Assert.Equal(Domain, dds.DomainNumber);
            Assert.Equal(1, dds.NumberPorts);
            Assert.Equal(128, dds.Priority1);
            Assert.Equal(128, dds.Priority2);
            Assert.Equal(248, dds.ClockQuality.ClockClass);
            Assert.True(dds.TwoStepFlag);

            var cur = Typed<ManagementCurrentDataSet>(ManagementId.CurrentDataSet);
            Assert.Equal(0, cur.StepsRemoved);
            var parent = Typed<ManagementParentDataSet>(ManagementId.ParentDataSet);
            Assert.Equal(dds.ClockIdentity, parent.GrandmasterIdentity);
            var tp = Typed<ManagementTimePropertiesDataSet>(ManagementId.TimePropertiesDataSet);
            Assert.Equal(TimeSource.InternalOscillator, tp.TimeSource);
            Assert.Equal(Domain, Typed<ManagementDatum>(ManagementId.Domain).Value);
            Assert.Equal(128, Typed<ManagementDatum>(ManagementId.Priority1).Value);
            Assert.Equal(-4, Typed<ManagementDatum>(ManagementId.LogSyncInterval).SignedValue);
            Assert.Equal(2, Typed<ManagementDatum>(ManagementId.VersionNumber).Value & 0x0F);
            var gm = Typed<GrandmasterSettingsNp>(ManagementId.GrandmasterSettingsNp);
            Assert.Equal(dds.ClockQuality, gm.ClockQuality);
            var ts = Typed<TimeStatusNp>(ManagementId.TimeStatusNp);
            Assert.Equal(dds.ClockIdentity, ts.GmIdentity);
            Typed<PortDataSetNp>(ManagementId.PortDataSetNp);

            // PORT_PROPERTIES_NP: the interface name travels as a PTPText.
            int len = Get(ManagementId.PortPropertiesNp);
            var ppMt = Response(len, ManagementId.PortPropertiesNp);
            Assert.True(ppMt.TryGet<PortPropertiesNp>(out var pp, out _));
            Assert.Equal("lo", Encoding.UTF8.GetString(pp.InterfaceName));
            Assert.Equal(0, pp.Timestamping); // software
            Assert.Equal(6, pp.PortState);

            // CLOCK_DESCRIPTION: the variable layout of Table 61.
            len = Get(ManagementId.ClockDescription);
            var cdMt = Response(len, ManagementId.ClockDescription);
            Assert.True(cdMt.TryGet<ClockDescription>(out var cd, out var cde), cde.ToString());
            Assert.Equal(0x8000, cd.ClockType); // ordinary clock
            Assert.Equal(1, cd.NetworkProtocol); // UDP/IPv4
            Assert.Equal(4, cd.ProtocolAddress.Length);
            _out.WriteLine($"CLOCK_DESCRIPTION: physical '{Encoding.UTF8.GetString(cd.PhysicalLayerProtocol)}' product '{Encoding.UTF8.GetString(cd.ProductDescription)}' revision '{Encoding.UTF8.GetString(cd.RevisionData)}' address {Convert.ToHexString(cd.ProtocolAddress)}");

            // PORT_STATS_NP: little-endian counters. The port has sent a handful of Announce and Sync messages;
            // read big-endian they would be multiples of 2^56.
            var stats = Typed<PortStatsNp>(ManagementId.PortStatsNp);
            var tx = stats.TxMsgType;
            _out.WriteLine($"tx Announce {tx[(int)MessageType.Announce]}, tx Sync {tx[(int)MessageType.Sync]}");
            Assert.InRange(tx[(int)MessageType.Announce], 1UL, 100_000UL);
            Assert.InRange(tx[(int)MessageType.Sync], 1UL, 100_000UL);
            Assert.Equal(pds.PortIdentity, stats.PortIdentity);

            // One-field ids carry the standard's flag bits.
            Assert.Equal(0, Typed<ManagementDatum>(ManagementId.TraceabilityProperties).Value & 0x30);
            Assert.Equal(0, Typed<ManagementDatum>(ManagementId.TimescaleProperties).Value & 0x08); // ARB timescale by default
            Assert.Equal((byte)ClockAccuracy.Unknown, Typed<ManagementDatum>(ManagementId.ClockAccuracy).Value);
            Assert.False(Typed<ManagementDatum>(ManagementId.SlaveOnly).IsSlaveOnly);

            // SET PRIORITY1 100, answered with the new value and kept.
            len = Send(ManagementId.Priority1, ManagementAction.Set,
                static (buf, n) => PtpMessageWriter.AppendManagementTlv(buf, n, new ManagementDatum(ManagementId.Priority1, 100)));
            Assert.True(Response(len, ManagementId.Priority1).TryGet<ManagementDatum>(out var p1, out _));
            Assert.Equal(100, p1.Value);
            Assert.Equal(100, Typed<ManagementDefaultDataSet>(ManagementId.DefaultDataSet).Priority1);

            // SET SUBSCRIBE_EVENTS_NP: ptp4l echoes the subscription.
            len = Send(ManagementId.SubscribeEventsNp, ManagementAction.Set, static (buf, n) =>
            {
                var mask = new EventBitmask();
                mask.Set(0);
                return PtpMessageWriter.AppendManagementTlv(buf, n, new SubscribeEventsNp(30, mask));
            });
            Assert.True(Response(len, ManagementId.SubscribeEventsNp).TryGet<SubscribeEventsNp>(out var sub, out _));
            Assert.Equal(30, sub.Duration);
            Assert.True(sub.Bitmask.IsSet(0));
            Assert.False(sub.Bitmask.IsSet(1));

            // An id ptp4l does not support comes back as MANAGEMENT_ERROR_STATUS.
            len = Get(ManagementId.PathTraceList);
            Assert.True(PtpMessage.TryRead(rx.AsSpan(0, len), out var err, out var pe), pe.ToString());
            Assert.True(err.TryGetFirstTlv(out var errTlv));
            Assert.True(ManagementErrorStatusTlv.TryRead(errTlv, out var status, out pe), pe.ToString());
            Assert.Equal(ManagementId.PathTraceList, status.ManagementId);
            _out.WriteLine($"PATH_TRACE_LIST: {PtpNames.ManagementErrorName(status.ErrorId)}");
        }
        finally
        {
            if (!proc.HasExited) proc.Kill(entireProcessTree: true);
            proc.WaitForExit(5000);
            try { dir.Delete(recursive: true); } catch (IOException) { }
        }
    }
}
