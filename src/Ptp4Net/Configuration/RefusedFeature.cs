namespace Ptp4Net.Configuration;

/// <summary>
/// A setting that asks for a feature Ptp4Net does not have. The daemon prints <see cref="Message"/> and exits
/// non-zero rather than run something other than what the configuration asks for.
/// </summary>
/// <param name="Feature">The feature in words ("transparent clock", "unicast", "authentication ...").</param>
/// <param name="Key">The option, or "[unicast_master_table]" for a table section.</param>
/// <param name="Port">The interface section it was set in; null for the global section or command line.</param>
/// <param name="Value">The value as written.</param>
/// <param name="Origin">Where it was set.</param>
public sealed record RefusedFeature(string Feature, string Key, string? Port, string Value, SettingOrigin Origin)
{
    public string Message =>
        $"{Feature} is not supported by ptp4net: {Key} {Value}{(Port is null ? "" : $" in section [{Port}]")} {Origin}";

    public override string ToString() => Message;
}
