using System.Buffers;
using System.Text;
using System.Text.Json;
using Ptp4Net.Identity;
using Ptp4Net.Time;

namespace Ptp4Net.Host;

/// <summary>
/// JSON Lines: one object per PTP message, every field under its IEEE camelCase name. Timestamps are
/// {"seconds","nanoseconds"} objects (exact); a TimeInterval gives "&lt;name&gt;Ns" (a number, exact to
/// 2^-16 ns as a double up to 2^37 ns) and "&lt;name&gt;Scaled" (the wire's integer, exact).
/// </summary>
internal sealed class DumpJsonSink : IDumpSink
{
    private readonly TextWriter _output;
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _json;

    public DumpJsonSink(TextWriter output)
    {
        _output = output;
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = false });
    }

    public void Begin(in DumpFrameInfo frame)
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        _json.WriteStartObject();
        _json.WriteNumber("frame", frame.Number);
        _json.WriteString("time", frame.FormatTime());
        _json.WriteString("source", frame.Source);
        _json.WriteString("transport", frame.TransportName);
        if (frame.VlanId >= 0) _json.WriteNumber("vlan", frame.VlanId);
    }

    public void Text(string name, string value, string? label = null) => _json.WriteString(name, value);
    public void Number(string name, long value, string? label = null) => _json.WriteNumber(name, value);
    public void Boolean(string name, bool value, string? label = null) => _json.WriteBoolean(name, value);

    public void Timestamp(string name, PtpTimestamp value, string? label = null)
    {
        _json.WriteStartObject(name);
        _json.WriteNumber("seconds", value.Seconds);
        _json.WriteNumber("nanoseconds", value.Nanoseconds);
        _json.WriteEndObject();
    }

    public void Interval(string name, TimeInterval value, string? label = null)
    {
        _json.WriteNumber(name + "Ns", value.ScaledNanoseconds / 65536.0);
        _json.WriteNumber(name + "Scaled", value.ScaledNanoseconds);
    }

    public void Port(string name, PortIdentity value, string? label = null) => _json.WriteString(name, value.ToString());
    public void Clock(string name, ClockIdentity value, string? label = null) => _json.WriteString(name, value.ToString());
    public void Hex(string name, ReadOnlySpan<byte> value) => _json.WriteString(name, DumpFormat.HexString(value));
    public void Strings(string name, IReadOnlyList<string> values)
    {
        _json.WriteStartArray(name);
        foreach (var v in values) _json.WriteStringValue(v);
        _json.WriteEndArray();
    }

    public void Note(string label, string value) { }
    public void BeginObject(string name) => _json.WriteStartObject(name);
    public void EndObject() => _json.WriteEndObject();
    public void BeginArray(string name) => _json.WriteStartArray(name);
    public void EndArray() => _json.WriteEndArray();
    public void BeginItem(string title) => _json.WriteStartObject();
    public void EndItem() => _json.WriteEndObject();
    public void Error(string reason) => _json.WriteString("error", reason);

    public void End()
    {
        _json.WriteEndObject();
        _json.Flush();
        _output.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan));
        _output.Write('\n');
    }
}
