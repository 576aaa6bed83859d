namespace MiracleCell.Discord.Gateway;

/// <summary>
/// A sliding window over one connection's sends: at most <c>totalLimit</c> per window in all, and at most
/// <c>nonHeartbeatLimit</c> for anything but heartbeats, so heartbeats always have room.
/// </summary>
internal sealed class GatewaySendRateLimiter
{
    private readonly Lock _gate = new();
    private readonly Queue<long> _sentAt = new();
    private readonly TimeProvider _time;
    private readonly int _totalLimit;
    private readonly int _nonHeartbeatLimit;
    private readonly TimeSpan _window;

    public GatewaySendRateLimiter(TimeProvider time, int totalLimit, int nonHeartbeatLimit, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(totalLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(nonHeartbeatLimit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(nonHeartbeatLimit, totalLimit);
        _time = time;
        _totalLimit = totalLimit;
        _nonHeartbeatLimit = nonHeartbeatLimit;
        _window = window;
    }

    /// <summary>Waits until a send fits in the window, then counts it.</summary>
    public async ValueTask WaitAsync(bool isHeartbeat, CancellationToken cancellationToken)
    {
        while (true)
        {
            var wait = TryReserve(isHeartbeat ? _totalLimit : _nonHeartbeatLimit);
            if (wait == TimeSpan.Zero) return;
            await Task.Delay(wait, _time, cancellationToken);
        }
    }

    /// <summary>Zero when the send was counted; otherwise how long until the window has room.</summary>
    private TimeSpan TryReserve(int limit)
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            while (_sentAt.Count > 0 && _time.GetElapsedTime(_sentAt.Peek(), now) >= _window) _sentAt.Dequeue();
            if (_sentAt.Count < limit)
            {
                _sentAt.Enqueue(now);
                return TimeSpan.Zero;
            }
            // Room opens when the send that puts us at the limit leaves the window.
            var blocking = _sentAt.ElementAt(_sentAt.Count - limit);
            var wait = _window - _time.GetElapsedTime(blocking, now);
            return wait > TimeSpan.Zero ? wait : TimeSpan.FromTicks(1);
        }
    }
}
