using System.Buffers.Binary;

namespace Ptp4Net.Messages;

/// <summary>
/// One TLV seen in place (IEEE 1588-2019 14.1, Table 51): tlvType (2), lengthField (2), valueField (lengthField
/// octets). Nothing is copied; typed readers (e.g. <see cref="ManagementTlv.TryRead"/>) decode the value.
/// </summary>
public readonly ref struct Tlv
{
    public const int HeaderLength = 4;

    public Tlv(TlvType type, ReadOnlySpan<byte> value, ReadOnlySpan<byte> raw)
    {
        Type = type;
        Value = value;
        Raw = raw;
    }

    public TlvType Type { get; }
    /// <summary>valueField: lengthField octets after the 4-octet TLV header.</summary>
    public ReadOnlySpan<byte> Value { get; }
    /// <summary>The whole TLV including tlvType and lengthField, for writing back unchanged.</summary>
    public ReadOnlySpan<byte> Raw { get; }
    public int Length => Value.Length;

    /// <summary>Reads the TLV at the start of <paramref name="source"/>; false if it does not fit.</summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out Tlv tlv)
    {
        if (source.Length < HeaderLength)
        {
            tlv = default;
            return false;
        }
        int length = BinaryPrimitives.ReadUInt16BigEndian(source[2..]);
        if (length > source.Length - HeaderLength)
        {
            tlv = default;
            return false;
        }
        tlv = new Tlv((TlvType)BinaryPrimitives.ReadUInt16BigEndian(source), source.Slice(HeaderLength, length),
            source[..(HeaderLength + length)]);
        return true;
    }
}
