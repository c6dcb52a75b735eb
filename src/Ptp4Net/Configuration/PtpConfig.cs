namespace Ptp4Net.Configuration;

/// <summary>
/// A ptp4l configuration: the values set by the command line and config files over the defaults of
/// <see cref="ConfigTable"/>, the interfaces in order, and the unicast master tables. Mirrors linuxptp's
/// struct config: a value set on the command line is locked against the file's [global] section, and an
/// interface section overrides the global value for that port (even a locked one, as in ptp4l).
/// Built at set-up by <see cref="Ptp4lCommandLine"/> or directly; not thread-safe; read-only afterwards by convention.
/// </summary>
public sealed partial class PtpConfig
{
    private readonly Dictionary<string, Setting> _global = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, Setting>> _ports = new(StringComparer.Ordinal);
    private readonly List<string> _interfaces = [];
    private readonly List<UnicastMasterTable> _tables = [];
    private readonly List<string> _notices = [];

    private readonly record struct Setting(ConfigValue Value, string Written, SettingOrigin Origin, bool Locked);

    /// <summary>Interfaces (ports) in order: those given with -i first, then those declared by interface
    /// sections of the config file, each once.</summary>
    public IReadOnlyList<string> Interfaces => _interfaces;

    /// <summary>The [unicast_master_table] sections, in file order.</summary>
    public IReadOnlyList<UnicastMasterTable> UnicastMasterTables => _tables;

    /// <summary>Messages the daemon should print once at start-up (deprecated option names).</summary>
    public IReadOnlyList<string> Notices => _notices;

    /// <summary>Declares an interface (ptp4l's config_create_interface): added once, in order.</summary>
    /// <returns>False if it was already declared.</returns>
    public bool AddInterface(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (_interfaces.Contains(name, StringComparer.Ordinal)) return false;
        _interfaces.Add(name);
        return true;
    }

    // ---- typed accessors (linuxptp config_get_*); port null = global. A wrong key or type is a bug. ----

    /// <summary>The value for <paramref name="port"/>: its own section's value, else the global value, else the default.</summary>
    public ConfigValue GetValue(string? port, string key)
    {
        var item = ConfigTable.Get(key);
        return Lookup(port, item).Value;
    }

    /// <summary>Int or Enum items (an enum as its C# enum value), as config_get_int.</summary>
    public int GetInt(string key) => GetInt(null, key);

    public int GetInt(string? port, string key)
    {
        var item = Typed(key, ConfigValueType.Int, ConfigValueType.Enum);
        return checked((int)Lookup(port, item).Value.Integer);
    }

    public uint GetUInt(string key) => GetUInt(null, key);

    public uint GetUInt(string? port, string key) =>
        checked((uint)Lookup(port, Typed(key, ConfigValueType.UInt)).Value.Integer);

    /// <summary>Long items (ours), also Int and UInt items widened.</summary>
    public long GetLong(string key) => GetLong(null, key);

    public long GetLong(string? port, string key) =>
        Lookup(port, Typed(key, ConfigValueType.Long, ConfigValueType.Int, ConfigValueType.UInt)).Value.Integer;

    public double GetDouble(string key) => GetDouble(null, key);

    public double GetDouble(string? port, string key) => Lookup(port, Typed(key, ConfigValueType.Double)).Value.Real;

    /// <summary>String items; null for an unset item whose default is linuxptp's NULL (sa_file, leapfile, message_tag).</summary>
    public string? GetString(string key) => GetString(null, key);

    public string? GetString(string? port, string key) => Lookup(port, Typed(key, ConfigValueType.String)).Value.Text;

    public bool GetBool(string key) => GetInt(null, key) != 0;

    public bool GetBool(string? port, string key) => GetInt(port, key) != 0;

    /// <summary>An enum item as its C# enum (OptionEnums.cs), e.g. <c>GetEnum&lt;DelayMechanismOption&gt;("eth0", "delay_mechanism")</c>.</summary>
    public T GetEnum<T>(string key) where T : struct, Enum => GetEnum<T>(null, key);

    public T GetEnum<T>(string? port, string key) where T : struct, Enum
    {
        var item = Typed(key, ConfigValueType.Enum);
        return (T)Enum.ToObject(typeof(T), Lookup(port, item).Value.Integer);
    }

    /// <summary>An enum item's canonical label as linuxptp spells it ("E2E", "UDPv4").</summary>
    public string GetEnumLabel(string? port, string key) =>
        Lookup(port, Typed(key, ConfigValueType.Enum)).Value.Text!;

    /// <summary>True if the command line, the [global] section or (for a port) the port's section set the key.</summary>
    public bool IsSet(string? port, string key) => Find(port, ConfigTable.Get(key)) is not null;

    /// <summary>Where the effective value for <paramref name="port"/> was set; null if it is the default.</summary>
    public SettingOrigin? GetOrigin(string? port, string key) => Find(port, ConfigTable.Get(key))?.Origin;

    // ---- setters ----

