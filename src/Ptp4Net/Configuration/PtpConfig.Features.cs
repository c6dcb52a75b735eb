namespace Ptp4Net.Configuration;

// Start-up decisions from the table's support column: what to refuse, what to warn about.
public sealed partial class PtpConfig
{
    /// <summary>
    /// Every explicitly set value (command line, [global], interface sections) and every unicast master
    /// table that asks for a feature Ptp4Net does not have. Empty means the daemon may start. The daemon
    /// prints each <see cref="RefusedFeature.Message"/> and exits non-zero otherwise.
    /// </summary>
    public IReadOnlyList<RefusedFeature> GetRefusedFeatures()
    {
        var refused = new List<RefusedFeature>();
        foreach (var (port, item, setting) in ExplicitSettings())
        {
            var (support, feature) = item.Support.Classify(item, setting.Value);
            if (support == FeatureSupport.Refused)
                refused.Add(new RefusedFeature(feature ?? item.Name, item.Name, port, setting.Written, setting.Origin));
        }
        foreach (var table in _tables)
            refused.Add(new RefusedFeature(ConfigTable.Unicast, "[unicast_master_table]", null,
                $"table_id {table.TableId}", table.Origin));
        return refused;
    }

    /// <summary>
    /// The options set to a non-default value that are accepted but not acted upon yet, one entry per key
    /// (in table order) listing every place it is set. The daemon prints one warning per entry.
    /// </summary>
    public IReadOnlyList<NotImplementedSetting> GetNotImplementedSettings()
    {
        var byKey = new Dictionary<string, (List<(string?, string, SettingOrigin)> Places, string? Feature)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (port, item, setting) in ExplicitSettings())
        {
            var (support, feature) = item.Support.Classify(item, setting.Value);
            if (support != FeatureSupport.NotYetImplemented) continue;
            if (!byKey.TryGetValue(item.Name, out var entry))
            {
                entry = ([], feature);
                byKey[item.Name] = entry;
                order.Add(item.Name);
            }
            entry.Places.Add((port, setting.Written, setting.Origin));
        }
        var result = new List<NotImplementedSetting>(order.Count);
        foreach (var key in order)
            result.Add(new NotImplementedSetting(key, byKey[key].Places, byKey[key].Feature));
        return result;
    }

    /// <summary>Global settings in table order, then each interface's section in interface order.</summary>
    private IEnumerable<(string? Port, ConfigItem Item, Setting Setting)> ExplicitSettings()
    {
        foreach (var item in ConfigTable.Items)
            if (_global.TryGetValue(item.Name, out var g))
                yield return (null, item, g);
        foreach (var port in _interfaces)
        {
            if (!_ports.TryGetValue(port, out var section)) continue;
            foreach (var item in ConfigTable.Items)
                if (section.TryGetValue(item.Name, out var s))
                    yield return (port, item, s);
        }
    }
}
