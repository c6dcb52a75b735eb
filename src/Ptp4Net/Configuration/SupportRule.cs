namespace Ptp4Net.Configuration;

/// <summary>
/// The feature-classification column of the option table: whether an option is implemented, accepted but
/// ignored for now, or refused when set to certain values. Enum options can further classify each label
/// (<see cref="ConfigEnumValue.Support"/>).
/// </summary>
public sealed class SupportRule
{
    private readonly Func<ConfigValue, bool>? _refuseWhen;

    private SupportRule(FeatureSupport support, string? feature, Func<ConfigValue, bool>? refuseWhen, string? condition)
    {
        Support = support;
        Feature = feature;
        _refuseWhen = refuseWhen;
        RefusalCondition = condition;
    }

    /// <summary>Implemented, NotYetImplemented, or Refused (refused only when <see cref="RefusalCondition"/> holds).</summary>
    public FeatureSupport Support { get; }

    /// <summary>The feature in words ("transparent clock", "unicast", "authentication").</summary>
    public string? Feature { get; }

    /// <summary>When a refused option is refused, in words ("set to 1", "set to anything but the default").</summary>
    public string? RefusalCondition { get; }

    public static SupportRule Implemented { get; } = new(FeatureSupport.Implemented, null, null, null);
    public static SupportRule NotYetImplemented { get; } = new(FeatureSupport.NotYetImplemented, null, null, null);

    /// <summary>Refused when the value satisfies <paramref name="when"/>; otherwise harmless.</summary>
    public static SupportRule RefusedWhen(string feature, string condition, Func<ConfigValue, bool> when) =>
        new(FeatureSupport.Refused, feature, when, condition);

    /// <summary>Refused whenever set to a value other than the default.</summary>
    public static SupportRule RefusedIfNotDefault(string feature) =>
        new(FeatureSupport.Refused, feature, null, "set to anything but the default");

    /// <summary>Classifies one explicitly set value of <paramref name="item"/>.</summary>
    public (FeatureSupport Support, string? Feature) Classify(ConfigItem item, ConfigValue value)
    {
        bool isDefault = value.SameAs(item.Default, item.Type);
        if (Support == FeatureSupport.Refused)
        {
            bool refused = _refuseWhen is null ? !isDefault : _refuseWhen(value);
            if (refused) return (FeatureSupport.Refused, Feature);
        }
        if (item.Type == ConfigValueType.Enum)
        {
            var label = item.FindEnumValue(value.Integer);
            if (label is not null && label.Support != FeatureSupport.Implemented)
                return (label.Support, label.Feature);
        }
        if (Support == FeatureSupport.NotYetImplemented && !isDefault)
            return (FeatureSupport.NotYetImplemented, Feature);
        return (FeatureSupport.Implemented, null);
    }
}
