namespace Ptp4Net.Delay;

/// <summary>
/// Rejects single offset samples that sit far outside the recent spread (e.g. a Sync held in a queue for 200 µs),
/// instead of letting the servo average them in. Not in ptp4l. A sample is an outlier when its distance to the
/// median of the last <see cref="Window"/> offsets exceeds <c>k</c> robust standard deviations (1.4826 · MAD) and
/// <see cref="FloorNs"/>. At most <see cref="MaxConsecutive"/> samples in a row are rejected, so a real change of
/// offset (a step of the master's time) gets through. Preallocated; no allocation per sample.
/// </summary>
public sealed class OffsetOutlierFilter
{
    public const int Window = 15;
    public const int MinimumSamples = 8;
    public const int MaxConsecutive = 3;
    public const long FloorNs = 50;

    private readonly double _k;
    private readonly long[] _ring = new long[Window];
    private readonly long[] _scratch = new long[Window];
    private int _count, _next, _consecutive;

    /// <param name="k">Threshold in robust standard deviations; 5 keeps gaussian noise (a false rejection in ~2·10^6).</param>
    public OffsetOutlierFilter(double k = 5.0) => _k = k;

    public long Rejected { get; private set; }

    public void Reset()
    {
        _count = _next = _consecutive = 0;
    }

    /// <summary>True when <paramref name="offsetNs"/> should be used; the value is remembered either way.</summary>
    public bool Accept(long offsetNs)
    {
        bool accept = true;
        if (_count >= MinimumSamples)
        {
            long median = Median(_ring, _count, 0, false);
            long mad = Median(_ring, _count, median, true);
            double limit = Math.Max(FloorNs, _k * 1.4826 * mad);
            if (Math.Abs((double)offsetNs - median) > limit && _consecutive < MaxConsecutive)
            {
                accept = false;
                _consecutive++;
                Rejected++;
            }
        }
        if (accept) _consecutive = 0;
        _ring[_next] = offsetNs;
        _next = (_next + 1) % Window;
        if (_count < Window) _count++;
        return accept;
    }

    // Median of the values (or of |value − center| when deviations is set), insertion sort into the scratch array.
    private long Median(long[] values, int count, long center, bool deviations)
    {
        for (int i = 0; i < count; i++)
        {
            long v = deviations ? Math.Abs(values[i] - center) : values[i];
            int j = i - 1;
            while (j >= 0 && _scratch[j] > v)
            {
                _scratch[j + 1] = _scratch[j];
                j--;
            }
            _scratch[j + 1] = v;
        }
        int mid = count / 2;
        return (count & 1) == 1 ? _scratch[mid] : (_scratch[mid - 1] + _scratch[mid]) / 2;
    }
}
