using Microsoft.Extensions.Logging;
using MiracleCell.Storage;

namespace MiracleCell.Bot.Trivia;

/// <summary>A game's log lines, generated once: every answer and question of every night passes through here.</summary>
internal sealed partial class TriviaGameActor
{
    [LoggerMessage(Level = LogLevel.Error,
        Message = "Could not store the answer of {UserId} to question {Index} of trivia game {GameId}")]
    private static partial void LogAnswerNotStored(
        ILogger logger, Exception exception, Snowflake userId, int index, long gameId);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Could not post {What} of trivia game {GameId} to channel {ChannelId}; ending the game")]
    private static partial void LogPostFailed(
        ILogger logger, Exception exception, string what, long gameId, Snowflake channelId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not close trivia game {GameId} in the store")]
    private static partial void LogNotClosed(ILogger logger, Exception exception, long gameId);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Trivia game {GameId} {EndState} after {Asked} questions with {Players} players")]
    private static partial void LogEnded(ILogger logger, long gameId, GameEndState endState, int asked, int players);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record {What} of trivia game {GameId}")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception, string what, long gameId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Trivia game {GameId} failed handling {Event}")]
    private static partial void LogEventFailed(ILogger logger, Exception exception, long gameId, string @event);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A message of trivia game {GameId} could not be sent")]
    private static partial void LogNotSent(ILogger logger, Exception exception, long gameId);
}
