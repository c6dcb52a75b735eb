namespace Ptp4Net.Phc.VmClock;

/// <summary>
/// Where vmclock page bytes come from: /dev/vmclockN (<see cref="VmClockDevice"/>) or a byte array in tests.
/// Each call copies bytes as they are at that moment; nothing makes a copy atomic, so a copy may be torn by a
/// concurrent hypervisor update (the snapshot reader detects that with the sequence counter).
/// </summary>
public interface IVmClockPageSource
{
    /// <summary>Copies bytes from <paramref name="offset"/>; returns how many were copied, or −1 on error.</summary>
    int ReadAt(long offset, Span<byte> destination);
}
