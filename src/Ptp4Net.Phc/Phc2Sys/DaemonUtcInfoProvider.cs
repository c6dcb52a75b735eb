namespace Ptp4Net.Phc.Phc2Sys;

/// <summary>
/// The UTC offset and leap flags from the daemon's TIME_PROPERTIES_DATA_SET (phc2sys -w), refreshed every
/// <c>refreshEvery</c> updates (phc2sys refreshes every 60 s) with a short timeout; a failed refresh keeps the last
/// answer.
/// </summary>
public sealed class DaemonUtcInfoProvider(ManagementUdsClient client, int refreshEvery, TimeSpan timeout) : IUtcInfoProvider
{
    private int _calls;
    private UtcInfo _last;
    private bool _have;

    public UtcOrigin Origin => UtcOrigin.Daemon;
    public ManagementQueryStatus LastStatus { get; private set; }

    /// <summary>Queries now (set-up: the first answer, with the caller's timeout).</summary>
    public ManagementQueryStatus Refresh(TimeSpan wait)
    {
        LastStatus = client.GetTimeProperties(wait, out var tp);
        if (LastStatus == ManagementQueryStatus.Ok)
        {
            _last = ManagementUdsClient.ToUtcInfo(tp);
            _have = true;
        }
        return LastStatus;
    }

    public bool TryGet(out UtcInfo info)
    {
        if (!_have || ++_calls >= refreshEvery)
        {
            _calls = 0;
            Refresh(timeout);
        }
        info = _last;
        return _have;
    }
}
