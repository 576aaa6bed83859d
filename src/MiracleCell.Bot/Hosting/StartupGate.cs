namespace MiracleCell.Bot.Hosting;

/// <summary>
/// Opens once what commands need is there: the content loaded and the store open. The hosted bot starts the host (so
/// the gateway connects) before that; interactions, and hosted work that needs the content, wait on
/// <see cref="Opened"/>. Registered only by the hosted bot: without one, everything is ready when resolved.
/// </summary>
internal sealed class StartupGate
{
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when start-up finished; cancelled when it failed (the process is about to exit).</summary>
    public Task Opened => _opened.Task;

    public bool IsOpen => _opened.Task.IsCompletedSuccessfully;

    public void Open() => _opened.TrySetResult();

    /// <summary>Start-up failed: whatever waits gives up.</summary>
    public void Fail() => _opened.TrySetCanceled();
}
