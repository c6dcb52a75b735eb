namespace Ptp4Net.Phc;

/// <summary>An eventfd(2) descriptor (the run loop's wake-up).</summary>
public sealed class SafeEventFd : SafeFdHandle
{
}
