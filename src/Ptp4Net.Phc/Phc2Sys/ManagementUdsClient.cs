using Ptp4Net.Identity;
using Ptp4Net.Messages;
using Ptp4Net.Phc.Management;

namespace Ptp4Net.Phc.Phc2Sys;

/// <summary>What a management GET over the UDS came back with.</summary>
public enum ManagementQueryStatus
{
    Ok,
    /// <summary>No answer before the deadline (the daemon is not running or not listening there).</summary>
    Timeout,
    /// <summary>The daemon answered with MANAGEMENT_ERROR_STATUS for this id.</summary>
    ErrorStatus,
    /// <summary>The socket failed (no such server path, permission).</summary>
    SocketError,
}

/// <summary>
/// A management client on the daemon's Unix datagram socket, as pmc/phc2sys talk to ptp4l (uds_address, default
/// /var/run/ptp4l): bind a private path, send GET with an empty dataField (pmc's zero-datalen form) to all ports
/// and clocks (wildcard target, boundaryHops 0), take the RESPONSE whose sequenceId and managementId match
/// (IEEE 1588-2019 15.4, 15.5). Messages are built and parsed with the codec (Ptp4Net.Messages). Every wait is bounded.
/// </summary>
public sealed class ManagementUdsClient : IDisposable
{
    public const string DefaultServerPath = "/var/run/ptp4l";
    private const byte ControlFieldManagement = 4;
    private const sbyte LogIntervalUnused = 0x7F;

    private readonly UnixDatagramSocket _socket;
    private readonly byte[] _server;
    private readonly byte _domain;
    private readonly byte _transportSpecific;
    private readonly PortIdentity _self;
    private readonly byte[] _tx = new byte[256];
    private readonly byte[] _rx = new byte[PtpMessageWriter.MaxMessageLength];
    private ushort _sequenceId;

    /// <summary>Binds <paramref name="localPath"/> (removed first if stale, and on dispose). Throws
    /// <see cref="IOException"/> when a path does not fit or the bind fails.</summary>
    public ManagementUdsClient(string serverPath, string localPath, byte domainNumber = 0, byte transportSpecific = 0)
    {
        ServerPath = serverPath;
        _domain = domainNumber;
        _transportSpecific = transportSpecific;
        _self = new PortIdentity(ClockIdentity.Zero, (ushort)Environment.ProcessId);
        try
        {
            _server = UnixDatagramSocket.EncodeAddress(serverPath);
            _socket = UnixDatagramSocket.Bind(localPath, fileMode: null, nonBlocking: false);
        }
        catch (LinuxException e)
        {
            throw new IOException(e.Message, e);
        }
    }

    public string ServerPath { get; }

    /// <summary>A private socket path for this process: /var/run/ptp4net-phc2sys.PID, or the temp directory.</summary>
    public static string DefaultLocalPath()
    {
        string dir = Directory.Exists("/var/run") && IsWritable("/var/run") ? "/var/run" : Path.GetTempPath();
        return Path.Combine(dir, $"ptp4net-phc2sys.{Environment.ProcessId}");
    }

