using System.Globalization;

namespace Ptp4Net.Phc.Providers;

public enum ProviderSelection
{
    Auto,
    Mac,
    Phy,
    Phc,
}
