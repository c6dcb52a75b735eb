namespace Ptp4Net.Simulation;

/// <summary>
/// Discrete-event scheduler in virtual nanoseconds. Events are ordered by time, then by insertion order,
/// so equal-time events fire in the order they were scheduled and every run with the same inputs produces
/// the same trace. A binary heap of structs: no allocation per event once the heap has grown.
/// </summary>
public sealed class EventScheduler
{
    private SimEvent[] _heap;
    private int _count;
    private long _nextSequence;
    private bool _stopRequested;

    public EventScheduler(int initialCapacity = 256)
    {
        _heap = new SimEvent[Math.Max(4, initialCapacity)];
    }

    /// <summary>Current virtual time (ns). Starts at 0.</summary>
    public long Now { get; private set; }

    public int PendingCount => _count;
    public long EventsProcessed { get; private set; }

    /// <summary>Optional observer of every event as it fires (for traces and tests).</summary>
    public Action<SimEvent>? Trace { get; set; }

    /// <summary>Schedules an event at absolute time <paramref name="time"/>, which must not be in the past.</summary>
    public long ScheduleAt(long time, ISimEventTarget target, int kind, int arg = 0, long data = 0)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (time < Now)
            throw new ArgumentOutOfRangeException(nameof(time), time, $"event in the past (now {Now})");
        if (_count == _heap.Length)
            Array.Resize(ref _heap, _heap.Length * 2);
        long seq = _nextSequence++;
        var e = new SimEvent(time, seq, target, kind, arg, data);
        int i = _count++;
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (!e.Precedes(_heap[parent])) break;
            _heap[i] = _heap[parent];
            i = parent;
        }
        _heap[i] = e;
        return seq;
    }

    /// <summary>Schedules an event <paramref name="delay"/> ns from now (negative delays are clamped to 0).</summary>
    public long ScheduleAfter(long delay, ISimEventTarget target, int kind, int arg = 0, long data = 0) =>
        ScheduleAt(Now + Math.Max(0, delay), target, kind, arg, data);

    /// <summary>Time of the next event, or long.MaxValue when none is pending.</summary>
    public long NextEventTime => _count > 0 ? _heap[0].Time : long.MaxValue;

    /// <summary>Makes <see cref="RunUntil"/> return after the event being processed.</summary>
    public void Stop() => _stopRequested = true;

    /// <summary>Fires the next event if there is one; false when the queue is empty.</summary>
    public bool Step()
    {
        if (_count == 0) return false;
        var e = PopMin();
        Now = e.Time;
        EventsProcessed++;
        Trace?.Invoke(e);
        e.Target.OnEvent(e);
        return true;
    }

    /// <summary>
    /// Fires every event with time ≤ <paramref name="endTime"/> in order, then sets <see cref="Now"/> to
    /// <paramref name="endTime"/> (unless stopped early). Returns the number of events fired.
    /// </summary>
    public long RunUntil(long endTime)
    {
        _stopRequested = false;
        long fired = 0;
        while (_count > 0 && _heap[0].Time <= endTime)
        {
            Step();
            fired++;
            if (_stopRequested) return fired;
        }
        if (endTime > Now) Now = endTime;
        return fired;
    }

    private SimEvent PopMin()
    {
        var top = _heap[0];
        int n = --_count;
        if (n > 0)
        {
            var last = _heap[n];
            int i = 0;
            while (true)
            {
                int child = 2 * i + 1;
                if (child >= n) break;
                if (child + 1 < n && _heap[child + 1].Precedes(_heap[child])) child++;
                if (!_heap[child].Precedes(last)) break;
                _heap[i] = _heap[child];
                i = child;
            }
            _heap[i] = last;
        }
        _heap[n] = default; // drop the target reference
        return top;
    }
}
