namespace Ptp4Net.Configuration;

/// <summary>One label of an enum option (linuxptp's struct config_enum) and how far we support it. Labels
/// are matched case-insensitively, as linuxptp's strcasecmp does.</summary>
/// <param name="Label">The label as linuxptp spells it ("E2E_TC", "moving_median").</param>
/// <param name="Value">The value of the matching C# enum (OptionEnums.cs).</param>
/// <param name="Support">Support of this value; a refused value refuses the whole configuration.</param>
/// <param name="Feature">For values not implemented or refused: the feature, in words, for the message.</param>
public sealed record ConfigEnumValue(string Label, int Value, FeatureSupport Support = FeatureSupport.Implemented,
    string? Feature = null);
