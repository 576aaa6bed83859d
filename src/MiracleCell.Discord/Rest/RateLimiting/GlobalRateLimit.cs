namespace MiracleCell.Discord.Rest.RateLimiting;

/// <summary>
/// Discord's global limit (50 requests per second per bot) as a sliding window over the last send times,
/// plus the stop a global 429 puts on every request bound by that limit.
/// </summary>
internal sealed class GlobalRateLimit(TimeProvider time, int requestsPerSecond)
{
    private readonly Lock _gate = new();
    private readonly long[] _recentSends = new long[requestsPerSecond];
    private int _sendCount;
    private int _oldest;
    private long _blockedUntil = long.MinValue;

    public async ValueTask WaitTurnAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = time.GetTimestamp();
                wait = _blockedUntil == long.MinValue ? TimeSpan.Zero : time.GetElapsedTime(now, _blockedUntil);
                if (wait <= TimeSpan.Zero)
                {
                    if (_sendCount < _recentSends.Length)
                    {
                        _recentSends[_sendCount++] = now;
                        return;
                    }

                    var sinceOldest = time.GetElapsedTime(_recentSends[_oldest], now);
                    if (sinceOldest >= TimeSpan.FromSeconds(1))
                    {
                        _recentSends[_oldest] = now;
                        _oldest = (_oldest + 1) % _recentSends.Length;
                        return;
                    }

                    wait = TimeSpan.FromSeconds(1) - sinceOldest;
                }
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>A global 429: every request bound by the global limit waits until this is over.</summary>
    public void Block(TimeSpan wait)
    {
        lock (_gate)
        {
            var until = time.GetTimestamp() + (long)(wait.TotalSeconds * time.TimestampFrequency);
            _blockedUntil = Math.Max(_blockedUntil, until);
        }
    }
}
