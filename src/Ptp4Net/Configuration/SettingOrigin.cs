namespace Ptp4Net.Configuration;

/// <summary>Where a value was set: a line of a config file, or the command line (<see cref="FileName"/> null).</summary>
public readonly record struct SettingOrigin(string? FileName, int LineNumber)
{
    public static SettingOrigin CommandLine => default;

    public bool IsCommandLine => FileName is null;

    public override string ToString() =>
        FileName is null ? "on the command line" : $"at line {LineNumber} in file {FileName}";
}
