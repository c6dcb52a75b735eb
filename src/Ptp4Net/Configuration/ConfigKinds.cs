namespace Ptp4Net.Configuration;

/// <summary>Where an option may be set: linuxptp's GLOB_ITEM_* (global section or command line only) and
/// PORT_ITEM_* (also in an interface section, overriding the global value for that port).</summary>
public enum ConfigScope
{
    Global,
    Port,
}

/// <summary>Value types of the option table. The first five are linuxptp's CFG_TYPE_*; <see cref="Long"/>
/// exists only for our own keys that need more than 32 bits (nanosecond offsets).</summary>
public enum ConfigValueType
{
    Int,
    UInt,
    Double,
    Enum,
    String,
    Long,
}

/// <summary>How far Ptp4Net supports an option (or one value of an enum option).</summary>
public enum FeatureSupport
{
    /// <summary>Accepted and acted upon.</summary>
    Implemented,

    /// <summary>Accepted and ignored; the daemon warns once, naming the key, when a non-default value is set.</summary>
    NotYetImplemented,

    /// <summary>A feature we do not have (transparent clock, unicast, authentication, ...): the daemon
    /// refuses to start rather than silently run something other than what the file asks for.</summary>
    Refused,
}