    /// <summary>
    /// Sets a global value from the command line (ptp4l's --KEY VALUE and the short flags): parsed and
    /// range-checked like a file value, then locked so that the file's [global] section cannot change it.
    /// Deprecated names are mapped (slaveOnly to clientOnly ...). Throws <see cref="ConfigException"/>.
    /// </summary>
    public void SetFromCommandLine(string key, string value) =>
        Apply(null, key, value, SettingOrigin.CommandLine, commandLine: true);

    /// <summary>Sets a value as a config file line would, in [global] (<paramref name="port"/> null) or in an
    /// interface section (which also declares the interface). Throws <see cref="ConfigException"/>.</summary>
    public void Set(string? port, string key, string value, SettingOrigin origin = default)
    {
        if (port is not null) AddInterface(port);
        Apply(port, key, value, origin, commandLine: false);
    }

    private void Apply(string? port, string key, string value, SettingOrigin origin, bool commandLine)
    {
        if (ConfigTable.DeprecatedNames.TryGetValue(key, out var replacement))
        {
            _notices.Add($"option {key} is deprecated, please use {replacement} instead ({origin})");
            key = replacement;
        }
        var item = ConfigTable.Find(key)
            ?? throw new ConfigException($"unknown option {key} {origin}", origin.FileName, origin.LineNumber, key);

        var status = ParseValue(item, value, out var parsed);
        if (status != ValueParseStatus.Ok)
            throw new ConfigException(DescribeBadValue(item, value, status, origin), origin.FileName, origin.LineNumber, key);

        if (port is not null)
        {
            if (item.Scope != ConfigScope.Port)
                throw new ConfigException(
                    $"option {key} {origin} is a global option and cannot be set in the interface section [{port}]",
                    origin.FileName, origin.LineNumber, key);
            if (!_ports.TryGetValue(port, out var section))
                _ports[port] = section = new Dictionary<string, Setting>(StringComparer.Ordinal);
            section[key] = new Setting(parsed, value, origin, Locked: false);
            return;
        }
        if (!commandLine && _global.TryGetValue(key, out var existing) && existing.Locked)
            return; // ptp4l: a command-line value wins over the file's [global] section
        _global[key] = new Setting(parsed, value, origin, Locked: commandLine);
    }

    internal static ValueParseStatus ParseValue(ConfigItem item, string text, out ConfigValue value)
    {
        value = default;
        // config.c parse_fault_interval: "ASAP" for the two fault intervals, case-insensitively.
        if (string.Equals(text, "ASAP", StringComparison.OrdinalIgnoreCase))
        {
            if (item.Name == "fault_reset_interval")
            {
                value = ConfigValue.FromInteger(ConfigTable.FaultResetIntervalAsap);
                return ValueParseStatus.Ok;
            }
            if (item.Name == "fault_badpeernet_interval")
            {
                value = ConfigValue.FromInteger(0);
                return ValueParseStatus.Ok;
            }
        }
        switch (item.Type)
        {
            case ConfigValueType.Int:
            case ConfigValueType.UInt:
            case ConfigValueType.Long:
            {
                var s = CNumber.ParseInteger(text, item.Type == ConfigValueType.UInt, item.MinInteger, item.MaxInteger, out long v);
                value = ConfigValue.FromInteger(v);
                return s;
            }
            case ConfigValueType.Double:
            {
                var s = CNumber.ParseDouble(text, item.MinReal, item.MaxReal, out double d);
                value = ConfigValue.FromReal(d);
                return s;
            }
            case ConfigValueType.Enum:
            {
                var label = item.FindEnumLabel(text);
                if (label is null) return ValueParseStatus.BadValue;
                value = ConfigValue.FromEnum(label);
                return ValueParseStatus.Ok;
            }
            default:
                if (item.Validator?.Invoke(text) is not null) return ValueParseStatus.BadValue;
                value = ConfigValue.FromText(text);
                return ValueParseStatus.Ok;
        }
    }

    private static string DescribeBadValue(ConfigItem item, string value, ValueParseStatus status, SettingOrigin origin)
    {
        string expected = item.Type == ConfigValueType.String && item.Validator is not null
            ? item.Validator(value) ?? "a string"
            : item.DescribeDomain();
        string kind = status switch
        {
            ValueParseStatus.Malformed => "a malformed value",
            ValueParseStatus.OutOfRange => "an out of range value",
            _ => "a bad value",
        };
        return $"{value} is {kind} for option {item.Name} {origin} (expected {expected})";
    }

    private Setting? Find(string? port, ConfigItem item)
    {
        if (port is not null && _ports.TryGetValue(port, out var section) && section.TryGetValue(item.Name, out var s))
            return s;
        return _global.TryGetValue(item.Name, out var g) ? g : null;
    }

    private Setting Lookup(string? port, ConfigItem item) =>
        Find(port, item) ?? new Setting(item.Default, item.Default.Format(item.Type), default, false);

    private static ConfigItem Typed(string key, params ConfigValueType[] types)
    {
        var item = ConfigTable.Get(key);
        if (Array.IndexOf(types, item.Type) < 0)
            throw new InvalidOperationException($"bug: config option {key} is of type {item.Type}, not {string.Join(" or ", types)}");
        return item;
    }
}
