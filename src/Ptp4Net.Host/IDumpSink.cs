using Ptp4Net.Identity;
using Ptp4Net.Time;

namespace Ptp4Net.Host;

/// <summary>
/// Receives the fields of one dumped message in the standard's order. One visitor
/// (<see cref="DumpMessageFields"/>) feeds every output format, so the default line, -v and --json agree.
/// <para><c>name</c> is the IEEE field name in camelCase (the JSON key and the -v label). A non-null
/// <c>label</c> puts the field on the default one-line output under that short label (an empty label
/// prints the value alone).</para>
/// </summary>
internal interface IDumpSink
{
    void Begin(in DumpFrameInfo frame);
    void Text(string name, string value, string? label = null);
    void Number(string name, long value, string? label = null);
    void Boolean(string name, bool value, string? label = null);
    void Timestamp(string name, PtpTimestamp value, string? label = null);
    void Interval(string name, TimeInterval value, string? label = null);
    void Port(string name, PortIdentity value, string? label = null);
    void Clock(string name, ClockIdentity value, string? label = null);
    void Hex(string name, ReadOnlySpan<byte> value);
    void Strings(string name, IReadOnlyList<string> values);
    /// <summary>Only for the default line (e.g. the list of TLV names); ignored by -v details and JSON.</summary>
    void Note(string label, string value);
    void BeginObject(string name);
    void EndObject();
    void BeginArray(string name);
    void EndArray();
    /// <summary>An anonymous object inside an array (one TLV).</summary>
    void BeginItem(string title);
    void EndItem();
    /// <summary>The message is malformed: why.</summary>
    void Error(string reason);
    void End();
}
