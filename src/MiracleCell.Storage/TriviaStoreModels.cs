using MiracleCell.Core.Text;
using MiracleCell.Core.Trivia;

namespace MiracleCell.Storage;

/// <param name="Locale">The language of the game's channel messages, kept so they can be rebuilt after a
/// restart.</param>
public sealed record NewGame(
    Snowflake GuildId,
    Snowflake ChannelId,
    Snowflake StartedBy,
    TriviaSettings Settings,
    DateTimeOffset StartedAt,
    IReadOnlyList<GameQuestion> Questions,
    Locale Locale = Locale.English);

/// <summary>The questions of a game whose messages were posted but never revealed: their buttons may still look
/// live.</summary>
/// <param name="Locale">The game's locale; null for a game recorded before locales were kept.</param>
/// <param name="QuestionCount">How many questions the game was to have.</param>
public sealed record QuestionsLeftOpen(Locale? Locale, int QuestionCount, IReadOnlyList<QuestionLeftOpen> Questions);

/// <param name="OptionOrderCode">The button order as stored, e.g. "2013" (see
/// <see cref="GameQuestion.OptionOrderCode"/>).</param>
/// <param name="Answered">How many players answered it.</param>
public sealed record QuestionLeftOpen(int Index, string QuestionId, string OptionOrderCode, Snowflake MessageId,
    int Answered);

public enum CreateGameStatus
{
    Created,
    /// <summary>A game is already running in this channel; <see cref="CreateGameResult.GameId"/> is that
    /// game.</summary>
    ChannelBusy,
}

public sealed record CreateGameResult(CreateGameStatus Status, long GameId)
{
    public bool IsCreated => Status == CreateGameStatus.Created;
}

public sealed record RunningGame(long GameId, Snowflake GuildId, Snowflake ChannelId, Snowflake StartedBy,
    DateTimeOffset StartedAt, int QuestionCount);

/// <param name="InteractionId">The Discord interaction id of the click: the idempotency key.</param>
/// <param name="Points">The points the game engine gave this answer (0 when wrong).</param>
public sealed record AnswerRecord(
    Snowflake InteractionId,
    Snowflake GuildId,
    long GameId,
    int QuestionIndex,
    Snowflake UserId,
    AnswerChoice Choice,
    bool IsCorrect,
    int Points,
    DateTimeOffset AnsweredAt);

public enum AnswerWriteResult
{
    /// <summary>New and now durable.</summary>
    Recorded,
    /// <summary>This player already has an answer to this question (from another interaction).</summary>
    AlreadyAnswered,
    /// <summary>This very interaction was recorded before: a redelivery, not counted again.</summary>
    Redelivered,
    /// <summary>The game is unknown in this guild, is not running, or has no such question.</summary>
    GameNotRunning,
}

public enum GameEndState
{
    Finished,
    Stopped,
    /// <summary>The process ended while the game ran; closed at the next start.</summary>
    Interrupted,
}

public sealed record PlayerGameScore(Snowflake UserId, int Points, int Answers, int CorrectAnswers);

/// <param name="TotalsApplied">True when this call closed the game and added it to the totals; false when it was
/// already closed.</param>
/// <param name="EndState">How the game ended (for an already closed game, how it ended then).</param>
public sealed record GameClosure(
    long GameId,
    Snowflake GuildId,
    Snowflake ChannelId,
    GameEndState EndState,
    bool TotalsApplied,
    IReadOnlyList<PlayerGameScore> Scores,
    Snowflake? WinnerId);

public enum LeaderboardPeriod
{
    AllTime,
    /// <summary>The current calendar month in UTC, by when the answers were given.</summary>
    ThisMonth,
}

public sealed record LeaderboardEntry(int Rank, Snowflake UserId, long Points);

/// <param name="Caller">The caller's line, whether or not they are in the top ten; null when they have no points in the
/// period.</param>
public sealed record Leaderboard(LeaderboardPeriod Period, IReadOnlyList<LeaderboardEntry> Top,
    LeaderboardEntry? Caller);

public sealed record PlayerStats(
    Snowflake UserId,
    long Points,
    int Games,
    int Wins,
    int Answers,
    int CorrectAnswers,
    int BestStreak,
    int CurrentStreak,
    int Rank)
{
    /// <summary>Share of answers that were right, 0–1.</summary>
    public double Accuracy => Answers == 0 ? 0 : (double)CorrectAnswers / Answers;
}
