using System.Buffers.Binary;

namespace Ptp4Net.Phc.VmClock;

/// <summary>
/// Takes a consistent snapshot of the vmclock page (the seqcount protocol of vmclock-abi.h): read seq_count, retry
/// while it is odd (update in progress); copy the page; read seq_count again; accept only when both reads are equal,
/// even, and match the copy's own seq_count. The loop is bounded: a page that never settles is an error, not a hang.
/// </summary>
public sealed class VmClockSnapshotReader
{
    /// <summary>Attempts before giving up (the kernel driver bounds its own loop likewise).</summary>
    public const int DefaultMaxAttempts = 64;

    private readonly IVmClockPageSource _source;
    private readonly byte[] _buffer = new byte[VmClockPage.FullLength];
    private readonly int _maxAttempts;

    public VmClockSnapshotReader(IVmClockPageSource source, int maxAttempts = DefaultMaxAttempts)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        _source = source;
        _maxAttempts = maxAttempts;
    }

    /// <summary>Attempts used by the last <see cref="TryRead"/> (1 = first copy was consistent).</summary>
    public int LastAttempts { get; private set; }

    /// <summary>Snapshots that were rejected as torn or in progress, since creation.</summary>
    public long Retries { get; private set; }

    public bool TryRead(out VmClockPage page, out VmClockError error)
    {
        page = default;
        Span<byte> seqBytes = stackalloc byte[4];
        for (int attempt = 1; attempt <= _maxAttempts; attempt++)
        {
            LastAttempts = attempt;
            if (_source.ReadAt(VmClockPage.OffsetSeqCount, seqBytes) != 4)
            {
                error = VmClockError.ReadFailed;
                return false;
            }
            uint before = BinaryPrimitives.ReadUInt32LittleEndian(seqBytes);
            if ((before & 1) != 0)
            {
                Retries++;
                continue;
            }
            int n = _source.ReadAt(0, _buffer);
            if (n < VmClockPage.MinimumLength)
            {
                error = n < 0 ? VmClockError.ReadFailed : VmClockError.TooShort;
                return false;
            }
            if (_source.ReadAt(VmClockPage.OffsetSeqCount, seqBytes) != 4)
            {
                error = VmClockError.ReadFailed;
                return false;
            }
            uint after = BinaryPrimitives.ReadUInt32LittleEndian(seqBytes);
            uint copied = BinaryPrimitives.ReadUInt32LittleEndian(_buffer.AsSpan(VmClockPage.OffsetSeqCount));
            if (before != after || copied != before)
            {
                Retries++;
                continue;
            }
            if (VmClockPage.TryRead(_buffer.AsSpan(0, n), out page, out error))
                return true;
            if (error != VmClockError.UpdateInProgress)
                return false;
            Retries++;
        }
        error = VmClockError.NoConsistentSnapshot;
        return false;
    }
}
