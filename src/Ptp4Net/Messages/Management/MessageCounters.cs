using System.Runtime.CompilerServices;

namespace Ptp4Net.Messages;

/// <summary>Sixteen counters indexed by messageType (linuxptp struct PortStats rxMsgType / txMsgType).</summary>
[InlineArray(16)]
public struct MessageCounters
{
    private ulong _element0;
}
