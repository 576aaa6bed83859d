using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Transport;

/// <summary>
/// Interaction ids seen recently. The gateway may deliver an interaction again after a reconnect; the second
/// delivery must not produce a second callback. Bounded in time and in size: an id is forgotten after
/// <c>rememberFor</c>, or earlier once <c>capacity</c> newer ids have arrived, so memory stays flat under any load.
/// Forgetting early is safe as long as the capacity covers Discord's 3 s answer window, after which a repeat is
/// dropped as stale anyway.
/// </summary>
internal sealed class RecentInteractionIds
{
    /// <summary>At 1,000 interactions per second, still more than twice Discord's 3 s window.</summary>
    public const int DefaultCapacity = 8192;

    private readonly TimeProvider _time;
    private readonly long _rememberForTicks;
    private readonly Lock _gate = new();
    private readonly HashSet<Snowflake> _seen;
    private readonly Snowflake[] _order;
    private readonly long[] _seenAt;
    private int _oldest;

    public RecentInteractionIds(TimeProvider time, TimeSpan rememberFor, int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfLessThan(rememberFor, TimeSpan.Zero);
        _time = time;
        _rememberForTicks = (long)(rememberFor.TotalSeconds * time.TimestampFrequency);
        _seen = [];
        _order = new Snowflake[capacity];
        _seenAt = new long[capacity];
    }

    /// <summary>How many ids are remembered now.</summary>
    public int Count
    {
        get { lock (_gate) { return _seen.Count; } }
    }

    /// <summary>True the first time an id is offered; false for a repeat.</summary>
    public bool TryAdd(Snowflake id)
    {
        var now = _time.GetTimestamp();
        lock (_gate)
        {
            // The ring holds ids in arrival order: expire from the oldest end until one is young enough.
            while (_seen.Count > 0 && now - _seenAt[_oldest] > _rememberForTicks)
            {
                ForgetOldest();
            }

            if (_seen.Contains(id)) return false;
            if (_seen.Count == _order.Length) ForgetOldest();

            var slot = (_oldest + _seen.Count) % _order.Length;
            _order[slot] = id;
            _seenAt[slot] = now;
            _seen.Add(id);
            return true;
        }
    }

    private void ForgetOldest()
    {
        _seen.Remove(_order[_oldest]);
        _oldest = (_oldest + 1) % _order.Length;
    }
}
