using Microsoft.Extensions.Logging;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Transport;

/// <summary>The responder's log lines, generated once: every interaction passes through here.</summary>
internal sealed partial class InteractionResponder
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped interaction {InteractionId} ({Type} {Name}): it "
        + "arrived {AgeMs:0} ms after it was created, past Discord's 3 s window")]
    private static partial void LogDroppedStale(
        ILogger logger, Snowflake interactionId, InteractionType type, string? name, double ageMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored a second delivery of interaction {InteractionId}")]
    private static partial void LogDuplicate(ILogger logger, Snowflake interactionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interaction {InteractionId} ({Name}) was still running "
        + "{SafetyNetMs:0} ms after it was created; deferred it")]
    private static partial void LogDeferredLate(
        ILogger logger, Snowflake interactionId, string? name, double safetyNetMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Interaction {InteractionId} ({Name}) arrived while the bot "
        + "was starting; deferred it until start-up finished")]
    private static partial void LogDeferredWhileStarting(ILogger logger, Snowflake interactionId, string? name);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Bug: interaction {InteractionId} was answered before its result was ready")]
    private static partial void LogAnsweredTooEarly(ILogger logger, Snowflake interactionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Could not delete message {MessageId} after interaction "
        + "{InteractionId} ({Status}); the re-post stands")]
    private static partial void LogCouldNotDelete(
        ILogger logger, Snowflake messageId, Snowflake interactionId, int status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bug: no transport support for follow-up action {Action}")]
    private static partial void LogUnsupportedAction(ILogger logger, string action);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Interaction {InteractionId} ({Name}) failed with error {ErrorId}: {Problem}")]
    private static partial void LogRefused(
        ILogger logger, Snowflake interactionId, string? name, string errorId, string problem);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Interaction {InteractionId} ({Name}) failed with error {ErrorId}")]
    private static partial void LogFailed(
        ILogger logger, Exception exception, Snowflake interactionId, string? name, string errorId);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Could not tell the user that interaction {InteractionId} failed: {Problem}")]
    private static partial void LogCouldNotReport(ILogger logger, Snowflake interactionId, string problem);
}
