using MiracleCell.Discord.Gateway;
using MiracleCell.Discord.Models;

namespace MiracleCell.Discord.Tests.Fakes.Gateway;

/// <summary>Records what the gateway client delivered, in order, and lets a test wait for it.</summary>
public sealed class RecordingEventSink : IGatewayEventSink
{
    private readonly Lock _gate = new();
    private readonly List<GatewayDispatch> _dispatches = [];
    private readonly List<Interaction> _interactions = [];
    private readonly List<GatewayReady> _readies = [];
    private readonly List<(Func<bool> Done, TaskCompletionSource Signal)> _waiters = [];

    /// <summary>When set, every interaction handler awaits this before returning (a slow handler).</summary>
    public Task? HoldInteractionHandlersUntil { get; set; }

    public IReadOnlyList<GatewayDispatch> Dispatches { get { lock (_gate) { return [.. _dispatches]; } } }
    public IReadOnlyList<Interaction> Interactions { get { lock (_gate) { return [.. _interactions]; } } }
    public IReadOnlyList<GatewayReady> Readies { get { lock (_gate) { return [.. _readies]; } } }

    public ValueTask OnDispatchAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        Record(() => _dispatches.Add(dispatch));
        return ValueTask.CompletedTask;
    }

    public ValueTask OnReadyAsync(GatewayReady ready, CancellationToken cancellationToken)
    {
        Record(() => _readies.Add(ready));
        return ValueTask.CompletedTask;
    }

    public async Task OnInteractionCreateAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        Record(() => _interactions.Add(interaction));
        if (HoldInteractionHandlersUntil is { } hold) await hold.WaitAsync(cancellationToken);
    }

    public Task WaitForDispatchAsync(string eventName, int count = 1) =>
        WaitAsync(() => _dispatches.Count(d => d.EventName == eventName) >= count, $"{count} × {eventName}");

    public Task WaitForInteractionsAsync(int count) =>
        WaitAsync(() => _interactions.Count >= count, $"{count} interactions");

    private void Record(Action add)
    {
        lock (_gate)
        {
            add();
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (!_waiters[i].Done()) continue;
                _waiters[i].Signal.TrySetResult();
                _waiters.RemoveAt(i);
            }
        }
    }

    private async Task WaitAsync(Func<bool> done, string what)
    {
        TaskCompletionSource signal = new(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (done()) return;
            _waiters.Add((done, signal));
        }
        try
        {
            await signal.Task.WaitAsync(FakeDiscordGateway.Patience);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The client did not deliver {what}; delivered: "
                + $"{string.Join(", ", Dispatches.Select(d => $"{d.EventName}#{d.Sequence}"))}");
        }
    }
}
