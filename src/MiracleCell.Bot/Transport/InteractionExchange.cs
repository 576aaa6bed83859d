using Microsoft.Extensions.Logging;
using MiracleCell.Discord.Models;
using MiracleCell.Discord.Rest;

namespace MiracleCell.Bot.Transport;

/// <summary>How an interaction has been acknowledged so far.</summary>
internal enum AcknowledgementState
{
    None,
    /// <summary>The one callback carried the final answer (types 1, 4, 7, 8).</summary>
    Responded,
    /// <summary>Type 5: the user sees "thinking…"; the answer goes to <c>PATCH @original</c>.</summary>
    DeferredMessage,
    /// <summary>Type 6 (components): nothing visible; the component's message is edited or a follow-up
    /// posted.</summary>
    DeferredUpdate,
}

/// <summary>
/// One interaction's conversation with Discord. Owns the single callback: whichever path claims it first sends it,
/// and any later attempt is a bug that is logged and never sent (Discord would answer 40060 anyway).
/// </summary>
internal sealed partial class InteractionExchange(Interaction interaction, IDiscordRestClient rest, ILogger logger)
{
    private int _state = (int)AcknowledgementState.None;

    public Interaction Interaction { get; } = interaction;

    public AcknowledgementState State => (AcknowledgementState)Volatile.Read(ref _state);

    /// <summary>Whether a type 5 defer was sent with the ephemeral flag (ephemerality is fixed at defer
    /// time).</summary>
    public bool DeferredEphemerally { get; private set; }

    /// <summary>Sends <paramref name="response"/> as the callback; false (and nothing sent) when a callback was already
    /// claimed.</summary>
    public async Task<bool> RespondAsync(InteractionResponse response, CancellationToken cancellationToken)
    {
        if (!TryClaim(AcknowledgementState.Responded, $"callback type {(int)response.Type}")) return false;
        await rest.CreateInteractionResponseAsync(Interaction.Id, Interaction.Token, response, cancellationToken);
        return true;
    }

    /// <summary>Sends type 5 (with flag 64 when <paramref name="ephemeral"/>) for commands, type 6 for
    /// components.</summary>
    public async Task<bool> DeferAsync(bool ephemeral, CancellationToken cancellationToken)
    {
        var updatesComponentMessage = Interaction.Type == InteractionType.MessageComponent;
        var state = updatesComponentMessage
            ? AcknowledgementState.DeferredUpdate
            : AcknowledgementState.DeferredMessage;
        if (!TryClaim(state, updatesComponentMessage ? "defer type 6" : "defer type 5")) return false;
        DeferredEphemerally = ephemeral && !updatesComponentMessage;
        var response = updatesComponentMessage
            ? new InteractionResponse { Type = InteractionCallbackType.DeferredUpdateMessage }
            : new InteractionResponse
            {
                Type = InteractionCallbackType.DeferredChannelMessageWithSource,
                Data = DeferredEphemerally ? new InteractionCallbackData { Flags = MessageFlags.Ephemeral } : null,
            };
        await rest.CreateInteractionResponseAsync(Interaction.Id, Interaction.Token, response, cancellationToken);
        return true;
    }

    public Task<Message> EditOriginalAsync(MessagePayload message, CancellationToken cancellationToken) =>
        rest.EditOriginalResponseAsync(Interaction.ApplicationId, Interaction.Token, message, cancellationToken);

    public Task DeleteOriginalAsync(CancellationToken cancellationToken) =>
        rest.DeleteOriginalResponseAsync(Interaction.ApplicationId, Interaction.Token, cancellationToken);

    public Task<Message> FollowUpAsync(MessagePayload message, CancellationToken cancellationToken) =>
        rest.CreateFollowupMessageAsync(Interaction.ApplicationId, Interaction.Token, message, cancellationToken);

    private bool TryClaim(AcknowledgementState state, string attempt)
    {
        var previous = (AcknowledgementState)Interlocked.CompareExchange(ref _state, (int)state,
            (int)AcknowledgementState.None);
        if (previous == AcknowledgementState.None) return true;
        LogSecondCallback(logger, attempt, Interaction.Id, previous);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Bug: a second callback ({Attempt}) for interaction "
        + "{InteractionId} was attempted after {Previous}; it was not sent")]
    private static partial void LogSecondCallback(
        ILogger logger, string attempt, Snowflake interactionId, AcknowledgementState previous);
}
