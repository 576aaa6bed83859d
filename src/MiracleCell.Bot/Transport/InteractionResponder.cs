using System.Net;
using Microsoft.Extensions.Logging;
using MiracleCell.Bot.Interactions;
using MiracleCell.Bot.Rendering;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Gateway;
using MiracleCell.Discord.Models;
using MiracleCell.Discord.Rest;

namespace MiracleCell.Bot.Transport;

/// <summary>
/// The one place that answers Discord for every interaction: drops interactions whose 3 s window has already passed,
/// replies at once when the work is in memory and defers first when it is not (or when an immediate handler runs
/// late), sends exactly one callback, delivers deferred results, turns failures into an ephemeral message, and
/// carries out the router's follow-up actions. While the bot is still starting (the router waits on the content
/// load), a command or button is deferred at the safety net instead, and answered once the router is there.
/// </summary>
internal sealed partial class InteractionResponder : IGatewayEventSink
{
    private readonly Task<InteractionRouter> _routerReady;
    private readonly IDiscordRestClient _rest;
    private readonly TimeProvider _time;
    private readonly InteractionTimings _timings;
    private readonly ILogger<InteractionResponder> _logger;
    private readonly RecentInteractionIds _recent;

    public InteractionResponder(InteractionRouter router, IDiscordRestClient rest, TimeProvider time,
        InteractionTimings timings, ILogger<InteractionResponder> logger)
        : this(Task.FromResult(router), rest, time, timings, logger)
    {
    }

    /// <param name="router">
    /// Completes when the router can be built: at start-up, once the content is loaded and the store is open.
    /// </param>
    public InteractionResponder(
        Task<InteractionRouter> router, IDiscordRestClient rest, TimeProvider time, InteractionTimings timings,
        ILogger<InteractionResponder> logger)
    {
        _routerReady = router;
        _rest = rest;
        _time = time;
        _timings = timings;
        _logger = logger;
        _recent = new RecentInteractionIds(time, timings.RememberIdsFor);
    }

    public async Task OnInteractionCreateAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var age = _time.GetUtcNow() - interaction.Id.CreatedAt;
        if (age > _timings.StaleAfter)
        {
            LogDroppedStale(_logger, interaction.Id, interaction.Type, NameOf(interaction), age.TotalMilliseconds);
            return;
        }
        if (!_recent.TryAdd(interaction.Id))
        {
            LogDuplicate(_logger, interaction.Id);
            return;
        }

        var exchange = new InteractionExchange(interaction, _rest, _logger);
        try
        {
            var router = _routerReady.IsCompletedSuccessfully
                ? _routerReady.Result
                : await WaitForRouterAsync(exchange, age, cancellationToken);
            var plan = router.PlanAcknowledgement(interaction);
            InteractionResult result;
            if (exchange.State != AcknowledgementState.None)
            {
                // Deferred while the bot was starting: the result becomes an edit or a follow-up.
                result = await router.HandleAsync(interaction, cancellationToken);
            }
            else if (plan.Mode == AcknowledgementMode.Deferred)
            {
                await exchange.DeferAsync(plan.Ephemeral, cancellationToken);
                result = await router.HandleAsync(interaction, cancellationToken);
            }
            else
            {
                result = await HandleWithSafetyNetAsync(router, exchange, age, cancellationToken);
            }

            await DeliverAsync(exchange, result, cancellationToken);
            await RunActionsAsync(exchange, result.Actions, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception exception)
        {
            await ReportFailureAsync(exchange, exception, cancellationToken);
        }
    }

