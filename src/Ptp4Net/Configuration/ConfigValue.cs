using System.Globalization;

namespace Ptp4Net.Configuration;

/// <summary>
/// A parsed option value. Int, UInt, Long and Enum values are in <see cref="Integer"/> (an enum also keeps
/// its canonical label in <see cref="Text"/>), Double in <see cref="Real"/>, String in <see cref="Text"/>
/// (null for linuxptp's NULL defaults such as sa_file).
/// </summary>
public readonly record struct ConfigValue(long Integer, double Real, string? Text)
{
    public static ConfigValue FromInteger(long value) => new(value, 0, null);
    public static ConfigValue FromReal(double value) => new(0, value, null);
    public static ConfigValue FromText(string? value) => new(0, 0, value);
    public static ConfigValue FromEnum(ConfigEnumValue value) => new(value.Value, 0, value.Label);

    /// <summary>The value as linuxptp would print it in a config file.</summary>
    public string Format(ConfigValueType type) => type switch
    {
        ConfigValueType.Double => Real.ToString("R", CultureInfo.InvariantCulture),
        ConfigValueType.String => Text ?? "(none)",
        ConfigValueType.Enum => Text ?? Integer.ToString(CultureInfo.InvariantCulture),
        _ => Integer.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Same value for the given type (ignores the fields the type does not use).</summary>
    public bool SameAs(ConfigValue other, ConfigValueType type) => type switch
    {
        ConfigValueType.Double => Real.Equals(other.Real),
        ConfigValueType.String => string.Equals(Text, other.Text, StringComparison.Ordinal),
        _ => Integer == other.Integer,
    };
}
