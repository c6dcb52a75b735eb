using Ptp4Net.Messages;

namespace Ptp4Net.Tests.Messages;

public class PtpNamesTests
{
    [Theory]
    [InlineData(MessageType.Sync, "Sync")]
    [InlineData(MessageType.DelayReq, "Delay_Req")]
    [InlineData(MessageType.PdelayReq, "Pdelay_Req")]
    [InlineData(MessageType.PdelayResp, "Pdelay_Resp")]
    [InlineData(MessageType.FollowUp, "Follow_Up")]
    [InlineData(MessageType.DelayResp, "Delay_Resp")]
    [InlineData(MessageType.PdelayRespFollowUp, "Pdelay_Resp_Follow_Up")]
    [InlineData(MessageType.Announce, "Announce")]
    [InlineData(MessageType.Signaling, "Signaling")]
    [InlineData(MessageType.Management, "Management")]
    [InlineData((MessageType)5, "Reserved(5)")]
    public void MessageTypeNamesAreTheStandards(MessageType t, string name) => Assert.Equal(name, PtpNames.MessageTypeName(t));

    // Spellings and values from linuxptp tlv.h / pmc_common.c idtab.
    [Theory]
    [InlineData(0x0000, "NULL_MANAGEMENT")]
    [InlineData(0x0001, "CLOCK_DESCRIPTION")]
    [InlineData(0x0002, "USER_DESCRIPTION")]
    [InlineData(0x0003, "SAVE_IN_NON_VOLATILE_STORAGE")]
    [InlineData(0x2000, "DEFAULT_DATA_SET")]
    [InlineData(0x2001, "CURRENT_DATA_SET")]
    [InlineData(0x2002, "PARENT_DATA_SET")]
    [InlineData(0x2003, "TIME_PROPERTIES_DATA_SET")]
    [InlineData(0x2004, "PORT_DATA_SET")]
    [InlineData(0x2005, "PRIORITY1")]
    [InlineData(0x2006, "PRIORITY2")]
    [InlineData(0x2007, "DOMAIN")]
    [InlineData(0x2008, "SLAVE_ONLY")]
    [InlineData(0x2009, "LOG_ANNOUNCE_INTERVAL")]
    [InlineData(0x200A, "ANNOUNCE_RECEIPT_TIMEOUT")]
    [InlineData(0x200B, "LOG_SYNC_INTERVAL")]
    [InlineData(0x200C, "VERSION_NUMBER")]
    [InlineData(0x200F, "TIME")]
    [InlineData(0x2010, "CLOCK_ACCURACY")]
    [InlineData(0x2011, "UTC_PROPERTIES")]
    [InlineData(0x2012, "TRACEABILITY_PROPERTIES")]
    [InlineData(0x2013, "TIMESCALE_PROPERTIES")]
    [InlineData(0x3001, "MASTER_ONLY")]
    [InlineData(0x3003, "EXT_PORT_CONFIG_PORT_DATA_SET")]
    [InlineData(0x4000, "TRANSPARENT_CLOCK_DEFAULT_DATA_SET")]
    [InlineData(0x6000, "DELAY_MECHANISM")]
    [InlineData(0x6001, "LOG_MIN_PDELAY_REQ_INTERVAL")]
    [InlineData(0xC000, "TIME_STATUS_NP")]
    [InlineData(0xC001, "GRANDMASTER_SETTINGS_NP")]
    [InlineData(0xC002, "PORT_DATA_SET_NP")]
    [InlineData(0xC003, "SUBSCRIBE_EVENTS_NP")]
    [InlineData(0xC004, "PORT_PROPERTIES_NP")]
    [InlineData(0xC005, "PORT_STATS_NP")]
    [InlineData(0xC006, "SYNCHRONIZATION_UNCERTAIN_NP")]
    [InlineData(0xC007, "PORT_SERVICE_STATS_NP")]
    [InlineData(0xC008, "UNICAST_MASTER_TABLE_NP")]
    [InlineData(0xC009, "PORT_HWCLOCK_NP")]
    [InlineData(0xC00A, "POWER_PROFILE_SETTINGS_NP")]
    [InlineData(0xC00B, "CMLDS_INFO_NP")]
    [InlineData(0xC00C, "PORT_CORRECTIONS_NP")]
    [InlineData(0xC00D, "EXTERNAL_GRANDMASTER_PROPERTIES_NP")]
    public void ManagementIdNamesAreLinuxptps(int id, string name)
    {
        Assert.Equal(name, PtpNames.ManagementIdName((ManagementId)id));
        Assert.True(PtpNames.TryParseManagementId(name, out var back));
        Assert.Equal((ManagementId)id, back);
        Assert.True(PtpNames.TryParseManagementId(name.ToLowerInvariant(), out back));
        Assert.Equal((ManagementId)id, back);
    }

