namespace Ptp4Net.Simulation;

/// <summary>
/// Buffers for packets in flight, addressed by slot number so events can carry them as an int. Slots are
/// recycled through a free list: once the pool has grown to the number of packets simultaneously in
/// flight, sending allocates nothing.
/// </summary>
public sealed class PacketPool
{
    public const int MaxPacketSize = 1500;

    private byte[][] _buffers = new byte[16][];
    private int[] _lengths = new int[16];
    private long[] _stampShifts = new long[16];
    private int[] _free = new int[16];
    private int _freeCount;
    private int _allocated;

    public int InFlight => _allocated - _freeCount;
    public int Capacity => _allocated;

    public int Rent(ReadOnlySpan<byte> data)
    {
        if (data.Length > MaxPacketSize)
            throw new ArgumentException($"packet of {data.Length} bytes exceeds {MaxPacketSize}", nameof(data));
        int slot;
        if (_freeCount > 0)
        {
            slot = _free[--_freeCount];
        }
        else
        {
            if (_allocated == _buffers.Length)
            {
                Array.Resize(ref _buffers, _allocated * 2);
                Array.Resize(ref _lengths, _allocated * 2);
                Array.Resize(ref _stampShifts, _allocated * 2);
                Array.Resize(ref _free, _allocated * 2);
            }
            slot = _allocated++;
            _buffers[slot] = new byte[MaxPacketSize];
        }
        data.CopyTo(_buffers[slot]);
        _lengths[slot] = data.Length;
        _stampShifts[slot] = 0;
        return slot;
    }

    public Span<byte> Get(int slot) => _buffers[slot].AsSpan(0, _lengths[slot]);

    /// <summary>Receive-timestamp shift of the packet in <paramref name="slot"/> (see <see cref="LinkParameters.AcausalStamps"/>).</summary>
    public long GetStampShift(int slot) => _stampShifts[slot];

    public void SetStampShift(int slot, long shift) => _stampShifts[slot] = shift;

    public void Return(int slot) => _free[_freeCount++] = slot;
}
