namespace MiracleCell.Discord.Gateway;

/// <summary>
/// Keeps this process's identifies within Discord's limit of <c>max_concurrency</c> per 5 s.
/// </summary>
/// <remarks>
/// Shards split guilds by <c>(guild_id &gt;&gt; 22) % shard_count</c>; run one process per shard with
/// <c>Discord:ShardId</c> 0…n-1 and the same <c>Discord:ShardCount</c>. Shards whose ids differ only in
/// <c>shard_id / max_concurrency</c> share a rate-limit key, and Discord starts those buckets in order, one per
/// 5 s: so when processes start together, shard <c>i</c> waits <c>(i / max_concurrency) × 5 s</c> before its first
/// Identify, and every later Identify of the same process waits 5 s after the previous one.
/// </remarks>
internal sealed class IdentifyPacer(TimeProvider time, TimeSpan interval, int shardId)
{
    private long? _lastIdentifyAt;
    private int _maxConcurrency = 1;

    public void UseMaxConcurrency(int maxConcurrency) => _maxConcurrency = Math.Max(1, maxConcurrency);

    /// <summary>The wait before the next Identify may be sent.</summary>
    public TimeSpan NextWait()
    {
        if (_lastIdentifyAt is not { } last) return interval * (shardId / _maxConcurrency);
        var remaining = interval - time.GetElapsedTime(last);
        return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
    }

    public async Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        var wait = NextWait();
        if (wait > TimeSpan.Zero) await Task.Delay(wait, time, cancellationToken);
        _lastIdentifyAt = time.GetTimestamp();
    }
}
