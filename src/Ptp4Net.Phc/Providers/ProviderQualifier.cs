using System.Globalization;

namespace Ptp4Net.Phc.Providers;

/// <summary>enum hwtstamp_provider_qualifier (net_tstamp.h, 6.14).</summary>
public enum ProviderQualifier
{
    Precise = 0,
    Approx = 1,
}
