namespace Ptp4Net.Configuration;

// The values of linuxptp's enum options (config.c's *_enu tables), as C# enums. The labels, spelled as
// linuxptp spells them and compared case-insensitively as linuxptp does, live in ConfigTable.

/// <summary>clock_servo</summary>
public enum ClockServoOption { Pi, Linreg, Ntpshm, Nullf, RefclockSock }

/// <summary>clock_type: OC, BC, P2P_TC, E2E_TC.</summary>
public enum ClockTypeOption { Ordinary, Boundary, P2PTransparent, E2ETransparent }

/// <summary>dataset_comparison: ieee1588 or G.8275.x.</summary>
public enum DatasetComparisonOption { Ieee1588, G8275 }

/// <summary>delay_filter</summary>
public enum DelayFilterOption { MovingAverage, MovingMedian }

/// <summary>delay_mechanism: Auto, COMMON_P2P (CMLDS), E2E, P2P, NONE.</summary>
public enum DelayMechanismOption { Auto, CommonP2P, E2E, P2P, None }

/// <summary>ts2phc.extts_polarity</summary>
public enum ExttsPolarityOption { Rising, Falling, Both }

/// <summary>hwts_filter</summary>
public enum HwtsFilterOption { Normal, Check, Full }

/// <summary>power_profile.version (IEEE C37.238)</summary>
public enum PowerProfileVersionOption { None, V2011, V2017 }

/// <summary>network_transport</summary>
public enum NetworkTransportOption { L2, UDPv4, UDPv6 }

/// <summary>time_stamping</summary>
public enum TimeStampingOption { Hardware, Software, Legacy, OneStep, P2P1Step }

/// <summary>tsproc_mode</summary>
public enum TsprocModeOption { Filter, Raw, FilterWeight, RawWeight }

/// <summary>asCapable</summary>
public enum AsCapableOption { True, Auto }

/// <summary>BMCA</summary>
public enum BmcaOption { Ptp, Noop }

/// <summary>hwts_qualifier (ours): which hardware timestamp provider quality a port asks for.</summary>
public enum HwtsQualifierOption { Precise, Approx }
