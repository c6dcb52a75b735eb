using Ptp4Net.Bmca;
using Ptp4Net.Configuration;
using Ptp4Net.DataSets;
using Ptp4Net.Engine;
using TimeStampingMode = Ptp4Net.Phc.Transport.TimeStampingMode;
using Ptp4Net.Identity;
using Ptp4Net.Phc.Clocks;
using Ptp4Net.Phc.Providers;
using Ptp4Net.Phc.Transport;
using Ptp4Net.Servo;

namespace Ptp4Net.Host.Daemon;

/// <summary>
/// linuxptp's configuration (as read by <see cref="Ptp4lCommandLine"/>) to the daemon's options: the engine's
/// <see cref="ClockOptions"/> ([global]) and one <see cref="PortOptions"/> + <see cref="TransportOptions"/> per
/// interface (interface sections override [global] per port, as ptp4l's config_get_* with a port name), the
/// servo's <see cref="ServoOptions"/>, the emulated clock, logging and management addresses. Pure: no I/O.
/// </summary>
public static class DaemonConfigMapper
{
    /// <summary>
    /// Maps a parsed invocation. Refused features, start-up errors and inconsistent combinations come back as
    /// <paramref name="errors"/> (each a complete message) and a null result; the daemon prints them and exits
    /// non-zero. Not-implemented keys become one warning each in <see cref="DaemonSettings.Warnings"/>.
    /// </summary>
    public static DaemonSettings? Map(Ptp4lInvocation invocation, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var c = invocation.Config;
        var errs = new List<string>();
        foreach (var r in c.GetRefusedFeatures()) errs.Add(r.Message);
        errs.AddRange(c.GetStartupErrors());

        var ts = c.GetEffectiveTimeStamping() switch
        {
            TimeStampingOption.Software => TimeStampingMode.Software,
            TimeStampingOption.Legacy => TimeStampingMode.Legacy,
            TimeStampingOption.OneStep => TimeStampingMode.OneStep,
            TimeStampingOption.P2P1Step => TimeStampingMode.P2pOneStep,
            _ => TimeStampingMode.Hardware,
        };
        bool emulated = c.GetBool("emulated_clock");
        if (emulated && ts != TimeStampingMode.Software)
            errs.Add("emulated_clock 1 needs time_stamping software (the emulated clock maps kernel software time stamps into its time base)");

        var warnings = new List<string>(c.Notices);
        foreach (var n in c.GetNotImplementedSettings()) warnings.Add(n.Message);

        var ports = new List<PortOptions>();
        var transports = new List<TransportOptions>();
        foreach (var name in c.Interfaces)
        {
            ports.Add(MapPort(c, name) with { TimeStamping = EngineStamping(ts) });
            try
            {
                transports.Add(MapTransport(c, name, ts));
            }
            catch (ArgumentException e)
            {
                errs.Add(e.Message);
            }
        }

        ServoOptions servo;
        try
        {
            servo = MapServo(c, ts);
            servo.Validate();
        }
        catch (ArgumentException e)
        {
            errs.Add(e.Message);
            servo = new ServoOptions();
        }

        int phc = -1;
        if (invocation.PhcDevice is not null)
        {
            if (!invocation.TryGetPhcIndex(out phc))
                errs.Add($"bad ptp device string {invocation.PhcDevice}");
        }
        else if (c.Interfaces.Count > 0)
        {
            phc = c.GetInt(c.Interfaces[0], "phc_index");
        }

        // Our accuracy options (config/README.md) on top of linuxptp's keys. A clock on CLOCK_REALTIME (software
        // stamps, or the emulated clock built on it) keeps UTC: as ptp4l, it announces the arbitrary timescale.
        var clock = MapClock(c, servo) with { UtcTimescale = ts == TimeStampingMode.Software || emulated };
        try
        {
            clock = AccuracyOptions.Apply(clock, c);
            servo = clock.Servo ?? servo;
        }
        catch (ArgumentException e)
        {
            errs.Add(e.Message);
        }

        errors = errs;
        if (errs.Count > 0) return null;

        return new DaemonSettings
        {
            Interfaces = c.Interfaces.ToArray(),
            Clock = clock,
            Ports = ports,
            Transports = transports,
            Servo = servo,
            Emulated = new EmulatedClockOptions
            {
                EmulatedClock = emulated,
                EmulatedClockOffsetNs = c.GetLong("emulated_clock_offset_ns"),
                EmulatedClockFreqPpb = (long)Math.Round(c.GetDouble("emulated_clock_freq_ppb")),
            },
            TimeStamping = ts,
            FreeRunning = c.GetBool("free_running"),
            SummaryInterval = c.GetInt("summary_interval"),
            PhcIndex = phc,
            UdsAddress = c.GetString("uds_address") ?? "/var/run/ptp4l",
            UdsRoAddress = c.GetString("uds_ro_address") ?? "/var/run/ptp4lro",
            Verbose = invocation.PrintToStdout,
            UseSyslog = invocation.UseSyslog,
            LoggingLevel = invocation.LoggingLevel,
            Warnings = warnings,
        };
    }

