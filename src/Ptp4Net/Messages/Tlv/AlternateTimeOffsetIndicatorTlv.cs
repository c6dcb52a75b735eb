using System.Buffers.Binary;

namespace Ptp4Net.Messages;

/// <summary>
/// ALTERNATE_TIME_OFFSET_INDICATOR TLV (IEEE 1588-2019 16.3.3, Table 116): keyField (1), currentOffset (4, s),
/// jumpSeconds (4, s), timeOfNextJump (6, UInteger48 s), displayName (PTPText), padded to even length.
/// </summary>
public readonly ref struct AlternateTimeOffsetIndicatorTlv : ITlvValue
{
    /// <summary>15 fixed octets plus the PTPText length octet.</summary>
    public const int MinimumValueLength = 16;

    public AlternateTimeOffsetIndicatorTlv(byte keyField, int currentOffset, int jumpSeconds, ulong timeOfNextJump, ReadOnlySpan<byte> displayName)
    {
        KeyField = keyField;
        CurrentOffset = currentOffset;
        JumpSeconds = jumpSeconds;
        TimeOfNextJump = timeOfNextJump & 0xFFFF_FFFF_FFFF;
        DisplayName = displayName;
    }

    public byte KeyField { get; }
    public int CurrentOffset { get; }
    public int JumpSeconds { get; }
    public ulong TimeOfNextJump { get; }
    public ReadOnlySpan<byte> DisplayName { get; }

    public TlvType Type => TlvType.AlternateTimeOffsetIndicator;
    public int ValueLength => (15 + 1 + DisplayName.Length + 1) & ~1;

    public static bool TryRead(Tlv tlv, out AlternateTimeOffsetIndicatorTlv value, out ParseError error)
    {
        value = default;
        if (tlv.Type != TlvType.AlternateTimeOffsetIndicator) { error = ParseError.TlvTypeMismatch; return false; }
        var v = tlv.Value;
        if (v.Length < MinimumValueLength) { error = ParseError.TlvLengthInvalid; return false; }
        if (!PtpText.TryRead(v[15..], out var name)) { error = ParseError.TlvValueInvalid; return false; }
        ulong next = ((ulong)BinaryPrimitives.ReadUInt16BigEndian(v[9..]) << 32) | BinaryPrimitives.ReadUInt32BigEndian(v[11..]);
        value = new AlternateTimeOffsetIndicatorTlv(v[0], BinaryPrimitives.ReadInt32BigEndian(v[1..]),
            BinaryPrimitives.ReadInt32BigEndian(v[5..]), next, name);
        error = ParseError.None;
        return true;
    }

    public void WriteValue(Span<byte> d)
    {
        d[0] = KeyField;
        BinaryPrimitives.WriteInt32BigEndian(d[1..], CurrentOffset);
        BinaryPrimitives.WriteInt32BigEndian(d[5..], JumpSeconds);
        BinaryPrimitives.WriteUInt16BigEndian(d[9..], (ushort)(TimeOfNextJump >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(d[11..], (uint)TimeOfNextJump);
        int n = 15 + PtpText.Write(d[15..], DisplayName);
        if (n < d.Length) d[n] = 0;
    }
}
