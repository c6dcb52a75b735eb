using Ptp4Net.Configuration;
using static Ptp4Net.Tests.Configuration.ConfigTestFiles;

namespace Ptp4Net.Tests.Configuration;

public class ExampleConfigTests
{
    public static TheoryData<string> OurFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(OurConfigs(), "*.cfg").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(f));
        return data;
    }

    [Fact]
    public void The_examples_we_promise_exist()
    {
        var names = Directory.GetFiles(OurConfigs(), "*.cfg").Select(Path.GetFileName).ToList();
        Assert.Superset(new HashSet<string?> { "default.cfg", "gPTP.cfg", "grandmaster.cfg", "client-emulated.cfg" }, names.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(OurFiles))]
    public void Our_example_parses_without_refusals_or_warnings(string file)
    {
        var config = Read(Path.Combine(OurConfigs(), file));
        Assert.Empty(config.GetRefusedFeatures());
        Assert.Empty(config.GetNotImplementedSettings());
        Assert.Empty(config.Notices);
    }

    [Fact]
    public void Default_cfg_lists_every_option_once_with_its_default()
    {
        var lines = File.ReadAllLines(Path.Combine(OurConfigs(), "default.cfg"));
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var t = line.Trim();
            if (t.Length == 0 || t[0] == '[') continue;
            var key = t.TrimStart('#').Split([' ', '\t'], 2)[0];
            if (ConfigTable.Find(key) is null) continue; // prose comment
            seen[key] = seen.GetValueOrDefault(key) + 1;
        }
        foreach (var item in ConfigTable.Items)
            Assert.True(seen.GetValueOrDefault(item.Name) == 1, $"{item.Name} appears {seen.GetValueOrDefault(item.Name)} times");

        var config = Read(Path.Combine(OurConfigs(), "default.cfg"));
        foreach (var item in ConfigTable.Items)
            Assert.True(config.GetValue(null, item.Name).SameAs(item.Default, item.Type), item.Name);
    }

    [Fact]
    public void Emulated_client_example_sets_a_steered_emulated_clock_with_offset_and_frequency_error()
    {
        var c = Read(Path.Combine(OurConfigs(), "client-emulated.cfg"));
        Assert.True(c.GetBool("emulated_clock"));
        Assert.False(c.GetBool("free_running"));
        Assert.NotEqual(0, c.GetLong("emulated_clock_offset_ns"));
        Assert.NotEqual(0.0, c.GetDouble("emulated_clock_freq_ppb"));
        Assert.True(c.GetBool("clientOnly"));
        Assert.Equal(TimeStampingOption.Software, c.GetEnum<TimeStampingOption>("time_stamping"));
    }

    [Fact]
    public void Gptp_example_is_layer_2_peer_delay()
    {
        var c = Read(Path.Combine(OurConfigs(), "gPTP.cfg"));
        Assert.Equal(NetworkTransportOption.L2, c.GetEnum<NetworkTransportOption>("network_transport"));
        Assert.Equal(DelayMechanismOption.P2P, c.GetEnum<DelayMechanismOption>("delay_mechanism"));
        Assert.Equal(-3, c.GetInt("logSyncInterval"));
    }
}
