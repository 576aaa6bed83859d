using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Interactions;

internal enum InteractionOutcome
{
    /// <summary>The handler produced its reply (or autocomplete choices).</summary>
    Replied,
    /// <summary>An expected failure: <see cref="InteractionResult.Error"/> says what; the response is its ephemeral
    /// message.</summary>
    UserError,
    /// <summary>The handler threw; it was logged and the response is an ephemeral "something went wrong".</summary>
    Failed,
}

/// <summary>
/// Everything the router decided for one interaction. <see cref="Response"/> is always a complete, valid
/// callback body — including for errors — so a transport never has to build one itself.
/// </summary>
internal sealed record InteractionResult(
    InteractionOutcome Outcome,
    InteractionResponse Response,
    IReadOnlyList<FollowUpAction> Actions,
    UserError? Error = null)
{
    /// <summary>
    /// The body for <c>PATCH /webhooks/{app}/{token}/messages/@original</c> after a deferred acknowledgement;
    /// null for autocomplete results, which are never deferred.
    /// </summary>
    public MessagePayload? EditOriginalBody => Response.Data is { Choices: null } data
        ? new MessagePayload
        {
            Content = data.Content,
            Embeds = data.Embeds,
            Components = data.Components,
            AllowedMentions = data.AllowedMentions,
        }
        : null;
}
