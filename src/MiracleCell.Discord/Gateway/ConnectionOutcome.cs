namespace MiracleCell.Discord.Gateway;

internal enum ConnectionEnd
{
    /// <summary>Reconnect and resume the session if there is one.</summary>
    Resume,
    /// <summary>The session is gone: identify afresh.</summary>
    Identify,
    /// <summary>A fatal close code: stop.</summary>
    Fatal,
    /// <summary>The application is stopping.</summary>
    Shutdown,
}

/// <param name="Reason">Why the connection ended, for the log.</param>
internal sealed record ConnectionOutcome(ConnectionEnd End, string Reason, int? CloseCode = null)
{
    /// <summary>READY or RESUMED arrived on this connection: it was healthy for a while.</summary>
    public bool ReachedSession { get; init; }
    /// <summary>The socket never opened.</summary>
    public bool ConnectFailed { get; init; }
}
