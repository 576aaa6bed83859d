using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using MiracleCell.Discord.Models;

namespace MiracleCell.Discord.Gateway;

/// <summary>
/// Hands dispatches from the receive loop to the sinks through an unbounded queue, so the receive loop never waits
/// for a sink. Interactions each get their own task: started on this loop when no other dispatch is waiting, on the
/// thread pool when some are.
/// </summary>
internal sealed partial class GatewayEventDispatcher(IReadOnlyList<IGatewayEventSink> sinks, ILogger logger)
{
    private readonly Channel<GatewayDispatch> _queue =
        Channel.CreateUnbounded<GatewayDispatch>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<Task, bool> _runningHandlers = new();

    public void Publish(GatewayDispatch dispatch) => _queue.Writer.TryWrite(dispatch);

    /// <summary>No more dispatches: <see cref="RunAsync"/> delivers what is queued and waits for running
    /// handlers.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    public async Task RunAsync(CancellationToken stopping)
    {
        await foreach (var dispatch in _queue.Reader.ReadAllAsync(CancellationToken.None))
        {
            foreach (var sink in sinks)
            {
                try { await sink.OnDispatchAsync(dispatch, stopping); }
                catch (Exception ex) { LogSinkFailed(logger, ex, dispatch.EventName); }
            }
            switch (dispatch.EventName)
            {
                case GatewayEventNames.Ready:
                    await DeliverReadyAsync(dispatch, stopping);
                    break;
                case GatewayEventNames.InteractionCreate:
                    StartInteractionHandlers(dispatch, stopping);
                    break;
            }
        }
        await Task.WhenAll(_runningHandlers.Keys);
    }

    private async Task DeliverReadyAsync(GatewayDispatch dispatch, CancellationToken stopping)
    {
        if (GatewayReady.TryParse(dispatch.Data) is not { } ready) return;
        foreach (var sink in sinks)
        {
            try { await sink.OnReadyAsync(ready, stopping); }
            catch (Exception ex) { LogSinkFailed(logger, ex, "READY"); }
        }
    }

    private void StartInteractionHandlers(GatewayDispatch dispatch, CancellationToken stopping)
    {
        Interaction? interaction;
        try
        {
            interaction = dispatch.Data.Deserialize(DiscordJsonContext.Default.Interaction);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            LogMalformedInteraction(logger, dispatch.Sequence, ex.Message);
            return;
        }
        if (interaction is null) return;

        // With nothing else queued, the handler starts here and leaves this loop at its first await (every handler
        // awaits its callback): one hand-off between threads fewer per interaction at a steady rate. When dispatches
        // are waiting (a burst), each handler gets its own thread-pool task, so handlers run side by side.
        var inline = !_queue.Reader.TryPeek(out _);
        foreach (var sink in sinks)
        {
            var handler = inline
                ? RunHandlerAsync(sink, interaction, stopping)
                : Task.Run(() => RunHandlerAsync(sink, interaction, stopping), CancellationToken.None);
            if (handler.IsCompleted) continue;
            _runningHandlers.TryAdd(handler, true);
            _ = handler.ContinueWith(
                finished => _runningHandlers.TryRemove(finished, out _),
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task RunHandlerAsync(IGatewayEventSink sink, Interaction interaction, CancellationToken stopping)
    {
        try
        {
            await sink.OnInteractionCreateAsync(interaction, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception ex)
        {
            LogHandlerFailed(logger, ex, interaction.Id);
        }
    }
}