    /// <summary>
    /// GET <paramref name="id"/>; on <see cref="ManagementQueryStatus.Ok"/> the dataField is copied to
    /// <paramref name="data"/> (length in <paramref name="length"/>). <paramref name="accept"/> may reject a response
    /// (e.g. a PORT_DATA_SET of a port we are not waiting for) so that the next one is read, within the same deadline.
    /// </summary>
    public ManagementQueryStatus Get(ManagementId id, TimeSpan timeout, Span<byte> data, out int length, Func<ManagementId, ReadOnlySpan<byte>, bool>? accept = null)
    {
        length = 0;
        ushort seq = ++_sequenceId;
        var header = new PtpHeader
        {
            MessageType = MessageType.Management,
            MajorSdoId = _transportSpecific,
            DomainNumber = _domain,
            SourcePortIdentity = _self,
            SequenceId = seq,
            ControlField = ControlFieldManagement,
            LogMessageInterval = LogIntervalUnused,
        };
        var body = new ManagementBody(PortIdentity.Wildcard, 0, 0, ManagementAction.Get);
        int n = PtpMessageWriter.WriteManagement(_tx, header, body);
        n = PtpMessageWriter.AppendManagementTlv(_tx, n, id, ReadOnlySpan<byte>.Empty);
        if (_socket.SendTo(_tx.AsSpan(0, n), _server, out int sent) != Errno.None || sent != n)
            return ManagementQueryStatus.SocketError;

        long deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        for (int guard = 0; guard < 1000; guard++)
        {
            long left = deadline - Environment.TickCount64;
            if (left <= 0)
                return ManagementQueryStatus.Timeout;
            var e = _socket.Receive(_rx, (int)Math.Min(left, int.MaxValue), out int got);
            if (e == Errno.EAGAIN)
                return ManagementQueryStatus.Timeout;
            if (e != Errno.None)
                return ManagementQueryStatus.SocketError;
            if (!PtpMessage.TryRead(_rx.AsSpan(0, got), out var msg, out _) || msg.MessageType != MessageType.Management)
                continue;
            if (msg.Header.SequenceId != seq || msg.Management.Action != ManagementAction.Response || !msg.TryGetFirstTlv(out var tlv))
                continue;
            if (tlv.Type == TlvType.ManagementErrorStatus)
            {
                if (ManagementErrorStatusTlv.TryRead(tlv, out var err, out _) && err.ManagementId == id)
                    return ManagementQueryStatus.ErrorStatus;
                continue;
            }
            if (!ManagementTlv.TryRead(tlv, out var mt, out _) || mt.Id != id)
                continue;
            if (accept is not null && !accept(id, mt.Data))
                continue;
            length = Math.Min(mt.Data.Length, data.Length);
            mt.Data[..length].CopyTo(data);
            return ManagementQueryStatus.Ok;
        }
        return ManagementQueryStatus.Timeout;
    }

    /// <summary>GET TIME_PROPERTIES_DATA_SET, decoded.</summary>
    public ManagementQueryStatus GetTimeProperties(TimeSpan timeout, out ManagementTimePropertiesDataSet tp)
    {
        tp = default;
        Span<byte> d = stackalloc byte[16];
        var s = Get(ManagementId.TimePropertiesDataSet, timeout, d, out int len);
        if (s == ManagementQueryStatus.Ok && !ManagementTimePropertiesDataSet.TryRead(ManagementId.TimePropertiesDataSet, d[..len], out tp))
            return ManagementQueryStatus.Timeout;
        return s;
    }

    /// <summary>
    /// phc2sys -w: true once a port of the daemon is MASTER or SLAVE (PORT_DATA_SET portState 6 or 9; other ports'
    /// answers are skipped, as linuxptp's run_pmc_wait_sync does).
    /// </summary>
    public ManagementQueryStatus WaitSync(TimeSpan timeout)
    {
        Span<byte> d = stackalloc byte[ManagementPortDataSet.WireSize + 2];
        return Get(ManagementId.PortDataSet, timeout, d, out _, static (_, data) =>
            data.Length >= ManagementPortDataSet.WireSize && data[10] is 6 or 9);
    }

    /// <summary>TIME_PROPERTIES_DATA_SET as phc2sys reads it (pmc_agent_query_utc_offset): the offset and leap flags
    /// count only on the PTP timescale; traceable needs currentUtcOffsetValid and timeTraceable.</summary>
    public static UtcInfo ToUtcInfo(in ManagementTimePropertiesDataSet tp)
    {
        if ((tp.Flags & PtpFlags.PtpTimescale) == 0)
            return new UtcInfo(0, 0, true, false, UtcOrigin.Daemon);
        int leap = (tp.Flags & PtpFlags.Leap61) != 0 ? 1 : (tp.Flags & PtpFlags.Leap59) != 0 ? -1 : 0;
        bool traceable = (tp.Flags & PtpFlags.CurrentUtcOffsetValid) != 0 && (tp.Flags & PtpFlags.TimeTraceable) != 0;
        return new UtcInfo(tp.CurrentUtcOffset, leap, true, traceable, UtcOrigin.Daemon);
    }

    public void Dispose() => _socket.Dispose();

    private static bool IsWritable(string dir)
    {
        try
        {
            string probe = Path.Combine(dir, $".ptp4net-probe.{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
