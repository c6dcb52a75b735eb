using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Ptp4Net.Simulation;

/// <summary>Formats the accuracy report: a text table, or the JSON array of issue 4 (exact keys).</summary>
public static class AccuracyReport
{
    public static string FormatTable(IReadOnlyList<ReportRow> rows)
    {
        var sb = new StringBuilder();
        var ci = CultureInfo.InvariantCulture;
        sb.AppendLine(string.Create(ci, $"{"scenario",-16} {"servo",-6} {"lock_time_s",11} {"rms_ns",12} {"max_ns",12} {"freq_error_ppb",14} {"seeds",5}"));
        foreach (var r in rows)
        {
            string lockText = r.LockTimeSeconds is double l ? l.ToString("0.00", ci) : "never";
            sb.AppendLine(string.Create(ci, $"{r.Scenario,-16} {r.Servo,-6} {lockText,11} {r.RmsNs,12:0.0} {r.MaxNs,12:0.0} {r.FreqErrorPpb,14:0.000} {r.Seeds,5}"));
        }
        return sb.ToString();
    }

    public static string FormatJson(IReadOnlyList<ReportRow> rows)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartArray();
            foreach (var r in rows)
            {
                w.WriteStartObject();
                w.WriteString("scenario", r.Scenario);
                w.WriteString("servo", r.Servo);
                if (r.LockTimeSeconds is double l) w.WriteNumber("lock_time_s", Math.Round(l, 3));
                else w.WriteNull("lock_time_s");
                WriteNumber(w, "rms_ns", r.RmsNs);
                WriteNumber(w, "max_ns", r.MaxNs);
                WriteNumber(w, "freq_error_ppb", r.FreqErrorPpb);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    private static void WriteNumber(Utf8JsonWriter w, string key, double v)
    {
        if (double.IsFinite(v)) w.WriteNumber(key, Math.Round(v, 3));
        else w.WriteNull(key);
    }
}
