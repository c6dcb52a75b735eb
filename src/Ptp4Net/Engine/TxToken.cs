using System.Globalization;

namespace Ptp4Net.Engine;

/// <summary>
/// Pairs a sent event message with its transmit timestamp. The engine issues one with every
/// <see cref="ActionKind.SendEvent"/> that needs a TX timestamp; the host hands it back exactly once through
/// <see cref="PtpClockEngine.OnTxTimestamp"/> (or <see cref="PtpClockEngine.OnTxTimestampLost"/>). A token the engine
/// does not know, or one already used, is rejected and counted (<see cref="EngineCounters.UnknownTxTokens"/>).
/// <c>default</c> is "no token" (<see cref="IsValid"/> false).
/// </summary>
public readonly struct TxToken : IEquatable<TxToken>
{
    internal TxToken(uint value) => Value = value;

    /// <summary>Opaque; 0 means none. Hosts may use it as a dictionary key.</summary>
    public uint Value { get; }
    public bool IsValid => Value != 0;

    public bool Equals(TxToken other) => Value == other.Value;
    public override bool Equals(object? obj) => obj is TxToken t && Equals(t);
    public override int GetHashCode() => (int)Value;
    public static bool operator ==(TxToken a, TxToken b) => a.Value == b.Value;
    public static bool operator !=(TxToken a, TxToken b) => a.Value != b.Value;
    public override string ToString() => "tx#" + Value.ToString(CultureInfo.InvariantCulture);
}
