namespace Ptp4Net.Configuration;

/// <summary>
/// A [unicast_master_table] section (linuxptp config.c: table_id, logQueryInterval, peer_address and
/// transport/address lines). Parsed and kept so that configurations are read as ptp4l reads them; the
/// unicast feature itself is refused at start-up (<see cref="PtpConfig.GetRefusedFeatures"/>).
/// </summary>
public sealed class UnicastMasterTable
{
    private readonly List<UnicastMasterAddress> _addresses = [];

    internal UnicastMasterTable(int tableId, SettingOrigin origin)
    {
        TableId = tableId;
        Origin = origin;
    }

    /// <summary>table_id, 1 or more, unique in the configuration.</summary>
    public int TableId { get; }

    /// <summary>logQueryInterval (linuxptp's default when absent: 0).</summary>
    public int LogQueryInterval { get; internal set; }

    /// <summary>peer_address, for the P2P delay mechanism; null when absent.</summary>
    public string? PeerAddress { get; internal set; }

    public IReadOnlyList<UnicastMasterAddress> Addresses => _addresses;

    /// <summary>Where the table's table_id line is.</summary>
    public SettingOrigin Origin { get; }

    internal void Add(UnicastMasterAddress address) => _addresses.Add(address);
}
