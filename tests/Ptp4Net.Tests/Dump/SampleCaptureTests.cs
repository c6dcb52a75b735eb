using Xunit.Abstractions;

namespace Ptp4Net.Tests.Dump;

public class SampleCaptureTests(ITestOutputHelper output)
{
    [Fact]
    public void Shipped_samples_are_what_the_generator_makes()
    {
        var frames = PtpSampleCapture.Build();
        var bytes = PtpSampleCapture.ToPcap(frames);
        string[] paths = [DumpTestSupport.Sample(PtpSampleCapture.FileName), DumpTestSupport.TestData(PtpSampleCapture.FileName)];
        if (Environment.GetEnvironmentVariable("PTP4NET_REGENERATE_SAMPLES") == "1")
        {
            foreach (var p in paths) File.WriteAllBytes(p, bytes);
            output.WriteLine("regenerated " + string.Join(", ", paths));
        }
        output.WriteLine(PtpSampleCapture.Describe(frames));
        foreach (var p in paths)
        {
            Assert.True(File.Exists(p), p + " is missing: run the tests with PTP4NET_REGENERATE_SAMPLES=1");
            Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(p)),
                p + " differs from the generator's output: run with PTP4NET_REGENERATE_SAMPLES=1 and commit");
        }
    }
}
