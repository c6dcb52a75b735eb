namespace Ptp4Net.Host.Pmc;

/// <summary>What pmc does with an id (pmc_common.c idtab's function column).</summary>
public enum PmcIdHandler
{
    /// <summary>GET only (do_get_action).</summary>
    GetOnly,
    /// <summary>GET or SET with values (do_set_action).</summary>
    GetOrSet,
    /// <summary>"sorry, X not supported yet".</summary>
    NotSupported,
    /// <summary>NULL_MANAGEMENT: GET only, other actions "still todo".</summary>
    Null,
}
