namespace Ptp4Net.Messages;

/// <summary>
/// Typed dataField of a MANAGEMENT TLV (IEEE 1588-2019 15.5.3; linuxptp's _NP layouts). Read with
/// <see cref="ManagementTlv.TryGet{T}"/>, write with <see cref="PtpMessageWriter.AppendManagementTlv{T}"/>.
/// </summary>
public interface IManagementData<TSelf> where TSelf : IManagementData<TSelf>, allows ref struct
{
    /// <summary>Whether this layout is the dataField of <paramref name="id"/>.</summary>
    static abstract bool Accepts(ManagementId id);
    /// <summary>Decodes <paramref name="data"/>; false when it is too short or a field is invalid. Never throws.</summary>
    static abstract bool TryRead(ManagementId id, ReadOnlySpan<byte> data, out TSelf value);
    /// <summary>The managementId written in front of the data.</summary>
    ManagementId Id { get; }
    /// <summary>Data octets before padding (the writer pads to even).</summary>
    int DataLength { get; }
    void Write(Span<byte> destination);
}
