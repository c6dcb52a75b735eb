namespace Ptp4Net.Tests.LinuxptpInterop;

/// <summary>The interop tests run one after another (xunit runs collections in parallel): timing-sensitive runs on a
/// small machine must not compete for the CPUs.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class InteropCollection
{
    public const string Name = "LinuxptpInterop";
}