    /// <summary>
    /// Runs an immediate handler; if it has not finished by <see cref="InteractionTimings.SafetyNetAfter"/> (counted
    /// from the interaction's creation), defers so the 3 s window is not missed, and the result becomes an edit.
    /// </summary>
    private async Task<InteractionResult> HandleWithSafetyNetAsync(
        InteractionRouter router, InteractionExchange exchange, TimeSpan age, CancellationToken cancellationToken)
    {
        var handling = router.HandleAsync(exchange.Interaction, cancellationToken);
        if (handling.IsCompleted || !CanDefer(exchange.Interaction)) return await handling;

        if (await DeferIfLateAsync(handling, exchange, age, cancellationToken))
        {
            LogDeferredLate(_logger, exchange.Interaction.Id, NameOf(exchange.Interaction),
                _timings.SafetyNetAfter.TotalMilliseconds);
        }
        return await handling;
    }

    /// <summary>
    /// The bot is still starting (content loading, store opening): wait for the router, deferring at the safety net
    /// so a command that arrives early still gets its answer inside Discord's window.
    /// </summary>
    private async Task<InteractionRouter> WaitForRouterAsync(
        InteractionExchange exchange, TimeSpan age, CancellationToken cancellationToken)
    {
        if (CanDefer(exchange.Interaction)
            && await DeferIfLateAsync(_routerReady, exchange, age, cancellationToken))
        {
            LogDeferredWhileStarting(_logger, exchange.Interaction.Id, NameOf(exchange.Interaction));
        }
        return await _routerReady.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Waits for <paramref name="work"/> until <see cref="InteractionTimings.SafetyNetAfter"/> (counted from the
    /// interaction's creation); if it is still running then, defers (type 5, or 6 for a button) and returns true.
    /// </summary>
    private async Task<bool> DeferIfLateAsync(
        Task work, InteractionExchange exchange, TimeSpan age, CancellationToken cancellationToken)
    {
        var remaining = _timings.SafetyNetAfter - (age > TimeSpan.Zero ? age : TimeSpan.Zero);
        using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var late = remaining > TimeSpan.Zero ? Task.Delay(remaining, _time, stopWaiting.Token) : Task.CompletedTask;
        var deferred = false;
        if (await Task.WhenAny(work, late) == late && !work.IsCompleted)
            deferred = await exchange.DeferAsync(ephemeral: false, cancellationToken);
        await stopWaiting.CancelAsync();
        return deferred;
    }

    private async Task DeliverAsync(InteractionExchange exchange, InteractionResult result,
        CancellationToken cancellationToken)
    {
        switch (exchange.State)
        {
            case AcknowledgementState.None:
                await exchange.RespondAsync(result.Response, cancellationToken);
                return;
            case AcknowledgementState.DeferredMessage:
                await DeliverAfterDeferredMessageAsync(exchange, ToMessage(result.Response), cancellationToken);
                return;
            case AcknowledgementState.DeferredUpdate when result.Response.Type == InteractionCallbackType.UpdateMessage:
                await exchange.EditOriginalAsync(ToMessage(result.Response) with { Flags = null }, cancellationToken);
                return;
            case AcknowledgementState.DeferredUpdate:
                await exchange.FollowUpAsync(ToMessage(result.Response), cancellationToken);
                return;
            default:
                LogAnsweredTooEarly(_logger, exchange.Interaction.Id);
                return;
        }
    }

    /// <summary>
    /// After a type 5: edit "thinking…" into the answer — unless the answer is ephemeral and the defer was not, in
    /// which case the public placeholder is deleted and the answer sent as an ephemeral follow-up, so an error meant
    /// for one user never appears in the channel.
    /// </summary>
    private static async Task DeliverAfterDeferredMessageAsync(InteractionExchange exchange, MessagePayload message,
        CancellationToken cancellationToken)
    {
        var ephemeral = message.Flags is { } flags && flags.HasFlag(MessageFlags.Ephemeral);
        if (ephemeral && !exchange.DeferredEphemerally)
        {
            await exchange.DeleteOriginalAsync(cancellationToken);
            await exchange.FollowUpAsync(message, cancellationToken);
            return;
        }
        // An edit cannot change flags; ephemerality was fixed by the defer.
        await exchange.EditOriginalAsync(message with { Flags = null }, cancellationToken);
    }

    private async Task RunActionsAsync(InteractionExchange exchange, IReadOnlyList<FollowUpAction> actions,
        CancellationToken cancellationToken)
    {
        var interaction = exchange.Interaction;
        foreach (var action in actions)
        {
            switch (action)
            {
                case DeleteTargetMessage delete:
                    try
                    {
                        await _rest.DeleteMessageAsync(delete.ChannelId, delete.MessageId, cancellationToken);
                    }
                    catch (DiscordApiException exception) when (exception.Status is HttpStatusCode.Forbidden
                        or HttpStatusCode.NotFound)
                    {
                        LogCouldNotDelete(_logger, delete.MessageId, interaction.Id, (int)exception.Status);
                        // Already gone (404) needs no word; a refusal (403) does, or the user thinks the bot failed
                        // silently.
                        if (exception.Status == HttpStatusCode.Forbidden)
                            await exchange.FollowUpAsync(
                                Replies.Error(Strings.CannotDeleteOriginal[Locales.FromCode(interaction.Locale)]),
                                cancellationToken);
                    }
                    break;
                default:
                    LogUnsupportedAction(_logger, action.GetType().Name);
                    break;
            }
        }
    }

    /// <summary>
    /// Something failed outside the router (a Discord refusal, a network error, a bug): log it with a short error id,
    /// and tell the user that id in an ephemeral message when the interaction can still carry one.
    /// </summary>
    private async Task ReportFailureAsync(InteractionExchange exchange, Exception exception,
        CancellationToken cancellationToken)
    {
        var interaction = exchange.Interaction;
        var errorId = ErrorIds.New();
        if (exception is DiscordApiException discord)
            LogRefused(_logger, interaction.Id, NameOf(interaction), errorId, discord.Message);
        else
            LogFailed(_logger, exception, interaction.Id, NameOf(interaction), errorId);

        var message = Replies.Error(Strings.SomethingWentWrong(errorId)[Locales.FromCode(interaction.Locale)]);
        try
        {
            switch (exchange.State)
            {
                case AcknowledgementState.None when interaction.Type == InteractionType.ApplicationCommandAutocomplete:
                    await exchange.RespondAsync(new InteractionResponse
                    {
                        Type = InteractionCallbackType.ApplicationCommandAutocompleteResult,
                        Data = new InteractionCallbackData { Choices = [] },
                    }, cancellationToken);
                    break;
                case AcknowledgementState.None when interaction.Type != InteractionType.Ping:
                    await exchange.RespondAsync(new InteractionResponse
                    {
                        Type = InteractionCallbackType.ChannelMessageWithSource,
                        Data = InteractionCallbackData.FromMessage(message),
                    }, cancellationToken);
                    break;
                case AcknowledgementState.DeferredMessage:
                    await DeliverAfterDeferredMessageAsync(exchange, message, cancellationToken);
                    break;
                case AcknowledgementState.DeferredUpdate:
                    await exchange.FollowUpAsync(message, cancellationToken);
                    break;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception reportFailure)
        {
            // Telling the user failed too (e.g. the token expired): the first failure is already logged.
            LogCouldNotReport(_logger, interaction.Id, reportFailure.Message);
        }
    }

    private static bool CanDefer(Interaction interaction) =>
        interaction.Type is InteractionType.ApplicationCommand or InteractionType.MessageComponent;

    private static MessagePayload ToMessage(InteractionResponse response)
    {
        var data = response.Data
            ?? throw new InvalidOperationException($"A callback of type {(int)response.Type} has no message to "
                + "deliver after a defer.");
        return new MessagePayload
        {
            Content = data.Content,
            Embeds = data.Embeds,
            Components = data.Components,
            AllowedMentions = data.AllowedMentions,
            Flags = data.Flags,
        };
    }

    private static string? NameOf(Interaction interaction) => interaction.Data?.Name ?? interaction.Data?.CustomId;
}
