using System.Text;

namespace Ptp4Net.Phc.Providers;

/// <summary>The provider a policy picked, the others and why each was not taken.</summary>
public sealed record ProviderDecision(TimestampingInfo? Chosen, string Reason, IReadOnlyList<(TimestampingInfo Provider, string WhyNot)> Others)
{
    public bool Succeeded => Chosen is not null;

    /// <summary>The log text: chosen provider and reason, then every other provider with why not.</summary>
    public string Describe(string ifname)
    {
        var sb = new StringBuilder();
        if (Chosen is not null)
            sb.Append($"{ifname}: hardware time-stamp provider {Chosen.Describe()} chosen: {Reason}");
        else
            sb.Append($"{ifname}: no hardware time-stamp provider usable: {Reason}");
        foreach (var (p, why) in Others)
            sb.Append($"; also {p.Describe()}: {why}");
        return sb.ToString();
    }
}
