namespace Ptp4Net.Messages;

/// <summary>
/// USER_DESCRIPTION dataField (IEEE 1588-2019 15.5.3.1.3): userDescription (PTPText, at most 128 octets by the
/// standard; "name;location" by convention), padded to even length. The text stays in the buffer (UTF-8).
/// </summary>
public readonly ref struct UserDescription : IManagementData<UserDescription>
{
    public UserDescription(ReadOnlySpan<byte> text) => Text = text;

    public ReadOnlySpan<byte> Text { get; }

    public ManagementId Id => ManagementId.UserDescription;
    public int DataLength => 1 + Text.Length;
    public static bool Accepts(ManagementId id) => id == ManagementId.UserDescription;

    /// <summary>False when the PTPText length runs past the data.</summary>
    public static bool TryRead(ManagementId id, ReadOnlySpan<byte> d, out UserDescription value)
    {
        value = default;
        if (!PtpText.TryRead(d, out var text)) return false;
        value = new UserDescription(text);
        return true;
    }

    public void Write(Span<byte> d) => PtpText.Write(d, Text);
}
