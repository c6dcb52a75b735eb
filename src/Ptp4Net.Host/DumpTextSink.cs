using System.Globalization;
using System.Text;
using Ptp4Net.Identity;
using Ptp4Net.Time;

namespace Ptp4Net.Host;

/// <summary>
/// The human-readable output: one line per message of the labelled fields; with -v, every field follows
/// on indented "name: value" lines, TLVs as a list.
/// </summary>
internal sealed class DumpTextSink(TextWriter output, bool verbose) : IDumpSink
{
    private readonly StringBuilder _line = new();
    private readonly StringBuilder _details = new();
    private int _depth;

    public void Begin(in DumpFrameInfo frame)
    {
        _line.Clear();
        _details.Clear();
        _depth = 1;
        _line.Append(frame.FormatTime()).Append(' ').Append(frame.Source);
        if (verbose)
        {
            Detail("frame", frame.Number.ToString(CultureInfo.InvariantCulture));
            Detail("transport", frame.TransportName);
            if (frame.VlanId >= 0) Detail("vlan", frame.VlanId.ToString(CultureInfo.InvariantCulture));
        }
    }

    public void Text(string name, string value, string? label = null) => Field(name, value, label);
    public void Number(string name, long value, string? label = null) => Field(name, value.ToString(CultureInfo.InvariantCulture), label);
    public void Boolean(string name, bool value, string? label = null) => Field(name, value ? "true" : "false", label);
    public void Timestamp(string name, PtpTimestamp value, string? label = null) => Field(name, DumpFormat.Timestamp(value), label);
    public void Interval(string name, TimeInterval value, string? label = null)
    {
        string ns = DumpFormat.Nanoseconds(value);
        if (label is not null) _line.Append(' ').Append(label).Append(' ').Append(ns);
        if (verbose)
            Detail(name, ns + " ns (scaled 0x" + value.ScaledNanoseconds.ToString("x16", CultureInfo.InvariantCulture) + ")");
    }

    public void Port(string name, PortIdentity value, string? label = null) => Field(name, value.ToString(), label);
    public void Clock(string name, ClockIdentity value, string? label = null) => Field(name, value.ToString(), label);
    public void Hex(string name, ReadOnlySpan<byte> value) => Field(name, value.IsEmpty ? "(empty)" : DumpFormat.HexString(value), null);
    public void Strings(string name, IReadOnlyList<string> values) => Field(name, string.Join(' ', values), null);
    public void Note(string label, string value) => _line.Append(' ').Append(label).Append(' ').Append(value);

    public void BeginObject(string name)
    {
        Detail(name, null);
        _depth++;
    }

    public void EndObject() => _depth--;

    public void BeginArray(string name)
    {
        Detail(name, null);
        _depth++;
    }

    public void EndArray() => _depth--;

    public void BeginItem(string title)
    {
        if (verbose) Indent().Append("- ").Append(title).Append('\n');
        _depth++;
    }

    public void EndItem() => _depth--;

    public void Error(string reason)
    {
        _line.Append(" MALFORMED: ").Append(reason);
    }

    public void End()
    {
        output.Write(_line.Append('\n').ToString());
        if (verbose) output.Write(_details.ToString());
    }

    private void Field(string name, string value, string? label)
    {
        if (label is not null)
        {
            _line.Append(' ');
            if (label.Length > 0) _line.Append(label).Append(' ');
            _line.Append(value);
        }
        Detail(name, value);
    }

    private void Detail(string name, string? value)
    {
        if (!verbose) return;
        var sb = Indent().Append(name).Append(':');
        if (value is not null) sb.Append(' ').Append(value);
        sb.Append('\n');
    }

    private StringBuilder Indent() => _details.Append(' ', 2 * _depth);
}
