namespace Ptp4Net.Simulation;

/// <summary>What a <see cref="SimPort"/> delivers received packets to (a simulated node).</summary>
public interface IPacketReceiver
{
    /// <summary>
    /// A packet sent by <paramref name="source"/> arrived at <paramref name="port"/>; its receive timestamp
    /// belongs to true time <paramref name="trueArrivalTime"/> (the current time, or slightly earlier with
    /// <see cref="LinkParameters.AcausalStamps"/>).
    /// </summary>
    void OnPacket(SimPort port, SimPort source, ReadOnlySpan<byte> packet, long trueArrivalTime);
}

/// <summary>
/// The transmit side of a NIC that rewrites a frame on the way out, as one-step hardware does: called once
/// per frame with the true transmission time, before the frame is copied to the receivers.
/// </summary>
public interface ITransmitStamper
{
    void OnTransmit(Span<byte> frame, long trueTxTime);
}