    [Fact]
    public void UnknownIdsPrintAsHex()
    {
        Assert.Equal("0x7777", PtpNames.ManagementIdName((ManagementId)0x7777));
        Assert.Equal("0x7EEE", PtpNames.TlvTypeName((TlvType)0x7EEE));
        Assert.False(PtpNames.TryParseManagementId("NO_SUCH_THING", out _));
    }

    [Fact]
    public void PrefixesResolveLikePmc()
    {
        Assert.True(PtpNames.TryParseManagementIdPrefix("CURRENT", out var id, out _));
        Assert.Equal(ManagementId.CurrentDataSet, id);
        Assert.True(PtpNames.TryParseManagementIdPrefix("time_status", out id, out _));
        Assert.Equal(ManagementId.TimeStatusNp, id);
        // An exact name wins over longer names it prefixes.
        Assert.True(PtpNames.TryParseManagementIdPrefix("PORT_DATA_SET", out id, out _));
        Assert.Equal(ManagementId.PortDataSet, id);
        Assert.False(PtpNames.TryParseManagementIdPrefix("PRIORITY", out _, out var ambiguous));
        Assert.True(ambiguous);
        Assert.False(PtpNames.TryParseManagementIdPrefix("XYZ", out _, out ambiguous));
        Assert.False(ambiguous);
    }

    [Theory]
    [InlineData(TlvType.Management, "MANAGEMENT")]
    [InlineData(TlvType.ManagementErrorStatus, "MANAGEMENT_ERROR_STATUS")]
    [InlineData(TlvType.OrganizationExtension, "ORGANIZATION_EXTENSION")]
    [InlineData(TlvType.RequestUnicastTransmission, "REQUEST_UNICAST_TRANSMISSION")]
    [InlineData(TlvType.GrantUnicastTransmission, "GRANT_UNICAST_TRANSMISSION")]
    [InlineData(TlvType.CancelUnicastTransmission, "CANCEL_UNICAST_TRANSMISSION")]
    [InlineData(TlvType.AcknowledgeCancelUnicastTransmission, "ACKNOWLEDGE_CANCEL_UNICAST_TRANSMISSION")]
    [InlineData(TlvType.PathTrace, "PATH_TRACE")]
    [InlineData(TlvType.AlternateTimeOffsetIndicator, "ALTERNATE_TIME_OFFSET_INDICATOR")]
    [InlineData(TlvType.Authentication2008, "AUTHENTICATION_2008")]
    [InlineData(TlvType.PtpMonReq, "PTPMON_REQ")]
    [InlineData(TlvType.L1Sync, "L1_SYNC")]
    [InlineData(TlvType.SlaveDelayTimingDataNp, "SLAVE_DELAY_TIMING_DATA_NP")]
    [InlineData(TlvType.Authentication, "AUTHENTICATION")]
    public void TlvTypeNamesAreLinuxptps(TlvType t, string name) => Assert.Equal(name, PtpNames.TlvTypeName(t));

    [Fact]
    public void ErrorAndActionNames()
    {
        Assert.Equal("NO_SUCH_ID", PtpNames.ManagementErrorName(ManagementErrorId.NoSuchId));
        Assert.Equal("GENERAL_ERROR", PtpNames.ManagementErrorName(ManagementErrorId.GeneralError));
        Assert.Equal("RESPONSE", PtpNames.ManagementActionName(ManagementAction.Response));
        Assert.Equal("ACKNOWLEDGE", PtpNames.ManagementActionName(ManagementAction.Acknowledge));
    }
}
