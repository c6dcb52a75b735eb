using Ptp4Net.Identity;
using Ptp4Net.Messages;

namespace Ptp4Net.Host.Pmc;

/// <summary>
/// Builds pmc's management requests (pmc_common.c pmc_message): MANAGEMENT with transportSpecific, domain,
/// controlField 4 (13.3.2.13), logMessageInterval 0x7F, the client's sourcePortIdentity, a sequenceId that counts
/// up from 0, the target (all ports of all clocks unless TARGET changed it), startingBoundaryHops = boundaryHops =
/// -b, and one MANAGEMENT TLV. A GET carries pmc's zero-filled dataField of the id's size unless -z.
/// </summary>
public sealed class PmcMessageBuilder
{
    private const byte ControlManagement = 4;
    private const sbyte LogIntervalUnused = 0x7F;

    public PmcMessageBuilder(PortIdentity source, byte domainNumber, byte transportSpecific, byte boundaryHops, bool zeroLengthGets)
    {
        Source = source;
        DomainNumber = domainNumber;
        TransportSpecific = transportSpecific;
        BoundaryHops = boundaryHops;
        ZeroLengthGets = zeroLengthGets;
    }

    public PortIdentity Source { get; }
    public byte DomainNumber { get; }
    public byte TransportSpecific { get; }
    public byte BoundaryHops { get; }
    public bool ZeroLengthGets { get; }
    /// <summary>targetPortIdentity of the next requests (pmc's TARGET command).</summary>
    public PortIdentity Target { get; set; } = PortIdentity.Wildcard;
    /// <summary>sequenceId of the next request.</summary>
    public ushort NextSequenceId { get; private set; }

    /// <summary>A GET of <paramref name="id"/>; returns the message length.</summary>
    public int BuildGet(Span<byte> destination, ManagementId id)
    {
        int n = Start(destination, ManagementAction.Get);
        int len = ZeroLengthGets ? 0 : PmcIdTable.GetDataLength(id);
        Span<byte> zeros = stackalloc byte[len];
        zeros.Clear();
        return PtpMessageWriter.AppendManagementTlv(destination, n, id, zeros);
    }

    /// <summary>A SET of <paramref name="id"/> with its dataField; returns the message length.</summary>
    public int BuildSet(Span<byte> destination, ManagementId id, ReadOnlySpan<byte> data)
    {
        int n = Start(destination, ManagementAction.Set);
        return PtpMessageWriter.AppendManagementTlv(destination, n, id, data);
    }

    private int Start(Span<byte> destination, ManagementAction action)
    {
        var header = new PtpHeader
        {
            MessageType = MessageType.Management,
            MajorSdoId = TransportSpecific,
            DomainNumber = DomainNumber,
            SourcePortIdentity = Source,
            SequenceId = NextSequenceId,
            ControlField = ControlManagement,
            LogMessageInterval = LogIntervalUnused,
        };
        NextSequenceId = unchecked((ushort)(NextSequenceId + 1));
        return PtpMessageWriter.WriteManagement(destination, header, new ManagementBody(Target, BoundaryHops, BoundaryHops, action));
    }
}
