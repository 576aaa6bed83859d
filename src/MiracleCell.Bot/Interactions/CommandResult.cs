using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Interactions;

/// <summary>Something the transport may do after sending the reply, where the bot is permitted to.</summary>
internal abstract record FollowUpAction;

/// <summary>
/// Delete the message a message command targeted (used by "Hide spoilers"). The transport calls
/// <c>DELETE /channels/{channel}/messages/{message}</c> and ignores a 403/404: the re-post stands either way.
/// </summary>
internal sealed record DeleteTargetMessage(Snowflake ChannelId, Snowflake MessageId) : FollowUpAction;

/// <summary>
/// What a command or component handler returns: the message to post. A mistake the user can fix is never returned:
/// the handler throws <see cref="UserErrorException"/>, which the router renders (see decisions §25).
/// </summary>
internal sealed class CommandResult
{
    private CommandResult(MessagePayload message, IReadOnlyList<FollowUpAction> actions, bool updatesMessage)
    {
        Message = message;
        Actions = actions;
        UpdatesMessage = updatesMessage;
    }

    public MessagePayload Message { get; }
    public IReadOnlyList<FollowUpAction> Actions { get; }

    /// <summary>True when a component handler replaces the message the component is on (callback type 7).</summary>
    public bool UpdatesMessage { get; }

    public static CommandResult Reply(MessagePayload message, params IReadOnlyList<FollowUpAction> actions) =>
        new(message, actions, updatesMessage: false);

    public static CommandResult Update(MessagePayload message) => new(message, [], updatesMessage: true);

    /// <summary>
    /// A reply its command keeps and returns again, unchanged, to every interaction that asks for it (the
    /// <c>/film</c> pages): the router builds its callback once and the same serialized body is sent each time.
    /// </summary>
    public static CommandResult Kept(MessagePayload message) =>
        new(message, [], updatesMessage: false) { IsKept = true };

    public bool IsKept { get; private init; }

    /// <summary>The callback the router built for a kept reply, the first time it was given.</summary>
    internal InteractionResult? KeptCallback { get; set; }
}
