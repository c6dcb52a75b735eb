using Xunit.Abstractions;
using static Ptp4Net.Tests.Architecture.IlReferenceScanner;

namespace Ptp4Net.Tests.Architecture;

/// <summary>
/// The protocol core stays sans-IO, and native calls stay in the Linux layer's interop. Checked on the built
/// assemblies' IL, so a violation anywhere (a lambda, an async method, a generic call) is seen.
/// </summary>
public sealed class SansIoArchitectureTests(ITestOutputHelper output)
{
    /// <summary>Where P/Invoke declarations belong: the Linux layer's one interop class (src/Ptp4Net.Phc/Interop).</summary>
    private static readonly (string Assembly, string Type)[] InteropHome = [("Ptp4Net.Phc.dll", "Ptp4Net.Phc.Interop")];

    private static readonly string[] SampleNamespace = ["Ptp4Net.Tests.Architecture.Samples"];

    private static IReadOnlyList<Reference> ScanCore() =>
        SansIoRules.CoreAssemblies.SelectMany(a => Scan(AssemblyPath(a))).ToList();

    [Fact]
    public void Protocol_namespaces_reference_no_socket_file_clock_random_sleep_console_or_native_call()
    {
        var refs = ScanCore();
        // The scope must be real: every protocol namespace has code in the scanned assemblies, else a rename
        // would make this test pass on nothing.
        foreach (var ns in SansIoRules.ProtocolNamespaces)
            Assert.True(refs.Any(r => SansIoRules.InProtocolNamespace(r.FromNamespace, [ns])), $"no code found in namespace {ns}");

        var violations = SansIoRules.Violations(refs, r => SansIoRules.InProtocolNamespace(r.FromNamespace, SansIoRules.ProtocolNamespaces),
            SansIoRules.InProtocolNamespaces);
        Assert.True(violations.Count == 0, "sans-IO violations:\n" + string.Join('\n', violations.Select(v => $"{v.Rule.Rule}: {v.At}")));
    }

    [Fact]
    public void Core_assemblies_never_construct_an_unseeded_Random()
    {
        var violations = SansIoRules.Violations(ScanCore(), _ => true, SansIoRules.AnywhereInCore);
        Assert.True(violations.Count == 0, string.Join('\n', violations.Select(v => $"{v.Rule.Rule}: {v.At}")));
    }

    [Fact]
    public void Every_rule_catches_its_banned_call_in_a_sample()
    {
        var refs = Scan(typeof(Samples.BannedCallsSample).Assembly.Location);
        var violations = SansIoRules.Violations(refs, r => SansIoRules.InProtocolNamespace(r.FromNamespace, SampleNamespace),
            SansIoRules.InProtocolNamespaces);
        foreach (var v in violations)
            output.WriteLine($"{v.Rule.Rule}: {v.At}");

        // Each banned reference (except [LibraryImport], shown on Ptp4Net.Phc below) is caught in the method written to make it.
        (string Method, string Rule)[] expected =
        [
            ("OpensSocket", SansIoRules.Sockets), ("ReadsFile", SansIoRules.Files), ("OpensFileStream", SansIoRules.Files),
            ("ListsDirectory", SansIoRules.Files), ("StatsFile", SansIoRules.Files), ("StatsDirectory", SansIoRules.Files),
            ("ReadsNow", SansIoRules.Clock), ("ReadsToday", SansIoRules.Clock), ("ReadsTimeProvider", SansIoRules.Clock), ("ReadsUtcNow", SansIoRules.Clock),
            ("ReadsOffsetNow", SansIoRules.Clock), ("ReadsOffsetUtcNow", SansIoRules.Clock), ("UsesStopwatch", SansIoRules.Clock),
            ("ReadsTickCount", SansIoRules.Clock), ("MakesUnseededRandom", SansIoRules.Randomness),
            ("UsesSharedRandom", SansIoRules.Randomness), ("MakesSeededRandom", SansIoRules.Randomness),
            ("Sleeps", SansIoRules.Waiting), ("Delays", SansIoRules.Waiting), ("WritesConsole", SansIoRules.ConsoleIo),
            ("DllImported", SansIoRules.NativeCalls),
        ];
        foreach (var (method, rule) in expected)
            Assert.True(violations.Any(v => v.At.FromMethod == method && v.Rule.Rule == rule), $"rule '{rule}' missed {method}");
        // A lambda is compiled into a nested closure class; it still counts for the type that holds it.
        Assert.Contains(violations, v => v.Rule.Rule == SansIoRules.Clock && v.At.FromMethod.Contains("LambdaReadsNow", StringComparison.Ordinal));
        // Both TickCount properties are seen, not only the first.
        Assert.Equal(2, violations.Count(v => v.At.FromMethod == "ReadsTickCount"));
        // Every rule of the list fired at least once.
        foreach (var rule in SansIoRules.InProtocolNamespaces.Where(r => r.Type != LibraryImportMarker))
            Assert.True(violations.Any(v => v.Rule == rule), $"rule {rule} never fired on the sample");

        // The assembly-wide rule tells a seeded Random (allowed outside the protocol namespaces) from an unseeded one.
        var unseeded = SansIoRules.Violations(refs, r => SansIoRules.InProtocolNamespace(r.FromNamespace, SampleNamespace),
            SansIoRules.AnywhereInCore);
        Assert.Equal(["MakesUnseededRandom", "UsesSharedRandom"], unseeded.Select(v => v.At.FromMethod).Order().ToArray());
    }

    [Fact]
    public void Scanner_finds_the_Linux_layers_known_native_calls()
    {
        var refs = Scan(AssemblyPath("Ptp4Net.Phc.dll"));
        var imports = refs.Where(r => r.Member == LibraryImportMarker).ToList();
        Assert.True(imports.Count >= 10, $"expected the interop's [LibraryImport] methods, found {imports.Count}");
        Assert.All(imports, r => Assert.Equal("Ptp4Net.Phc.Interop", r.FromType));
        // [LibraryImport] generates a P/Invoke stub, so the rule sees it both ways.
        Assert.Contains(refs, r => r.Member == DllImportMarker && r.FromType == "Ptp4Net.Phc.Interop");
        Assert.Contains(refs, r => r.TargetType == "System.Runtime.InteropServices.SafeHandle" || r.TargetType.EndsWith("SafeHandle", StringComparison.Ordinal));
    }

    [Fact]
    public void Native_calls_are_declared_only_in_the_Linux_layers_interop()
    {
        var allowed = InteropHome.ToHashSet();
        var violations = new List<string>();
        foreach (var assembly in ProductAssemblies)
            foreach (var r in Scan(AssemblyPath(assembly)))
                if ((r.Member == DllImportMarker || r.Member == LibraryImportMarker) && !allowed.Contains((assembly, r.FromType)))
                    violations.Add($"{assembly}: {r}");
        Assert.True(violations.Count == 0, "P/Invoke outside src/Ptp4Net.Phc/Interop:\n" + string.Join('\n', violations));
    }
}
