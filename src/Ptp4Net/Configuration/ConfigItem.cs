using System.Globalization;

namespace Ptp4Net.Configuration;

/// <summary>
/// One row of the option table (linuxptp config.c's struct config_item): name, scope, type, default and
/// range, plus our feature classification. Items are immutable; values set by files and the command line
/// live in <see cref="PtpConfig"/>.
/// </summary>
public sealed class ConfigItem
{
    internal ConfigItem(string name, ConfigScope scope, ConfigValueType type, ConfigValue @default,
        long minInteger, long maxInteger, double minReal, double maxReal,
        IReadOnlyList<ConfigEnumValue>? enumValues, SupportRule support)
    {
        Name = name;
        Scope = scope;
        Type = type;
        Default = @default;
        MinInteger = minInteger;
        MaxInteger = maxInteger;
        MinReal = minReal;
        MaxReal = maxReal;
        EnumValues = enumValues ?? [];
        Support = support;
    }

    /// <summary>The key, exactly as linuxptp spells it (case-sensitive, as in linuxptp).</summary>
    public string Name { get; }
    public ConfigScope Scope { get; }
    public ConfigValueType Type { get; }
    public ConfigValue Default { get; }

    /// <summary>Inclusive range for Int, UInt and Long items.</summary>
    public long MinInteger { get; }
    public long MaxInteger { get; }

    /// <summary>Inclusive range for Double items.</summary>
    public double MinReal { get; }
    public double MaxReal { get; }

    /// <summary>The accepted labels of an Enum item, in linuxptp's order; empty for other types.</summary>
    public IReadOnlyList<ConfigEnumValue> EnumValues { get; }

    public SupportRule Support { get; private init; }

    /// <summary>True for the keys Ptp4Net adds (linuxptp does not know them).</summary>
    public bool IsExtension { get; private init; }

    /// <summary>Extra check of a string value (e.g. hwts_provider's grammar): null if fine, else what is expected.</summary>
    public Func<string, string?>? Validator { get; private init; }

    /// <summary>A remark on where the row's facts come from when they are not config.c's table.</summary>
    public string? Note { get; private init; }

    internal ConfigItem AsExtension(Func<string, string?>? validator = null) =>
        new(this) { IsExtension = true, Validator = validator };

    internal ConfigItem WithNote(string note) => new(this) { Note = note };

    private ConfigItem(ConfigItem o)
        : this(o.Name, o.Scope, o.Type, o.Default, o.MinInteger, o.MaxInteger, o.MinReal, o.MaxReal, o.EnumValues, o.Support)
    {
        IsExtension = o.IsExtension;
        Validator = o.Validator;
        Note = o.Note;
    }

    public ConfigEnumValue? FindEnumValue(long value)
    {
        foreach (var e in EnumValues)
            if (e.Value == value) return e;
        return null;
    }

    public ConfigEnumValue? FindEnumLabel(string label)
    {
        foreach (var e in EnumValues)
            if (string.Equals(e.Label, label, StringComparison.OrdinalIgnoreCase)) return e;
        return null;
    }

    /// <summary>The accepted range or labels, in words, for error messages.</summary>
    public string DescribeDomain() => Type switch
    {
        ConfigValueType.Enum => "one of: " + string.Join(", ", EnumValues.Select(e => e.Label)),
        ConfigValueType.Double => string.Create(CultureInfo.InvariantCulture, $"a number in the range {MinReal:R} to {MaxReal:R}"),
        ConfigValueType.String => "a string",
        _ => string.Create(CultureInfo.InvariantCulture, $"an integer in the range {MinInteger} to {MaxInteger}"),
    };

    public override string ToString() => Name;
}
