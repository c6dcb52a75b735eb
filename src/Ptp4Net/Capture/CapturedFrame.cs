namespace Ptp4Net.Capture;

/// <summary>
/// One frame read from a capture file. <see cref="Data"/> points into the reader's buffer and is valid
/// only until the next read.
/// </summary>
/// <param name="TimestampNanoseconds">Capture time in nanoseconds since the Unix epoch (UTC), after
/// the interface's if_tsoffset; finer resolutions are truncated to nanoseconds.</param>
/// <param name="LinkType">The link-layer header type of the frame's interface.</param>
/// <param name="InterfaceId">pcapng interface index within its section; 0 for classic pcap.</param>
/// <param name="OriginalLength">Length of the frame on the wire; more than Data.Length when the capture
/// was cut by its snapshot length.</param>
/// <param name="Data">The captured octets.</param>
/// <param name="Number">1-based position of the frame among the capture's packets (as Wireshark counts).</param>
public readonly record struct CapturedFrame(
    long TimestampNanoseconds,
    LinkType LinkType,
    int InterfaceId,
    uint OriginalLength,
    ReadOnlyMemory<byte> Data,
    long Number);
