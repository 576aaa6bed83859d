using MiracleCell.Discord.Models;

namespace MiracleCell.Discord.Gateway;

/// <summary>
/// Receives gateway events. Register any number with
/// <c>services.AddSingleton&lt;IGatewayEventSink, MySink&gt;()</c>; implement only the members you need.
/// </summary>
/// <remarks>
/// Events reach sinks from a queue, never from the socket's receive loop, so no sink can delay heartbeats or
/// reading. <see cref="OnDispatchAsync"/> and <see cref="OnReadyAsync"/> run in gateway order, one at a time:
/// keep them quick. <see cref="OnInteractionCreateAsync"/> runs as its own task for each interaction, so a handler
/// that awaits does not hold up the next interaction (each must be acknowledged within 3 s). When no other dispatch
/// is waiting, it starts on the queue's loop and leaves it at its first await: do no long blocking work before that.
/// Events may be delivered again after a reconnect that needed a new session; use the interaction id as an
/// idempotency key. Within one session a replayed event is delivered once.
/// </remarks>
public interface IGatewayEventSink
{
    /// <summary>Every dispatch, including READY, RESUMED, INTERACTION_CREATE and events this library has no type
    /// for.</summary>
    ValueTask OnDispatchAsync(GatewayDispatch dispatch, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>A new session started (after every Identify, not after a resume).</summary>
    ValueTask OnReadyAsync(GatewayReady ready, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>An <c>INTERACTION_CREATE</c>, typed. Runs concurrently with other interactions.</summary>
    Task OnInteractionCreateAsync(Interaction interaction, CancellationToken cancellationToken) => Task.CompletedTask;
}
