using System.Runtime.InteropServices;

namespace Ptp4Net.Phc;

/// <summary>An open /dev/ptpN character device.</summary>
public sealed class SafePtpDeviceFd : SafeFdHandle
{
}
