namespace Ptp4Net.Delay;

/// <summary>
/// The path delay filter of linuxptp's tsproc/filter (`delay_filter` moving_median | moving_average,
/// `delay_filter_length`): a ring of the last N raw delays; the median (average of the two middle values when the
/// count is even, as mmedian.c) or the mean (mave.c). Preallocated; no allocation per sample.
/// </summary>
public sealed class DelayFilter
{
    private readonly long[] _ring;
    private readonly long[] _sorted;
    private readonly bool _median;
    private int _count;
    private int _next;
    private long _sum;

    public DelayFilter(bool median, int length)
    {
        if (length < 1) throw new ArgumentOutOfRangeException(nameof(length), length, "delay_filter_length must be at least 1");
        _median = median;
        _ring = new long[length];
        _sorted = new long[length];
    }

    public int Count => _count;
    public int Length => _ring.Length;

    public void Reset()
    {
        _count = 0;
        _next = 0;
        _sum = 0;
    }

    /// <summary>Adds a raw delay (ns) and returns the filtered delay.</summary>
    public long Sample(long delayNs)
    {
        if (_count == _ring.Length) _sum -= _ring[_next];
        else _count++;
        _ring[_next] = delayNs;
        _sum += delayNs;
        _next = (_next + 1) % _ring.Length;
        return Current;
    }

    /// <summary>The filtered value of what the filter holds (0 when empty).</summary>
    public long Current
    {
        get
        {
            if (_count == 0) return 0;
            if (!_median) return _sum / _count;
            // Insertion sort of at most delay_filter_length values: small, allocation-free.
            for (int i = 0; i < _count; i++)
            {
                long v = _ring[i];
                int j = i - 1;
                while (j >= 0 && _sorted[j] > v)
                {
                    _sorted[j + 1] = _sorted[j];
                    j--;
                }
                _sorted[j + 1] = v;
            }
            int mid = _count / 2;
            return (_count & 1) == 1 ? _sorted[mid] : (_sorted[mid - 1] + _sorted[mid]) / 2;
        }
    }
}
