using System.Buffers.Binary;

namespace Ptp4Net.Phc.Netlink;

/// <summary>
/// Decodes an ethtool bitset nest (ethtool-netlink.rst "Bit sets") into a 64-bit mask: the compact form
/// (NOMASK, SIZE, VALUE words, low word first) or the verbose form (BITS → BIT {INDEX, NAME, VALUE flag});
/// with NOMASK in the verbose form a listed bit is set. Our sets (SOF flags, tx types, rx filters) fit 64 bits.
/// </summary>
internal static class EthtoolBitset
{
    public static bool TryDecode(ReadOnlySpan<byte> nest, out ulong value, out NetlinkParseError error)
    {
        value = 0;
        error = NetlinkParseError.None;
        bool noMask = false;
        uint size = 0;
        ReadOnlySpan<byte> words = default;
        ReadOnlySpan<byte> bits = default;
        bool haveBits = false;
        var it = new AttributeIterator(nest);
        while (it.TryNext(out var type, out var data))
        {
            switch (type)
            {
                case Nl.ETHTOOL_A_BITSET_NOMASK: noMask = true; break;
                case Nl.ETHTOOL_A_BITSET_SIZE:
                    if (!NetlinkReader.TryReadU32(data, out size)) { error = NetlinkParseError.BadBitset; return false; }
                    break;
                case Nl.ETHTOOL_A_BITSET_VALUE: words = data; break;
                case Nl.ETHTOOL_A_BITSET_BITS: bits = data; haveBits = true; break;
            }
        }
        if (it.Error != NetlinkParseError.None)
        {
            error = it.Error;
            return false;
        }
        if (words.Length > 0)
        {
            if (words.Length % 4 != 0 || words.Length < (size + 31) / 32 * 4)
            {
                error = NetlinkParseError.BadBitset;
                return false;
            }
            for (int w = 0; w < Math.Min(2, words.Length / 4); w++)
                value |= (ulong)BinaryPrimitives.ReadUInt32LittleEndian(words[(w * 4)..]) << (32 * w);
            if (size < 64)
                value &= (1UL << (int)size) - 1;
            return true;
        }
        if (haveBits)
        {
            var bit = new AttributeIterator(bits);
            while (bit.TryNext(out var bt, out var bdata))
            {
                if (bt != Nl.ETHTOOL_A_BITSET_BITS_BIT)
                    continue;
                uint index = uint.MaxValue;
                bool set = noMask;
                var f = new AttributeIterator(bdata);
                while (f.TryNext(out var ft, out var fdata))
                {
                    if (ft == Nl.ETHTOOL_A_BITSET_BIT_INDEX && !NetlinkReader.TryReadU32(fdata, out index))
                        index = uint.MaxValue;
                    else if (ft == Nl.ETHTOOL_A_BITSET_BIT_VALUE)
                        set = true;
                }
                if (f.Error != NetlinkParseError.None || index == uint.MaxValue)
                {
                    error = NetlinkParseError.BadBitset;
                    return false;
                }
                if (set && index < 64)
                    value |= 1UL << (int)index;
            }
            if (bit.Error != NetlinkParseError.None)
            {
                error = bit.Error;
                return false;
            }
        }
        return true;
    }

    /// <summary>The single bit of a one-bit bitset (TSCONFIG tx type / rx filter), or -1.</summary>
    public static int SingleBit(ulong v) => v != 0 && (v & (v - 1)) == 0 ? System.Numerics.BitOperations.TrailingZeroCount(v) : -1;
}
