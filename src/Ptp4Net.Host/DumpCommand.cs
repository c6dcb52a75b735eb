using Ptp4Net.Capture;
using Ptp4Net.Messages;

namespace Ptp4Net.Host;

/// <summary>
/// <c>ptp4net dump [-v] [--json] FILE</c>: prints the PTP messages of a pcap or pcapng capture, one line
/// (or one JSON object) per message, then a summary. Exit status 0 when every PTP message parsed, 1 when
/// any was malformed, 2 when the file cannot be read (or is truncated or corrupt part-way; the messages
/// before the damage are printed first).
/// </summary>
internal static class DumpCommand
{
    public const int ExitOk = 0, ExitMalformed = 1, ExitUnreadable = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (!DumpOptions.TryParse(args, out var options, out var error, out bool help))
        {
            if (help)
            {
                Usage(stdout);
                return ExitOk;
            }
            stderr.WriteLine("ptp4net dump: " + error);
            Usage(stderr);
            return ExitUnreadable;
        }

        if (options!.Path == "-")
        {
            // A pipe ("tcpdump -w - | ptp4net dump -"): the readers never seek.
            using var input = Console.OpenStandardInput();
            return Dump(input, options with { Path = "(standard input)" }, stdout, stderr);
        }
        if (Directory.Exists(options.Path))
        {
            stderr.WriteLine($"ptp4net dump: cannot read '{options.Path}': it is a directory");
            return ExitUnreadable;
        }
        Stream stream;
        try
        {
            stream = new FileStream(options!.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 64 * 1024);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"ptp4net dump: cannot read '{options!.Path}': {e.Message}");
            return ExitUnreadable;
        }
        using (stream)
        {
            try
            {
                return Dump(stream, options, stdout, stderr);
            }
            catch (IOException e)
            {
                stderr.WriteLine($"ptp4net dump: cannot read '{options.Path}': {e.Message}");
                return ExitUnreadable;
            }
        }
    }

    /// <summary>Dumps an open capture; the name in messages is <see cref="DumpOptions.Path"/>.</summary>
    internal static int Dump(Stream stream, DumpOptions options, TextWriter stdout, TextWriter stderr)
    {
        if (!CaptureReader.TryOpen(stream, out var reader, out var openError))
        {
            stderr.WriteLine($"ptp4net dump: cannot read '{options.Path}': {openError}");
            return ExitUnreadable;
        }
        IDumpSink sink = options.Json ? new DumpJsonSink(stdout) : new DumpTextSink(stdout, options.Verbose);
        var summary = new DumpSummary();
        CaptureReadStatus status;
        while ((status = reader!.Read(out var frame)) == CaptureReadStatus.Frame)
        {
            summary.CountFrame();
            var data = frame.Data.Span;
            var decapsulation = PtpDecapsulator.TryDecapsulate(frame.LinkType, data, out var packet);
            if (decapsulation != DecapsulationStatus.Ptp)
            {
                summary.CountSkipped(decapsulation);
                continue;
            }
            var info = new DumpFrameInfo(frame.Number, frame.TimestampNanoseconds, packet.FormatSource(data),
                packet.Transport, packet.VlanId);
            var payload = packet.Payload(data);
            sink.Begin(info);
            if (PtpMessage.TryRead(payload, out var message, out var parseError))
            {
                DumpMessageFields.Emit(message, sink);
                summary.CountMessage(PtpNames.MessageTypeName(message.MessageType));
            }
            else
            {
                // Say what the header says, when it can be read, so the bad message can be found.
                if (PtpHeader.TryRead(payload, out var header, out _))
                    DumpMessageFields.EmitHeader(header, sink);
                string reason = parseError.ToString();
                if (packet.PayloadTruncated) reason += " (the capture holds only part of the datagram)";
                sink.Error(reason);
                summary.CountMalformed(parseError.ToString());
            }
            sink.End();
        }

        string text = "summary: " + summary;
        // In --json mode stdout stays pure JSON Lines (one object per PTP message): the summary goes to stderr.
        (options.Json ? stderr : stdout).WriteLine(text);
        if (status == CaptureReadStatus.Error)
        {
            stderr.WriteLine($"ptp4net dump: cannot read '{options.Path}': {reader.Error}");
            return ExitUnreadable;
        }
        return summary.Malformed > 0 ? ExitMalformed : ExitOk;
    }

    internal static void Usage(TextWriter o)
    {
        o.WriteLine("usage: ptp4net dump [-v] [--json] FILE      (FILE '-' reads standard input)");
        o.WriteLine("  Prints the PTP messages in a pcap or pcapng capture (Ethernet with 802.1Q tags, Linux cooked");
        o.WriteLine("  SLL/SLL2, raw IP; PTP over UDPv4, UDPv6 ports 319/320 and IEEE 802.3 EtherType 0x88F7).");
        o.WriteLine("  -v      every header, body and TLV field on indented lines after each message's line");
        o.WriteLine("  --json  one JSON object per PTP message (JSON Lines) with every field and TLV; the summary goes");
        o.WriteLine("          to stderr so that stdout holds only message objects");
        o.WriteLine("  Exit status: 0 every PTP message parsed, 1 some were malformed, 2 the file cannot be read.");
    }
}
