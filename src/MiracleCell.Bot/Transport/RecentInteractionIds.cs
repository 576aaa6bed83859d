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
    // The ring starts small and doubles up to the capacity: a bot that sees a few interactions a minute never holds
    // the full 128 KB of a busy one.
    private const int InitialRing = 256;

    private readonly int _capacity;
    private readonly HashSet<Snowflake> _seen;
    private Snowflake[] _order;
    private long[] _seenAt;
    private int _oldest;

    public RecentInteractionIds(TimeProvider time, TimeSpan rememberFor, int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfLessThan(rememberFor, TimeSpan.Zero);
        _time = time;
        _rememberForTicks = (long)(rememberFor.TotalSeconds * time.TimestampFrequency);
        _capacity = capacity;
        _seen = [];
        _order = new Snowflake[Math.Min(capacity, InitialRing)];
        _seenAt = new long[_order.Length];
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
            if (_seen.Count == _order.Length)
            {
                if (_order.Length < _capacity) Grow();
                else ForgetOldest();
            }

            var slot = (_oldest + _seen.Count) % _order.Length;
            _order[slot] = id;
            _seenAt[slot] = now;
            _seen.Add(id);
            return true;
        }
    }

    /// <summary>Doubles the ring (up to the capacity), oldest id first.</summary>
    private void Grow()
    {
        var length = Math.Min(_capacity, _order.Length * 2);
        var order = new Snowflake[length];
        var seenAt = new long[length];
        var count = _seen.Count;
        for (var i = 0; i < count; i++)
        {
            var slot = (_oldest + i) % _order.Length;
            order[i] = _order[slot];
            seenAt[i] = _seenAt[slot];
        }
        _order = order;
        _seenAt = seenAt;
        _oldest = 0;
    }

    private void ForgetOldest()
    {
        _seen.Remove(_order[_oldest]);
        _oldest = (_oldest + 1) % _order.Length;
    }
}
