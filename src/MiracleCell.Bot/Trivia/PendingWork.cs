namespace MiracleCell.Bot.Trivia;

/// <summary>Counts work in progress and lets a caller wait until none is left (used to drain answer writes and
/// background work).</summary>
internal sealed class PendingWork
{
    private readonly Lock _gate = new();
    private int _count;
    private TaskCompletionSource? _idle;

    public void Begin()
    {
        lock (_gate) { _count++; }
    }

    public void End()
    {
        TaskCompletionSource? idle = null;
        lock (_gate)
        {
            if (--_count == 0)
            {
                idle = _idle;
                _idle = null;
            }
        }
        idle?.TrySetResult();
    }

    /// <summary>Completes when the count is zero (at once if it is already).</summary>
    public Task WhenIdleAsync()
    {
        lock (_gate)
        {
            if (_count == 0) return Task.CompletedTask;
            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task;
        }
    }
}
