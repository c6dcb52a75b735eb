using System.Buffers.Binary;

namespace Ptp4Net.Messages;

/// <summary>
/// MANAGEMENT_ERROR_STATUS TLV (IEEE 1588-2019 15.5.4, Table 108): managementErrorId (2), managementId (2),
/// reserved (4), displayData (PTPText, optional).
/// </summary>
public readonly ref struct ManagementErrorStatusTlv : ITlvValue
{
    public const int MinimumValueLength = 8;

    public ManagementErrorStatusTlv(ManagementErrorId errorId, ManagementId managementId, ReadOnlySpan<byte> displayData = default)
    {
        ErrorId = errorId;
        ManagementId = managementId;
        DisplayData = displayData;
    }

    public ManagementErrorId ErrorId { get; }
    public ManagementId ManagementId { get; }
    /// <summary>UTF-8 text of displayData; empty when absent.</summary>
    public ReadOnlySpan<byte> DisplayData { get; }

    public TlvType Type => TlvType.ManagementErrorStatus;
    public int ValueLength => DisplayData.IsEmpty ? MinimumValueLength : (MinimumValueLength + 1 + DisplayData.Length + 1) & ~1;

    public static bool TryRead(Tlv tlv, out ManagementErrorStatusTlv value, out ParseError error)
    {
        value = default;
        if (tlv.Type != TlvType.ManagementErrorStatus) { error = ParseError.TlvTypeMismatch; return false; }
        var v = tlv.Value;
        if (v.Length < MinimumValueLength) { error = ParseError.TlvLengthInvalid; return false; }
        ReadOnlySpan<byte> text = default;
        if (v.Length > MinimumValueLength && !PtpText.TryRead(v[MinimumValueLength..], out text))
        {
            error = ParseError.TlvValueInvalid;
            return false;
        }
        value = new ManagementErrorStatusTlv((ManagementErrorId)BinaryPrimitives.ReadUInt16BigEndian(v),
            (ManagementId)BinaryPrimitives.ReadUInt16BigEndian(v[2..]), text);
        error = ParseError.None;
        return true;
    }

    public void WriteValue(Span<byte> d)
    {
        BinaryPrimitives.WriteUInt16BigEndian(d, (ushort)ErrorId);
        BinaryPrimitives.WriteUInt16BigEndian(d[2..], (ushort)ManagementId);
        d.Slice(4, 4).Clear();
        if (!DisplayData.IsEmpty)
        {
            int n = PtpText.Write(d[MinimumValueLength..], DisplayData);
            if (MinimumValueLength + n < d.Length) d[MinimumValueLength + n] = 0;
        }
    }
}
