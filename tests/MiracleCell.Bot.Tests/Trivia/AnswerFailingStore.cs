using MiracleCell.Storage;

namespace MiracleCell.Bot.Tests.Trivia;

/// <summary>The real store, except that answer writes throw while <paramref name="failing"/> says so.</summary>
internal sealed class AnswerFailingStore(ITriviaStore inner, Func<bool> failing) : ITriviaStore
{
    public Task<AnswerWriteResult> RecordAnswerAsync(AnswerRecord answer,
        CancellationToken cancellationToken = default) =>
        failing() ? throw new IOException("disk full") : inner.RecordAnswerAsync(answer, cancellationToken);

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

    public Task<bool> RecordQuestionRevealedAsync(Snowflake guildId, long gameId, int questionIndex,
        DateTimeOffset revealedAt, CancellationToken cancellationToken = default) =>
        inner.RecordQuestionRevealedAsync(guildId, gameId, questionIndex, revealedAt, cancellationToken);

    public Task<GameClosure?> FinishGameAsync(Snowflake guildId, long gameId, GameEndState endState,
        DateTimeOffset endedAt, CancellationToken cancellationToken = default) =>
        inner.FinishGameAsync(guildId, gameId, endState, endedAt, cancellationToken);

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
