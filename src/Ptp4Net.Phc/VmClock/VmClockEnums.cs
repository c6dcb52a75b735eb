namespace Ptp4Net.Phc.VmClock;

/// <summary>vmclock_abi counter_id: the CPU counter the page's calibration refers to.</summary>
public enum VmClockCounterId : byte
{
    ArmVcnt = 0,
    X86Tsc = 1,
    Invalid = 0xFF,
}

/// <summary>vmclock_abi time_type: the timescale of time_sec/time_frac_sec.</summary>
public enum VmClockTimeType : byte
{
    Utc = 0,
    Tai = 1,
    Monotonic = 2,
    /// <summary>Smeared UTC variants: never used by the shared-page device (a page's time is never smeared).</summary>
    SmearedUtc3 = 3,
    SmearedUtc4 = 4,
}

/// <summary>vmclock_abi clock_status.</summary>
public enum VmClockStatus : byte
{
    Unknown = 0,
    Initializing = 1,
    Synchronized = 2,
    FreeRunning = 3,
    Unreliable = 4,
}

/// <summary>vmclock_abi leap_indicator (virtio-rtc VIRTIO_RTC_LEAP_* values).</summary>
public enum VmClockLeapIndicator : byte
{
    None = 0,
    /// <summary>A positive leap second at the end of the current month (UTC).</summary>
    PrePositive = 1,
    /// <summary>A negative leap second at the end of the current month (UTC).</summary>
    PreNegative = 2,
    /// <summary>Set during the 23:59:60 second itself.</summary>
    Positive = 3,
    /// <summary>Shortly after a positive leap second.</summary>
    PostPositive = 4,
    /// <summary>Shortly after a negative leap second.</summary>
    PostNegative = 5,
}

/// <summary>vmclock_abi flags (u64).</summary>
[Flags]
public enum VmClockFlags : ulong
{
    None = 0,
    TaiOffsetValid = 1UL << 0,
    DisruptionSoon = 1UL << 1,
    DisruptionImminent = 1UL << 2,
    PeriodEstErrorValid = 1UL << 3,
    PeriodMaxErrorValid = 1UL << 4,
    TimeEstErrorValid = 1UL << 5,
    TimeMaxErrorValid = 1UL << 6,
    TimeMonotonic = 1UL << 7,
    VmGenerationCounterPresent = 1UL << 8,
}

/// <summary>Why a vmclock page was not accepted (each reason distinct, for counting and messages).</summary>
public enum VmClockError
{
    None = 0,
    /// <summary>Fewer bytes than the version-1 structure up to time_maxerror_nanosec (104).</summary>
    TooShort,
    /// <summary>magic is not 0x4B4C4356 ("VCLK").</summary>
    BadMagic,
    /// <summary>version is not 1.</summary>
    UnsupportedVersion,
    /// <summary>The size field is smaller than the structure it must hold.</summary>
    BadSize,
    /// <summary>seq_count is odd: the hypervisor is updating the page.</summary>
    UpdateInProgress,
    /// <summary>The sequence counter never settled within the retry bound (a torn read each time).</summary>
    NoConsistentSnapshot,
    /// <summary>The reader failed (I/O error, short read).</summary>
    ReadFailed,
    /// <summary>counter_id is invalid (0xFF) or the counter period is zero: no counter-to-time relation.</summary>
    NoCounterRelation,
}
