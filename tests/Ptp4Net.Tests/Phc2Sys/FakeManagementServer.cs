using System.Net;
using System.Net.Sockets;
using Ptp4Net.Identity;
using Ptp4Net.Messages;

namespace Ptp4Net.Tests.Phc2Sys;

/// <summary>
/// A stand-in for ptp4l's management socket on a temporary Unix datagram path: answers GET TIME_PROPERTIES_DATA_SET and
/// PORT_DATA_SET with a RESPONSE built by the codec, and MANAGEMENT_ERROR_STATUS (NOT_SUPPORTED) otherwise. Bounded:
/// it stops when disposed, and never runs longer than a minute.
/// </summary>
internal sealed class FakeManagementServer : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly Thread _thread;
    private volatile bool _stop;

    public FakeManagementServer(ManagementTimePropertiesDataSet timeProperties, byte portState = 9)
    {
        Directory.CreateDirectory(Dir);
        Path = System.IO.Path.Combine(Dir, "ptp4l");
        TimeProperties = timeProperties;
        PortState = portState;
        _socket.Bind(new UnixDomainSocketEndPoint(Path));
        _thread = new Thread(Serve) { IsBackground = true, Name = "fake ptp4l uds" };
        _thread.Start();
    }

    public string Dir { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"ptp4net-phc2sys-test-{Guid.NewGuid():N}");
    public string Path { get; }
    public ManagementTimePropertiesDataSet TimeProperties { get; set; }
    public byte PortState { get; set; }
    public int Requests { get; private set; }
    public ManagementId LastId { get; private set; }
    public byte LastDomain { get; private set; }

    private void Serve()
    {
        var rx = new byte[1500];
        var tx = new byte[1500];
        long end = Environment.TickCount64 + 60_000;
        while (!_stop && Environment.TickCount64 < end)
        {
            try
            {
                if (!_socket.Poll(TimeSpan.FromMilliseconds(50), SelectMode.SelectRead))
                    continue;
                EndPoint from = new UnixDomainSocketEndPoint("/");
                int n = _socket.ReceiveFrom(rx, ref from);
                int len = Answer(rx.AsSpan(0, n), tx, from);
                if (len > 0)
                    _socket.SendTo(tx.AsSpan(0, len), SocketFlags.None, from);
            }
            catch (SocketException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
        }
    }

    private int Answer(ReadOnlySpan<byte> request, Span<byte> tx, EndPoint from)
    {
        if (!PtpMessage.TryRead(request, out var msg, out _) || msg.MessageType != MessageType.Management
            || msg.Management.Action != ManagementAction.Get || !msg.TryGetFirstTlv(out var tlv)
            || !ManagementTlv.TryRead(tlv, out var mt, out _))
            return 0;
        Requests++;
        LastId = mt.Id;
        LastDomain = msg.Header.DomainNumber;
        var header = msg.Header with { SourcePortIdentity = new PortIdentity(new ClockIdentity(0x0011_22ff_fe33_4455), 0) };
        var body = new ManagementBody(msg.Header.SourcePortIdentity, 0, 0, ManagementAction.Response);
        int len = PtpMessageWriter.WriteManagement(tx, header, body);
        switch (mt.Id)
        {
            case ManagementId.TimePropertiesDataSet:
                return PtpMessageWriter.AppendManagementTlv(tx, len, TimeProperties);
            case ManagementId.PortDataSet:
                // A LISTENING port first, then the one that is synchronised: the client must skip the first.
                int l2 = PtpMessageWriter.AppendManagementTlv(tx, len, new ManagementPortDataSet { PortIdentity = new PortIdentity(new ClockIdentity(1), 1), PortState = 3 });
                _socket.SendTo(tx[..l2], SocketFlags.None, from);
                return PtpMessageWriter.AppendManagementTlv(tx, len, new ManagementPortDataSet { PortIdentity = new PortIdentity(new ClockIdentity(1), 2), PortState = PortState });
            default:
                return PtpMessageWriter.AppendTlv(tx, len, new ManagementErrorStatusTlv(ManagementErrorId.NotSupported, mt.Id));
        }
    }

    public void Dispose()
    {
        _stop = true;
        _thread.Join(2_000);
        _socket.Dispose();
        try
        {
            Directory.Delete(Dir, true);
        }
        catch (IOException)
        {
        }
    }
}
