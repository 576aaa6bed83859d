namespace MiracleCell.Discord.Gateway;

/// <summary>
/// Paces the identifies of one process: one per bucket per interval. Processes that cannot see each other (no shared
/// database) stay apart because each shard's first Identify also waits for its slot counted from start,
/// <c>(shard_id / max_concurrency) × interval</c>, which is how Discord orders buckets when every shard starts at
/// once: processes started together with disjoint shard ranges then never identify in the same bucket together.
/// </summary>
public sealed class InProcessIdentifyCoordinator : IIdentifyCoordinator
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly long _startedAt;
    private readonly Lock _lock = new();
    private readonly Dictionary<(int MaxConcurrency, int Bucket), long> _nextAllowed = [];
    private readonly HashSet<int> _identified = [];

    public InProcessIdentifyCoordinator(TimeProvider time, GatewaySettings settings)
        : this(time, settings?.IdentifyInterval ?? throw new ArgumentNullException(nameof(settings)))
    {
    }

    public InProcessIdentifyCoordinator(TimeProvider time, TimeSpan interval)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _interval = interval;
        _startedAt = time.GetTimestamp();
    }

    public async Task WaitTurnAsync(int shardId, int maxConcurrency, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shardId);
        maxConcurrency = Math.Max(1, maxConcurrency);
        var key = (maxConcurrency, shardId % maxConcurrency);
        long turn;
        lock (_lock)
        {
            // Claim the turn before waiting, so shards of one bucket queue one interval apart in call order.
            var earliest = _identified.Contains(shardId)
                ? 0L
                : _startedAt + Ticks(_interval * (shardId / maxConcurrency));
            turn = Math.Max(Math.Max(earliest, _nextAllowed.GetValueOrDefault(key)), _time.GetTimestamp());
            _nextAllowed[key] = turn + Ticks(_interval);
            _identified.Add(shardId);
        }
        var wait = _time.GetElapsedTime(_time.GetTimestamp(), turn);
        if (wait > TimeSpan.Zero) await Task.Delay(wait, _time, cancellationToken);
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * _time.TimestampFrequency);
}
