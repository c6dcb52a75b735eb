namespace Ptp4Net.Messages;

/// <summary>messageType (IEEE 1588-2019 Table 36). Values 4-7 and 14-15 are reserved and rejected on receive.</summary>
public enum MessageType : byte
{
    Sync = 0x0,
    DelayReq = 0x1,
    PdelayReq = 0x2,
    PdelayResp = 0x3,
    FollowUp = 0x8,
    DelayResp = 0x9,
    PdelayRespFollowUp = 0xA,
    Announce = 0xB,
    Signaling = 0xC,
    Management = 0xD,
}
