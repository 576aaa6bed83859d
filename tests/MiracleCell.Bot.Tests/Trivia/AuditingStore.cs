using System.Collections.Concurrent;
using MiracleCell.Storage;

namespace MiracleCell.Bot.Tests.Trivia;

/// <summary>
/// The real store, counting what the coordinator asks of it, and refusing the answer writes that
/// <paramref name="refuse"/> picks (by the answer itself, so the same answer is refused however calls interleave).
/// </summary>
internal sealed class AuditingStore(ITriviaStore inner, Func<AnswerRecord, bool> refuse) : ITriviaStore
{
    /// <summary>Answers the store kept, by game, question and player.</summary>
    public ConcurrentDictionary<(long Game, int Question, Snowflake User), int> Kept { get; } = new();

    public ConcurrentDictionary<(long Game, int Question), int> Reveals { get; } = new();

    public ConcurrentDictionary<long, int> Finishes { get; } = new();

    public async Task<AnswerWriteResult> RecordAnswerAsync(AnswerRecord answer,
        CancellationToken cancellationToken = default)
    {
        if (refuse(answer)) throw new IOException("disk full");
        var result = await inner.RecordAnswerAsync(answer, cancellationToken);
        if (result == AnswerWriteResult.Recorded)
            Kept.AddOrUpdate((answer.GameId, answer.QuestionIndex, answer.UserId), 1, (_, n) => n + 1);
        return result;
    }

    public Task<bool> RecordQuestionRevealedAsync(Snowflake guildId, long gameId, int questionIndex,
        DateTimeOffset revealedAt, CancellationToken cancellationToken = default)
    {
        Reveals.AddOrUpdate((gameId, questionIndex), 1, (_, n) => n + 1);
        return inner.RecordQuestionRevealedAsync(guildId, gameId, questionIndex, revealedAt, cancellationToken);
    }

    public Task<GameClosure?> FinishGameAsync(Snowflake guildId, long gameId, GameEndState endState,
        DateTimeOffset endedAt, CancellationToken cancellationToken = default)
    {
        Finishes.AddOrUpdate(gameId, 1, (_, n) => n + 1);
        return inner.FinishGameAsync(guildId, gameId, endState, endedAt, cancellationToken);
    }

    public Task InitializeAsync(CancellationToken cancellationToken = default) =>
        inner.InitializeAsync(cancellationToken);

    public Task<CreateGameResult> CreateGameAsync(NewGame game, CancellationToken cancellationToken = default) =>
        inner.CreateGameAsync(game, cancellationToken);

    public Task<RunningGame?> FindRunningGameAsync(Snowflake guildId, Snowflake channelId,
        CancellationToken cancellationToken = default) =>
        inner.FindRunningGameAsync(guildId, channelId, cancellationToken);

    public Task<bool> RecordQuestionPostedAsync(Snowflake guildId, long gameId, int questionIndex, Snowflake messageId,
        DateTimeOffset openedAt, CancellationToken cancellationToken = default) =>
        inner.RecordQuestionPostedAsync(guildId, gameId, questionIndex, messageId, openedAt, cancellationToken);

    public Task<IReadOnlyList<GameClosure>> RecoverInterruptedGamesAsync(Func<Snowflake, bool>? isOwnGuild = null,
        CancellationToken cancellationToken = default) =>
        inner.RecoverInterruptedGamesAsync(isOwnGuild, cancellationToken);

    public Task<QuestionsLeftOpen?> GetQuestionsLeftOpenAsync(Snowflake guildId, long gameId,
        CancellationToken cancellationToken = default) =>
        inner.GetQuestionsLeftOpenAsync(guildId, gameId, cancellationToken);

    public Task<Leaderboard> GetLeaderboardAsync(Snowflake guildId, LeaderboardPeriod period, Snowflake callerId,
        CancellationToken cancellationToken = default) =>
        inner.GetLeaderboardAsync(guildId, period, callerId, cancellationToken);

    public Task<PlayerStats?> GetStatsAsync(Snowflake guildId, Snowflake userId,
        CancellationToken cancellationToken = default) =>
        inner.GetStatsAsync(guildId, userId, cancellationToken);

    public Task<bool> ResetMemberAsync(Snowflake guildId, Snowflake userId,
        CancellationToken cancellationToken = default) =>
        inner.ResetMemberAsync(guildId, userId, cancellationToken);

    public Task<int> ResetGuildAsync(Snowflake guildId, CancellationToken cancellationToken = default) =>
        inner.ResetGuildAsync(guildId, cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
