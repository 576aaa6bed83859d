using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Interactions;

/// <summary>Something the transport may do after sending the reply, where the bot is permitted to.</summary>
public abstract record FollowUpAction;

/// <summary>
/// Delete the message a message command targeted (used by "Hide spoilers"). The transport calls
/// <c>DELETE /channels/{channel}/messages/{message}</c> and ignores a 403/404: the re-post stands either way.
/// </summary>
public sealed record DeleteTargetMessage(Snowflake ChannelId, Snowflake MessageId) : FollowUpAction;

/// <summary>What a command or component handler returns: a message to post, or an error the user can fix.</summary>
public sealed class CommandResult
{
    private CommandResult(MessagePayload? message, UserError? error, IReadOnlyList<FollowUpAction> actions, bool updatesMessage)
    {
        Message = message;
        Error = error;
        Actions = actions;
        UpdatesMessage = updatesMessage;
    }

    public MessagePayload? Message { get; }
    public UserError? Error { get; }
    public IReadOnlyList<FollowUpAction> Actions { get; }

    /// <summary>True when a component handler replaces the message the component is on (callback type 7).</summary>
    public bool UpdatesMessage { get; }

    public static CommandResult Reply(MessagePayload message, params IReadOnlyList<FollowUpAction> actions) =>
        new(message, null, actions, updatesMessage: false);

    public static CommandResult Update(MessagePayload message) => new(message, null, [], updatesMessage: true);

    public static CommandResult Fail(UserError error) => new(null, error, [], updatesMessage: false);
}
