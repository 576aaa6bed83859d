namespace MiracleCell.Discord.Gateway;

/// <summary>
/// Paces Identify across every shard that shares the bot's session-start limit. Discord allows one Identify per
/// rate-limit bucket per 5 s, where the bucket of a shard is <c>shard_id % max_concurrency</c>; shards in different
/// buckets may identify at the same moment. The in-process default paces one process; an implementation backed by a
/// shared database paces several processes.
/// </summary>
public interface IIdentifyCoordinator
{
    /// <summary>
    /// Returns when <paramref name="shardId"/> may send Identify, having recorded that it does so now: the next
    /// shard of the same bucket waits a full interval from here.
    /// </summary>
    Task WaitTurnAsync(int shardId, int maxConcurrency, CancellationToken cancellationToken);
}
