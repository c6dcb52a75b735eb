namespace Ptp4Net.Configuration;

/// <summary>
/// An option set to a non-default value that Ptp4Net accepts but does not act upon yet. One per key, however
/// many sections set it, so that the daemon prints one warning per key.
/// </summary>
/// <param name="Key">The option.</param>
/// <param name="Values">Each place it is set: the section (null for global) and the value as written.</param>
/// <param name="Feature">For an enum label that is not implemented, the feature in words; else null.</param>
public sealed record NotImplementedSetting(string Key, IReadOnlyList<(string? Port, string Value, SettingOrigin Origin)> Values,
    string? Feature)
{
    public string Message
    {
        get
        {
            var places = string.Join("; ", Values.Select(v =>
                $"{v.Value}{(v.Port is null ? "" : $" in section [{v.Port}]")} {v.Origin}"));
            var what = Feature is null ? $"option {Key} is not implemented yet" : $"option {Key}: {Feature} is not implemented yet";
            return $"{what}; the setting is ignored ({places})";
        }
    }

    public override string ToString() => Message;
}
