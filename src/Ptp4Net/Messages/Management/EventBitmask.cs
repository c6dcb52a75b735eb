using System.Runtime.CompilerServices;

namespace Ptp4Net.Messages;

/// <summary>
/// The 64-octet event bitmask of SUBSCRIBE_EVENTS_NP (linuxptp EVENT_BITMASK_CNT): event e is bit e % 8 of
/// octet e / 8. linuxptp's events: 0 NOTIFY_PORT_STATE, 1 NOTIFY_TIME_SYNC, 2 NOTIFY_PARENT_DATA_SET, 3 NOTIFY_CMLDS.
/// </summary>
[InlineArray(64)]
public struct EventBitmask
{
    private byte _element0;

    public readonly bool IsSet(int eventId) =>
        (uint)eventId < 512 && (this[eventId >> 3] & (1 << (eventId & 7))) != 0;

    public void Set(int eventId, bool on = true)
    {
        if ((uint)eventId >= 512) throw new ArgumentOutOfRangeException(nameof(eventId));
        if (on) this[eventId >> 3] |= (byte)(1 << (eventId & 7));
        else this[eventId >> 3] &= (byte)~(1 << (eventId & 7));
    }
}
