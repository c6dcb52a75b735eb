using Ptp4Net.Messages;

namespace Ptp4Net.Host.Pmc;

/// <summary>
/// pmc's main loop (pmc.c main): run each command (from the arguments, else one per line of standard input),
/// print every reply as it arrives, and after the last command keep listening until 100 ms pass with nothing,
/// as pmc does, then stop. Every wait is bounded.
/// </summary>
public sealed class PmcSession
{
    /// <summary>pmc's wait for outstanding replies after the last command.</summary>
    public const int DefaultQuietMs = 100;

    private readonly IPmcChannel _channel;
    private readonly PmcInterpreter _interpreter;
    private readonly TextWriter _out;
    private readonly TextWriter _err;
    private readonly byte[] _rx = new byte[2048];

    public PmcSession(IPmcChannel channel, PmcMessageBuilder builder, TextWriter stdout, TextWriter stderr)
    {
        _channel = channel;
        _out = stdout;
        _err = stderr;
        _interpreter = new PmcInterpreter(builder, stdout, stderr);
    }

    /// <summary>How long to wait for replies after the last command with nothing arriving.</summary>
    public int QuietMs { get; init; } = DefaultQuietMs;
    /// <summary>Replies printed so far.</summary>
    public int RepliesShown { get; private set; }

    public void Run(IEnumerable<string> commands)
    {
        foreach (var command in commands)
        {
            if (!_interpreter.Execute(command, Send))
                _err.WriteLine($"bad command: {command}");
            _out.Flush();
            Drain(0);
        }
        Drain(QuietMs);
        _out.Flush();
    }

    /// <summary>Commands from a reader, one per line; lines shorter than two characters are skipped, as pmc does.</summary>
    public static IEnumerable<string> Lines(TextReader reader)
    {
        while (reader.ReadLine() is { } line)
            if (line.Length >= 1)
                yield return line;
    }

    private void Send(ReadOnlySpan<byte> message)
    {
        if (!_channel.Send(message, out var error))
            _err.WriteLine($"pmc: failed to send message: {error}");
    }

    /// <summary>Prints replies until <paramref name="quietMs"/> pass with none (0: only what is already there).</summary>
    private void Drain(int quietMs)
    {
        // Bounded: at most 10 000 messages per drain, however chatty the network is.
        for (int i = 0; i < 10_000; i++)
        {
            int n = _channel.Receive(_rx, quietMs);
            if (n <= 0) return;
            if (!PtpMessage.TryRead(_rx.AsSpan(0, n), out var msg, out var error))
            {
                _err.WriteLine($"pmc: bad message ({error})");
                continue;
            }
            if (PmcFormatter.Show(msg) is { } text)
            {
                _out.Write(text);
                _out.Flush();
                RepliesShown++;
            }
        }
    }
}
