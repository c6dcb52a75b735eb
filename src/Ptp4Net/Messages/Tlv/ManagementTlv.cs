using System.Buffers.Binary;

namespace Ptp4Net.Messages;

/// <summary>
/// MANAGEMENT TLV (IEEE 1588-2019 15.5.2, Table 58): managementId (2) then dataField, seen in place.
/// Decode the data with <see cref="TryGet{T}"/> (typed) or use <see cref="Data"/> (raw) for other ids.
/// </summary>
public readonly ref struct ManagementTlv
{
    /// <summary>managementId alone: an empty dataField.</summary>
    public const int MinimumValueLength = 2;

    public ManagementTlv(ManagementId id, ReadOnlySpan<byte> data)
    {
        Id = id;
        Data = data;
    }

    public ManagementId Id { get; }
    /// <summary>dataField as received (including a pad octet, if any).</summary>
    public ReadOnlySpan<byte> Data { get; }

    public static bool TryRead(Tlv tlv, out ManagementTlv value, out ParseError error)
    {
        value = default;
        if (tlv.Type != TlvType.Management)
        {
            error = ParseError.TlvTypeMismatch;
            return false;
        }
        if (tlv.Value.Length < MinimumValueLength)
        {
            error = ParseError.TlvLengthInvalid;
            return false;
        }
        var id = (ManagementId)BinaryPrimitives.ReadUInt16BigEndian(tlv.Value);
        if (!ManagementDataLayout.LengthOk(id, tlv.Value.Length - 2))
        {
            error = ParseError.ManagementDataLengthInvalid;
            return false;
        }
        value = new ManagementTlv(id, tlv.Value[2..]);
        error = ParseError.None;
        return true;
    }

    /// <summary>Decodes the dataField as <typeparamref name="T"/> (checks the id and the layout).</summary>
    public bool TryGet<T>(out T value, out ParseError error) where T : IManagementData<T>, allows ref struct
    {
        if (!T.Accepts(Id))
        {
            value = default!;
            error = ParseError.TlvTypeMismatch;
            return false;
        }
        if (!T.TryRead(Id, Data, out value))
        {
            error = ParseError.TlvValueInvalid;
            return false;
        }
        error = ParseError.None;
        return true;
    }
}