    /// <summary>The engine's copy of time_stamping (it only reports it in PORT_PROPERTIES_NP).</summary>
    public static Ptp4Net.Engine.TimeStampingMode EngineStamping(TimeStampingMode ts) => ts switch
    {
        TimeStampingMode.Software => Ptp4Net.Engine.TimeStampingMode.Software,
        TimeStampingMode.Legacy => Ptp4Net.Engine.TimeStampingMode.LegacyHardware,
        TimeStampingMode.OneStep => Ptp4Net.Engine.TimeStampingMode.OneStep,
        TimeStampingMode.P2pOneStep => Ptp4Net.Engine.TimeStampingMode.P2P1Step,
        _ => Ptp4Net.Engine.TimeStampingMode.Hardware,
    };

    /// <summary>[global] keys of the clock (clock.c clock_create).</summary>
    public static ClockOptions MapClock(PtpConfig c, ServoOptions servo)
    {
        bool clientOnly = c.GetBool("clientOnly");
        return new ClockOptions
        {
            Priority1 = (byte)c.GetInt("priority1"),
            Priority2 = (byte)c.GetInt("priority2"),
            DomainNumber = (byte)c.GetInt("domainNumber"),
            ClockClass = (byte)c.GetEffectiveClockClass(),
            ClockAccuracy = (ClockAccuracy)(byte)c.GetInt("clockAccuracy"),
            OffsetScaledLogVariance = (ushort)c.GetInt("offsetScaledLogVariance"),
            SlaveOnly = clientOnly,
            TwoStepFlag = c.GetEffectiveTwoStepFlag(),
            FreeRunning = c.GetBool("free_running"),
            DatasetComparison = c.GetEnum<DatasetComparisonOption>("dataset_comparison") == DatasetComparisonOption.G8275
                ? DatasetComparisonKind.G8275x : DatasetComparisonKind.Ieee1588,
            LocalPriority = (byte)c.GetInt("G.8275.defaultDS.localPriority"),
            UtcOffset = (short)Math.Min(c.GetInt("utc_offset"), short.MaxValue),
            TimeSource = (byte)c.GetInt("timeSource"),
            PathTraceEnabled = c.Interfaces.Count > 0 && c.GetBool(c.Interfaces[0], "path_trace_enabled"),
            MaxStepsRemoved = (ushort)c.GetInt("maxStepsRemoved"),
            GmCapable = c.GetBool("gmCapable"),
            Servo = servo,
        };
    }

    /// <summary>Per-port keys (port.c port_open), the interface section overriding [global].</summary>
    public static PortOptions MapPort(PtpConfig c, string port) => new()
    {
        Name = port,
        LogAnnounceInterval = (sbyte)c.GetInt(port, "logAnnounceInterval"),
        AnnounceReceiptTimeout = (byte)c.GetInt(port, "announceReceiptTimeout"),
        LogSyncInterval = (sbyte)c.GetInt(port, "logSyncInterval"),
        SyncReceiptTimeout = (byte)c.GetInt(port, "syncReceiptTimeout"),
        LogMinDelayReqInterval = (sbyte)c.GetInt(port, "logMinDelayReqInterval"),
        LogMinPdelayReqInterval = (sbyte)c.GetInt(port, "logMinPdelayReqInterval"),
        DelayMechanism = c.GetEnum<DelayMechanismOption>(port, "delay_mechanism") switch
        {
            DelayMechanismOption.P2P => DelayMechanism.P2P,
            DelayMechanismOption.Auto => DelayMechanism.Auto,
            DelayMechanismOption.None => DelayMechanism.NoMechanism,
            _ => DelayMechanism.E2E,
        },
        DelayAsymmetryNs = c.GetInt(port, "delayAsymmetry"),
        NeighborPropDelayThreshNs = c.GetInt(port, "neighborPropDelayThresh"),
        MinNeighborPropDelayNs = c.GetInt(port, "min_neighbor_prop_delay"),
        AsCapableAlways = c.GetEnum<AsCapableOption>(port, "asCapable") == AsCapableOption.True,
        MasterOnly = c.GetBool(port, "serverOnly"),
        LocalPriority = (byte)c.GetInt(port, "G.8275.portDS.localPriority"),
        DelayFilter = c.GetEnum<DelayFilterOption>(port, "delay_filter") == DelayFilterOption.MovingAverage
            ? DelayFilterKind.MovingAverage : DelayFilterKind.MovingMedian,
        DelayFilterLength = c.GetInt(port, "delay_filter_length"),
        FaultResetInterval = (sbyte)c.GetInt(port, "fault_reset_interval"),
        IngressLatencyNs = c.GetInt(port, "ingressLatency"),
        EgressLatencyNs = c.GetInt(port, "egressLatency"),
        TransportSpecific = (byte)c.GetInt(port, "transportSpecific"),
        AllowedLostResponses = c.GetInt(port, "allowedLostResponses"),
    };

