using Ptp4Net.Identity;
using Ptp4Net.Messages;

namespace Ptp4Net.Management;

/// <summary>
/// Builds management replies the way linuxptp does (clock.c clock_management_fill_response, port.c
/// port_management_fill_response / port_management_send_error), so that linuxptp's pmc reads them:
/// sequenceId copied, targetPortIdentity = the requester, startingBoundaryHops = request's starting − boundary
/// hops, boundaryHops the same, actionField RESPONSE (ACKNOWLEDGE for a COMMAND), logMessageInterval 0x7F.
/// </summary>
public static class ManagementReply
{
    /// <summary>Header and body of a management message: 48 octets.</summary>
    public const int HeaderAndBodyLength = PtpHeader.Length + ManagementBody.Length;

    /// <summary>Writes header and management body of the reply to (<paramref name="request"/>,
    /// <paramref name="requestBody"/>) sent from <paramref name="source"/>; returns its length. Append one TLV next.</summary>
    public static int WriteStart(Span<byte> destination, in PtpHeader request, in ManagementBody requestBody,
        PortIdentity source, byte domainNumber)
    {
        var action = requestBody.Action == ManagementAction.Command ? ManagementAction.Acknowledge : ManagementAction.Response;
        byte hops = (byte)(requestBody.StartingBoundaryHops - requestBody.BoundaryHops);
        var header = new PtpHeader
        {
            MajorSdoId = request.MajorSdoId,
            MinorVersionPtp = request.MinorVersionPtp,
            DomainNumber = domainNumber,
            SourcePortIdentity = source,
            SequenceId = request.SequenceId,
            ControlField = PtpHeader.ControlFieldFor(MessageType.Management),
            LogMessageInterval = 0x7F,
        };
        return PtpMessageWriter.WriteManagement(destination, header,
            new ManagementBody(request.SourcePortIdentity, hops, hops, action));
    }

    /// <summary>Appends MANAGEMENT_ERROR_STATUS (15.5.4) for <paramref name="id"/>.</summary>
    public static int AppendError(Span<byte> message, int length, ManagementErrorId error, ManagementId id) =>
        PtpMessageWriter.AppendTlv(message, length, new ManagementErrorStatusTlv(error, id));

    /// <summary>The management ids answered per port (a wildcard target gets one reply from each port).</summary>
    public static bool IsPortLevel(ManagementId id) => id is ManagementId.PortDataSet or ManagementId.PortDataSetNp
        or ManagementId.PortPropertiesNp or ManagementId.PortStatsNp or ManagementId.LogAnnounceInterval
        or ManagementId.AnnounceReceiptTimeout or ManagementId.LogSyncInterval or ManagementId.VersionNumber
        or ManagementId.DelayMechanism or ManagementId.LogMinPdelayReqInterval or ManagementId.EnablePort
        or ManagementId.DisablePort or ManagementId.MasterOnly or ManagementId.PortServiceStatsNp
        or ManagementId.PortHwclockNp or ManagementId.UnicastMasterTableNp or ManagementId.PortCorrectionsNp;
}
