namespace Ptp4Net.Capture;

/// <summary>Outcome of <see cref="CaptureReader.Read"/>.</summary>
public enum CaptureReadStatus
{
    /// <summary>A frame was read.</summary>
    Frame,
    /// <summary>The file ended cleanly at a record boundary.</summary>
    End,
    /// <summary>The file is truncated or corrupt; <see cref="CaptureReader.Error"/> says where and why.
    /// Reading stops: every later call returns Error again.</summary>
    Error,
}