    /// <summary>Transport keys of a port (transport.c, udp.c, raw.c, sk.c). Throws <see cref="ArgumentException"/>
    /// with the key's name on a value the Linux layer cannot use.</summary>
    public static TransportOptions MapTransport(PtpConfig c, string port, TimeStampingMode ts)
    {
        if (!MacAddress.TryParse(c.GetString(port, "ptp_dst_mac") ?? "", out var ptpMac))
            throw new ArgumentException($"invalid ptp_dst_mac for {port}");
        if (!MacAddress.TryParse(c.GetString(port, "p2p_dst_mac") ?? "", out var p2pMac))
            throw new ArgumentException($"invalid p2p_dst_mac for {port}");
        string providerText = c.GetString(port, "hwts_provider") ?? "auto";
        if (!ProviderPolicy.TryParseProvider(providerText, out var selection, out int providerPhc))
            throw new ArgumentException($"invalid hwts_provider {providerText} for {port}: expected auto, mac, phy or phc:N");
        var provider = new ProviderPolicy
        {
            Selection = selection,
            PhcIndex = providerPhc,
            Qualifier = c.GetEnum<HwtsQualifierOption>(port, "hwts_qualifier") == HwtsQualifierOption.Approx
                ? ProviderQualifier.Approx : ProviderQualifier.Precise,
        };
        var o = new TransportOptions
        {
            NetworkTransport = c.GetEnum<NetworkTransportOption>(port, "network_transport") switch
            {
                NetworkTransportOption.L2 => NetworkTransport.L2,
                NetworkTransportOption.UDPv6 => NetworkTransport.UdpV6,
                _ => NetworkTransport.UdpV4,
            },
            TimeStamping = ts,
            UdpTtl = c.GetInt(port, "udp_ttl"),
            DscpEvent = c.GetInt("dscp_event"),
            DscpGeneral = c.GetInt("dscp_general"),
            Udp6Scope = c.GetInt(port, "udp6_scope"),
            PtpDstMac = ptpMac,
            P2pDstMac = p2pMac,
            TxTimestampTimeoutMs = c.GetInt("tx_timestamp_timeout"),
            HwtsFilter = c.GetEnum<HwtsFilterOption>("hwts_filter") switch
            {
                HwtsFilterOption.Check => HwtsFilterMode.Check,
                HwtsFilterOption.Full => HwtsFilterMode.Full,
                _ => HwtsFilterMode.Normal,
            },
            Provider = provider,
        };
        o.Validate();
        return o;
    }

    /// <summary>Servo keys ([global]; servo.c, pi.c, linreg.c).</summary>
    public static ServoOptions MapServo(PtpConfig c, TimeStampingMode ts) => new()
    {
        ClockServo = c.GetEnum<ClockServoOption>("clock_servo") == ClockServoOption.Linreg ? ServoType.LinReg : ServoType.Pi,
        PiProportionalConst = c.GetDouble("pi_proportional_const"),
        PiIntegralConst = c.GetDouble("pi_integral_const"),
        PiProportionalScale = c.GetDouble("pi_proportional_scale"),
        PiProportionalExponent = c.GetDouble("pi_proportional_exponent"),
        PiProportionalNormMax = c.GetDouble("pi_proportional_norm_max"),
        PiIntegralScale = c.GetDouble("pi_integral_scale"),
        PiIntegralExponent = c.GetDouble("pi_integral_exponent"),
        PiIntegralNormMax = c.GetDouble("pi_integral_norm_max"),
        StepThreshold = c.GetDouble("step_threshold"),
        FirstStepThreshold = c.GetDouble("first_step_threshold"),
        MaxFrequency = c.GetInt("max_frequency"),
        SanityFreqLimit = c.GetInt("sanity_freq_limit"),
        ServoOffsetThreshold = c.GetInt("servo_offset_threshold"),
        ServoNumOffsetValues = c.GetInt("servo_num_offset_values"),
        StepWindow = c.GetInt("step_window"),
        SoftwareTimestamping = ts == TimeStampingMode.Software,
    };
}
