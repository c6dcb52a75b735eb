namespace Ptp4Net.Messages;

/// <summary>PTPText (IEEE 1588-2019 5.3.9): lengthField (1) then that many UTF-8 octets.</summary>
internal static class PtpText
{
    /// <summary>Reads a PTPText at the start of <paramref name="source"/>; false when the text runs past it.</summary>
    internal static bool TryRead(ReadOnlySpan<byte> source, out ReadOnlySpan<byte> text)
    {
        if (source.IsEmpty || source[0] > source.Length - 1)
        {
            text = default;
            return false;
        }
        text = source.Slice(1, source[0]);
        return true;
    }

    internal static int Write(Span<byte> destination, ReadOnlySpan<byte> text)
    {
        if (text.Length > 255) throw new ArgumentException("a PTPText holds at most 255 octets", nameof(text));
        destination[0] = (byte)text.Length;
        text.CopyTo(destination[1..]);
        return 1 + text.Length;
    }
}
