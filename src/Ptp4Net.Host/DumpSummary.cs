using System.Globalization;
using System.Text;
using Ptp4Net.Capture;

namespace Ptp4Net.Host;

/// <summary>What a dump saw: frames, PTP messages per type, malformed messages per reason, skipped frames per reason.</summary>
internal sealed class DumpSummary
{
    private readonly SortedDictionary<string, long> _byType = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> _malformedByReason = new(StringComparer.Ordinal);
    private readonly SortedDictionary<DecapsulationStatus, long> _skippedByReason = [];
    // The standard's order (Table 36) for printing.
    private static readonly string[] TypeOrder =
    [
        "Sync", "Delay_Req", "Pdelay_Req", "Pdelay_Resp", "Follow_Up", "Delay_Resp", "Pdelay_Resp_Follow_Up",
        "Announce", "Signaling", "Management",
    ];

    public long Frames { get; private set; }
    public long Messages { get; private set; }
    public long Malformed { get; private set; }
    public long Skipped { get; private set; }

    public void CountFrame() => Frames++;

    public void CountMessage(string typeName)
    {
        Messages++;
        _byType[typeName] = _byType.GetValueOrDefault(typeName) + 1;
    }

    public void CountMalformed(string reason)
    {
        Malformed++;
        _malformedByReason[reason] = _malformedByReason.GetValueOrDefault(reason) + 1;
    }

    public void CountSkipped(DecapsulationStatus reason)
    {
        Skipped++;
        _skippedByReason[reason] = _skippedByReason.GetValueOrDefault(reason) + 1;
    }

    public long CountOf(string typeName) => _byType.GetValueOrDefault(typeName);

    /// <summary>
    /// E.g. "12 frames: 10 PTP messages (Sync 4, Follow_Up 4, Announce 2), 1 malformed (TlvOverrun 1), 1 non-PTP skipped (OtherEtherType 1)".
    /// </summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.Append(inv, $"{Frames} frames: {Messages} PTP messages");
        if (_byType.Count > 0)
        {
            sb.Append(" (");
            bool first = true;
            foreach (var name in TypeOrder)
                if (_byType.TryGetValue(name, out long n)) Append(sb, ref first, name, n);
            foreach (var (name, n) in _byType)
                if (Array.IndexOf(TypeOrder, name) < 0) Append(sb, ref first, name, n);
            sb.Append(')');
        }
        sb.Append(inv, $", {Malformed} malformed");
        if (_malformedByReason.Count > 0)
        {
            sb.Append(" (");
            bool first = true;
            foreach (var (reason, n) in _malformedByReason) Append(sb, ref first, reason, n);
            sb.Append(')');
        }
        sb.Append(inv, $", {Skipped} non-PTP skipped");
        if (_skippedByReason.Count > 0)
        {
            sb.Append(" (");
            bool first = true;
            foreach (var (reason, n) in _skippedByReason) Append(sb, ref first, reason.ToString(), n);
            sb.Append(')');
        }
        return sb.ToString();

        static void Append(StringBuilder sb, ref bool first, string name, long n)
        {
            if (!first) sb.Append(", ");
            first = false;
            sb.Append(name).Append(' ').Append(n.ToString(CultureInfo.InvariantCulture));
        }
    }
}
