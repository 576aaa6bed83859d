namespace MiracleCell.Discord.Gateway;

/// <summary>The session that survives reconnects: id, where to resume, and the last processed sequence
/// number.</summary>
internal sealed class GatewaySessionState
{
    private readonly Lock _gate = new();
    private string? _sessionId;
    private Uri? _resumeUrl;
    private long? _lastSequence;

    public bool CanResume
    {
        get { lock (_gate) { return _sessionId is not null && _resumeUrl is not null; } }
    }

    public long? LastSequence
    {
        get { lock (_gate) { return _lastSequence; } }
    }

    public (string SessionId, Uri ResumeUrl, long? LastSequence) ResumePoint
    {
        get
        {
            lock (_gate)
            {
                if (_sessionId is null || _resumeUrl is null)
                    throw new InvalidOperationException("There is no session to resume.");
                return (_sessionId, _resumeUrl, _lastSequence);
            }
        }
    }

    /// <summary>
    /// Records a dispatch's sequence number; false when it is not newer than the last one processed
    /// (a replay after a resume), so the caller drops it.
    /// </summary>
    public bool TryAdvance(long sequence)
    {
        lock (_gate)
        {
            if (_lastSequence is { } last && sequence <= last) return false;
            _lastSequence = sequence;
            return true;
        }
    }

    public void Start(GatewayReady ready)
    {
        lock (_gate)
        {
            _sessionId = ready.SessionId;
            _resumeUrl = ready.ResumeGatewayUrl;
        }
    }

    /// <summary>Forgets the session before a fresh Identify; the old sequence numbers mean nothing to the new
    /// one.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _sessionId = null;
            _resumeUrl = null;
            _lastSequence = null;
        }
    }
}
