using MiracleCell.Testing;

namespace MiracleCell.Discord.Tests.Fakes.Rest;

/// <summary>
/// A <see cref="ManualTimeProvider"/> that also tells a test when code under test has started waiting: every timer
/// it creates is announced with its due time, so a test can await "the client is now waiting 3 s" instead of sleeping.
/// </summary>
public sealed class ObservableClock : TimeProvider
{
    private readonly ManualTimeProvider _inner = new();
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _created = [];
    private readonly List<(TimeSpan Due, int Count, TaskCompletionSource Signal)> _waiters = [];

    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow();

    public override long GetTimestamp() => _inner.GetTimestamp();

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = _inner.CreateTimer(callback, state, dueTime, period);
        lock (_gate)
        {
            _created.Add(dueTime);
            foreach (var waiter in _waiters.Where(w => Count(w.Due) >= w.Count).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Signal.TrySetResult();
            }
        }

        return timer;
    }

    public void Advance(TimeSpan by) => _inner.Advance(by);

    /// <summary>The due times of every timer created so far.</summary>
    public IReadOnlyList<TimeSpan> CreatedTimers
    {
        get { lock (_gate) { return [.. _created]; } }
    }

    /// <summary>Completes once <paramref name="count"/> timers due after <paramref name="due"/> (to the millisecond)
    /// exist.</summary>
    public async Task WaitForTimersAsync(TimeSpan due, int count = 1, TimeSpan? timeout = null)
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            if (Count(due) >= count) return;
            signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((due, count, signal));
        }

        try
        {
            await signal.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(
                $"Expected {count} timer(s) due in {due}; timers created: {string.Join(", ", CreatedTimers)}");
        }
    }

    private int Count(TimeSpan due) => _created.Count(t => Math.Abs((t - due).TotalMilliseconds) < 1);
}
