using System.Text.Json;
using Ptp4Net.Host;

namespace Ptp4Net.Tests.Simulation;

public class SimCommandTests
{
    [Fact]
    public void Report_json_is_an_array_with_exactly_the_issue_keys_per_scenario_and_servo()
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int rc = SimCommand.Run(new[] { "--report", "--json", "--seeds", "1", "--scenario", "hw-ideal,loss-20" }, o, e);
        Assert.Equal(0, rc);
        using var doc = JsonDocument.Parse(o.ToString());
        var rows = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(4, rows.Count);
        var expected = new[] { "scenario", "servo", "lock_time_s", "rms_ns", "max_ns", "freq_error_ppb" };
        foreach (var r in rows)
            Assert.Equal(expected, r.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(new[] { "hw-ideal/pi", "hw-ideal/linreg", "loss-20/pi", "loss-20/linreg" },
            rows.Select(r => r.GetProperty("scenario").GetString() + "/" + r.GetProperty("servo").GetString()));
        foreach (var r in rows)
        {
            // Locked, and within the hardware-stamp accuracy the report is about.
            Assert.Equal(JsonValueKind.Number, r.GetProperty("lock_time_s").ValueKind);
            Assert.InRange(r.GetProperty("rms_ns").GetDouble(), 1, 15);
            Assert.InRange(r.GetProperty("max_ns").GetDouble(), r.GetProperty("rms_ns").GetDouble(), 60);
            Assert.InRange(r.GetProperty("freq_error_ppb").GetDouble(), 0.1, 100);
        }
    }

    [Fact]
    public void Report_table_has_a_header_and_a_line_per_scenario_and_servo()
    {
        var o = new StringWriter();
        Assert.Equal(0, SimCommand.Run(new[] { "--report", "--seeds", "1", "--scenario", "asymmetry-100ns" }, o, new StringWriter()));
        var lines = o.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("scenario", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("asymmetry-100ns  pi", lines[1]);
        Assert.StartsWith("asymmetry-100ns  linreg", lines[2]);
    }

    [Fact]
    public void Demo_prints_ptp4l_style_lines_in_virtual_time()
    {
        var o = new StringWriter();
        Assert.Equal(0, SimCommand.Run(new[] { "--seconds", "20" }, o, new StringWriter()));
        string text = o.ToString();
        Assert.Contains("ptp4l[", text);
        Assert.Contains("LISTENING to UNCALIBRATED on RS_SLAVE", text);
        Assert.Contains("UNCALIBRATED to SLAVE on MASTER_CLOCK_SELECTED", text);
        Assert.Contains("assuming the grand master role", text);
        Assert.Matches(@"master offset\s+-?\d+ s2 freq\s+[+-]\d+ path delay\s+\d+", text);
    }

    [Fact]
    public void Bad_arguments_fail_with_usage()
    {
        var e = new StringWriter();
        Assert.Equal(2, SimCommand.Run(new[] { "--report", "--scenario", "nope" }, new StringWriter(), e));
        Assert.Contains("unknown scenario", e.ToString());
        Assert.Equal(2, SimCommand.Run(new[] { "--frobnicate" }, new StringWriter(), new StringWriter()));
    }
}
