namespace Ptp4Net.Messages;

/// <summary>A typed TLV that can write itself (see <see cref="PtpMessageWriter.AppendTlv"/>).</summary>
public interface ITlvValue
{
    TlvType Type { get; }
    /// <summary>Octets of valueField; even (14.1.2).</summary>
    int ValueLength { get; }
    /// <summary>Writes valueField (not the 4-octet TLV header) into exactly <see cref="ValueLength"/> octets.</summary>
    void WriteValue(Span<byte> destination);
}
