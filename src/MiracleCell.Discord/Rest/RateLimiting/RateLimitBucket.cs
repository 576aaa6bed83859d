namespace MiracleCell.Discord.Rest.RateLimiting;

/// <summary>
/// One Discord rate-limit bucket (a bucket hash scoped to a major resource). Requests enter one at a time: each waits
/// out an exhausted window, then takes one of the remaining requests. While the bucket's limits are still unknown, the
/// first request keeps the bucket until its answer tells everyone the limits.
/// </summary>
// SemaphoreSlim needs disposing only once AvailableWaitHandle is read, which never happens here.
#pragma warning disable CA1001
internal sealed class RateLimitBucket(TimeProvider time)
{
    private readonly SemaphoreSlim _entry = new(1, 1);
    private readonly Lock _state = new();
    private BucketState _kind = BucketState.Unknown;
    private int _limit;
    private int _remaining;
    private long _resetAt;
    private int _users;

    public string? Hash { get; set; }

    public long LastUsed { get; private set; }

    /// <summary>No request is waiting for the bucket or holds a lease on it.</summary>
    public bool IsIdle => Volatile.Read(ref _users) == 0;

    /// <summary>Waits for the bucket's turn; the lease must be disposed once the answer has been observed.</summary>
    public async ValueTask<BucketLease> EnterAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _users);
        try
        {
            await _entry.WaitAsync(cancellationToken);
        }
        catch
        {
            Interlocked.Decrement(ref _users);
            throw;
        }

        try
        {
            while (true)
            {
                TimeSpan wait;
                lock (_state)
                {
                    var now = time.GetTimestamp();
                    LastUsed = now;
                    wait = time.GetElapsedTime(now, _resetAt);
                    if (_kind == BucketState.Limited && _remaining <= 0 && wait <= TimeSpan.Zero)
                    {
                        // The window has reset: the full limit is available again.
                        _remaining = Math.Max(_limit, 1);
                    }

                    if (_kind == BucketState.Unknown)
                    {
                        return new BucketLease(this, holdsEntry: true);
                    }

                    if (_kind == BucketState.Unlimited || _remaining > 0)
                    {
                        if (_kind == BucketState.Limited) _remaining--;
                        _entry.Release();
                        return new BucketLease(this, holdsEntry: false);
                    }
                }

                await Task.Delay(wait, time, cancellationToken);
            }
        }
        catch
        {
            _entry.Release();
            Interlocked.Decrement(ref _users);
            throw;
        }
    }

    /// <summary>How long the next request must wait, or null when it may go now.</summary>
    public TimeSpan? WaitBeforeNext
    {
        get
        {
            lock (_state)
            {
                var wait = time.GetElapsedTime(time.GetTimestamp(), _resetAt);
                return _kind == BucketState.Limited && _remaining <= 0 && wait > TimeSpan.Zero ? wait : null;
            }
        }
    }

    public int? Remaining
    {
        get { lock (_state) { return _kind == BucketState.Limited ? _remaining : null; } }
    }

    /// <summary>Takes in the limits a response announced.</summary>
    public void Update(int? limit, int? remaining, TimeSpan? resetAfter)
    {
        lock (_state)
        {
            if (remaining is null || resetAfter is null)
            {
                // Discord sent no limits for this route: nothing to wait for, but keep any block from a 429.
                if (_kind == BucketState.Unknown)
                {
                    _kind = BucketState.Unlimited;
                }

                return;
            }

            var resetAt = time.GetTimestamp() + ToTimestampTicks(resetAfter.Value);
            _kind = BucketState.Limited;
            _limit = limit ?? Math.Max(_limit, remaining.Value);
            // Answers can overtake each other; the lower count is the safer one inside the same window.
            _remaining = resetAt <= _resetAt ? Math.Min(_remaining, remaining.Value) : remaining.Value;
            _resetAt = Math.Max(_resetAt, resetAt);
        }
    }

    /// <summary>A 429 for this bucket: nothing more until the wait is over.</summary>
    public void Block(TimeSpan wait)
    {
        lock (_state)
        {
            if (_kind != BucketState.Limited)
            {
                _kind = BucketState.Limited;
                _limit = 1;
            }

            _remaining = 0;
            _resetAt = Math.Max(_resetAt, time.GetTimestamp() + ToTimestampTicks(wait));
        }
    }

    internal void Leave(bool holdsEntry)
    {
        if (holdsEntry)
        {
            _entry.Release();
        }

        Interlocked.Decrement(ref _users);
    }

    private long ToTimestampTicks(TimeSpan span) => (long)(span.TotalSeconds * time.TimestampFrequency);

    private enum BucketState
    {
        Unknown,
        Limited,
        Unlimited,
    }
}
#pragma warning restore CA1001

/// <summary>
/// A turn in a bucket. Disposing it ends the request's use of the bucket and lets the next request in when the first
/// one was holding the bucket.
/// </summary>
internal sealed class BucketLease(RateLimitBucket bucket, bool holdsEntry) : IDisposable
{
    private int _disposed;

    public RateLimitBucket Bucket { get; } = bucket;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Bucket.Leave(holdsEntry);
        }
    }
}
