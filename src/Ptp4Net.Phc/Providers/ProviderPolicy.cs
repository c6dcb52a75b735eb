using System.Globalization;

namespace Ptp4Net.Phc.Providers;

/// <summary>
/// Per-port choice of the hardware time-stamp provider (our config keys, linuxptp has none):
/// <list type="bullet">
/// <item><c>hwts_provider auto</c> (default): a MAC provider with the wanted qualifier if there is one, else a
/// PHY with it, else (only when nothing has it) whatever the kernel reports as active; the log names the
/// choice, the others and why.</item>
/// <item><c>hwts_provider mac</c> / <c>phy</c>: only that layer; no such provider is a set-up error.</item>
/// <item><c>hwts_provider phc:N</c>: the provider whose PHC is /dev/ptpN.</item>
/// <item><c>hwts_qualifier precise|approx</c> (default precise): IEEE 1588 quality stamps, or approximate
/// ones (e.g. DMA time). A provider whose qualifier differs is never picked silently.</item>
/// </list>
/// </summary>
public sealed record ProviderPolicy
{
    public static ProviderPolicy Auto { get; } = new();

    public ProviderSelection Selection { get; init; } = ProviderSelection.Auto;
    /// <summary>The PHC index for <see cref="ProviderSelection.Phc"/>.</summary>
    public int PhcIndex { get; init; } = -1;
    public ProviderQualifier Qualifier { get; init; } = ProviderQualifier.Precise;

    /// <summary>Parses hwts_provider's value: auto | mac | phy | phc:N.</summary>
    public static bool TryParseProvider(string s, out ProviderSelection selection, out int phcIndex)
    {
        phcIndex = -1;
        switch (s)
        {
            case "auto": selection = ProviderSelection.Auto; return true;
            case "mac": selection = ProviderSelection.Mac; return true;
            case "phy": selection = ProviderSelection.Phy; return true;
        }
        selection = ProviderSelection.Phc;
        return s.StartsWith("phc:", StringComparison.Ordinal)
            && int.TryParse(s.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out phcIndex);
    }

    /// <summary>Parses hwts_qualifier's value: precise | approx.</summary>
    public static bool TryParseQualifier(string s, out ProviderQualifier q)
    {
        switch (s)
        {
            case "precise": q = ProviderQualifier.Precise; return true;
            case "approx": q = ProviderQualifier.Approx; return true;
            default: q = default; return false;
        }
    }

    public override string ToString() =>
        (Selection == ProviderSelection.Phc ? $"phc:{PhcIndex}" : Selection.ToString().ToLowerInvariant())
        + " " + Qualifier.ToString().ToLowerInvariant();
}
