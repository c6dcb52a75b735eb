using Microsoft.Win32.SafeHandles;

namespace Ptp4Net.Phc.VmClock;

/// <summary>
/// /dev/vmclockN opened read-only; bytes come from pread() (the driver's read() copies from the shared page at the
/// file offset). Never written to.
/// </summary>
public sealed class VmClockDevice : IVmClockPageSource, IDisposable
{
    private readonly SafeFileHandle _handle;

    private VmClockDevice(string path, SafeFileHandle handle)
    {
        Path = path;
        _handle = handle;
    }

    public string Path { get; }

    /// <summary>Opens the device; throws <see cref="LinuxException"/> with the reason at set-up.</summary>
    public static VmClockDevice Open(string path)
    {
        try
        {
            return new VmClockDevice(path, File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LinuxException($"cannot open {path}: {e.Message}");
        }
    }

    public int ReadAt(long offset, Span<byte> destination)
    {
        try
        {
            return RandomAccess.Read(_handle, destination, offset);
        }
        catch (IOException)
        {
            return -1;
        }
        catch (NotSupportedException)
        {
            return -1;
        }
    }

    /// <summary>The index N of /dev/vmclockN, or −1 when the name does not end in digits.</summary>
    public static int IndexOf(string path)
    {
        string name = System.IO.Path.GetFileName(path);
        int i = name.Length;
        while (i > 0 && char.IsAsciiDigit(name[i - 1]))
            i--;
        return i < name.Length && name.StartsWith("vmclock", StringComparison.Ordinal)
            ? int.Parse(name.AsSpan(i), System.Globalization.CultureInfo.InvariantCulture)
            : -1;
    }

    public void Dispose() => _handle.Dispose();
}
