namespace Ptp4Net.Engine;

/// <summary>
/// The reusable, preallocated list of actions produced by one input. Cleared at the start of every input call;
/// read it (or the span the input method returns) before the next call.
/// </summary>
public sealed class ActionBuffer
{
    private readonly EngineAction[] _items;
    private int _count;

    public ActionBuffer(int capacity = 256) => _items = new EngineAction[capacity];

    public int Count => _count;
    public ReadOnlySpan<EngineAction> Span => _items.AsSpan(0, _count);
    public ref readonly EngineAction this[int index] => ref _items[index];
    /// <summary>Actions dropped because the buffer was full (never expected; a bug if non-zero).</summary>
    public long Overflows { get; private set; }

    internal void Clear() => _count = 0;

    internal void Add(in EngineAction action)
    {
        if (_count == _items.Length)
        {
            Overflows++;
            return;
        }
        _items[_count++] = action;
    }
}
