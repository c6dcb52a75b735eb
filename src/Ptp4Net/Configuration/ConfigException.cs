namespace Ptp4Net.Configuration;

/// <summary>
/// A configuration error (unknown option, bad or out-of-range value, malformed line), raised only at
/// set-up. The message is complete and ready to print: it names the option, the value, and where it came
/// from ("at line 3 in file x.cfg" or "on the command line").
/// </summary>
public sealed class ConfigException : Exception
{
    public ConfigException(string message, string? fileName = null, int lineNumber = 0, string? key = null)
        : base(message)
    {
        FileName = fileName;
        LineNumber = lineNumber;
        Key = key;
    }

    public ConfigException()
    {
    }

    public ConfigException(string message) : base(message)
    {
    }

    public ConfigException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>The config file, or null when the error is on the command line.</summary>
    public string? FileName { get; }

    /// <summary>1-based line number in <see cref="FileName"/>; 0 when not from a file.</summary>
    public int LineNumber { get; }

    /// <summary>The option concerned, when there is one.</summary>
    public string? Key { get; }
}
