using System.Collections.Concurrent;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Transport;

/// <summary>
/// Interaction ids seen recently. The gateway may deliver an interaction again after a reconnect; the second
/// delivery must not produce a second callback.
/// </summary>
public sealed class RecentInteractionIds(TimeProvider time, TimeSpan rememberFor)
{
    private const int PruneEvery = 1024;
    private readonly ConcurrentDictionary<Snowflake, DateTimeOffset> _seen = new();
    private int _addsSincePrune;

    /// <summary>True the first time an id is offered; false for a repeat.</summary>
    public bool TryAdd(Snowflake id)
    {
        var now = time.GetUtcNow();
        if (!_seen.TryAdd(id, now)) return false;
        if (Interlocked.Increment(ref _addsSincePrune) >= PruneEvery)
        {
            Interlocked.Exchange(ref _addsSincePrune, 0);
            foreach (var (seenId, seenAt) in _seen)
            {
                if (now - seenAt > rememberFor) _seen.TryRemove(seenId, out _);
            }
        }
        return true;
    }
}
