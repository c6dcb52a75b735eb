namespace Ptp4Net.Configuration;

// The checks and derived settings ptp4l applies after reading its configuration (ptp4l.c main, clock.c
// clock_create, config.c config_harmonize_onestep), so that the daemon refuses what ptp4l refuses.
public sealed partial class PtpConfig
{
    /// <summary>
    /// Errors ptp4l reports at start-up once the configuration is read (not counting refused features and
    /// missing interfaces): clock description strings, MAC addresses, one-step without hardware stamping,
    /// slaveOnly with !gmCapable, a boundary clock with fewer than two interfaces. Empty means fine.
    /// </summary>
    public IReadOnlyList<string> GetStartupErrors()
    {
        var errors = new List<string>();
        foreach (var key in (string[])["productDescription", "revisionData"])
        {
            var v = GetString(key) ?? "";
            if (v.Count(c => c == ';') != 2 || v.Length > (key == "productDescription" ? 64 : 32))
                errors.Add($"invalid {key} '{v}': expected three fields separated by ';' (for example \";;\")");
        }
        var user = GetString("userDescription") ?? "";
        if (user.Length > 128)
            errors.Add($"invalid userDescription '{user}': at most 128 characters");
        var oui = GetString("manufacturerIdentity") ?? "";
        if (!IsOctets(oui, 3))
            errors.Add($"invalid manufacturerIdentity '{oui}': expected three hexadecimal octets such as 00:00:00");

        foreach (var port in Interfaces.Count == 0 ? [null] : Interfaces.Cast<string?>())
        {
            foreach (var key in (string[])["ptp_dst_mac", "p2p_dst_mac"])
            {
                var mac = GetString(port, key) ?? "";
                if (!IsMac(mac))
                    errors.Add($"invalid {key} '{mac}'{(port is null ? "" : $" for {port}")}: expected six hexadecimal octets such as 01:1B:19:00:00:00");
            }
        }

        if (!GetBool("twoStepFlag"))
        {
            var ts = GetEnum<TimeStampingOption>("time_stamping");
            if (ts is TimeStampingOption.Software or TimeStampingOption.Legacy)
                errors.Add("one step is only possible with hardware time stamping (twoStepFlag 0 with time_stamping "
                    + GetEnumLabel(null, "time_stamping") + ")");
        }
        if (!GetBool("gmCapable") && GetBool("clientOnly"))
            errors.Add("Cannot mix 1588 clientOnly (slaveOnly) with 802.1AS !gmCapable.");

        var type = GetEnum<ClockTypeOption>("clock_type");
        if (type == ClockTypeOption.Boundary && Interfaces.Count < 2)
            errors.Add("BC needs at least two interfaces");
        if (type is ClockTypeOption.P2PTransparent or ClockTypeOption.E2ETransparent && Interfaces.Count < 2)
            errors.Add("TC needs at least two interfaces");
        return errors;
    }

    /// <summary>The clock type ptp4l runs: an ordinary clock with more than one interface is a boundary clock.</summary>
    public ClockTypeOption GetEffectiveClockType()
    {
        var type = GetEnum<ClockTypeOption>("clock_type");
        return type == ClockTypeOption.Ordinary && Interfaces.Count > 1 ? ClockTypeOption.Boundary : type;
    }

    /// <summary>The time stamping ptp4l runs: hardware with twoStepFlag 0 means one-step (config_harmonize_onestep);
    /// onestep and p2p1step imply twoStepFlag 0 (see <see cref="GetEffectiveTwoStepFlag"/>).</summary>
    public TimeStampingOption GetEffectiveTimeStamping()
    {
        var ts = GetEnum<TimeStampingOption>("time_stamping");
        return ts == TimeStampingOption.Hardware && !GetBool("twoStepFlag") ? TimeStampingOption.OneStep : ts;
    }

    /// <summary>twoStepFlag as ptp4l runs it: cleared by one-step time stamping.</summary>
    public bool GetEffectiveTwoStepFlag() =>
        GetBool("twoStepFlag") && GetEnum<TimeStampingOption>("time_stamping") is not (TimeStampingOption.OneStep or TimeStampingOption.P2P1Step);

    /// <summary>clockClass as ptp4l announces it: 255 for a client-only clock or one that is not gmCapable.</summary>
    public int GetEffectiveClockClass() =>
        GetBool("clientOnly") || !GetBool("gmCapable") ? 255 : GetInt("clockClass");

    private static bool IsOctets(string text, int count)
    {
        var parts = text.Split(':');
        if (parts.Length != count) return false;
        foreach (var p in parts)
            if (p.Length is 0 or > 2 || !p.All(Uri.IsHexDigit)) return false;
        return true;
    }
}
