namespace Ptp4Net.Configuration;

/// <summary>One address line of a [unicast_master_table] section: "UDPv4 192.168.1.11", "L2 00:11:22:33:44:55".</summary>
public sealed record UnicastMasterAddress(NetworkTransportOption Transport, string Address, SettingOrigin Origin);
