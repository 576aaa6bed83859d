using MiracleCell.Storage;

namespace MiracleCell.Bot.Tests.Trivia;

/// <summary>
/// A store that passes every call to <paramref name="inner"/>; test stores derive from it and override only what
/// they watch or break. Disposing it leaves the inner store to its owner.
/// </summary>
internal abstract class ForwardingTriviaStore(ITriviaStore inner) : ITriviaStore
{
    public virtual Task<AnswerWriteResult> RecordAnswerAsync(AnswerRecord answer,
        CancellationToken cancellationToken = default) =>
        inner.RecordAnswerAsync(answer, cancellationToken);

    public virtual Task InitializeAsync(CancellationToken cancellationToken = default) =>
        inner.InitializeAsync(cancellationToken);

    public virtual Task<CreateGameResult> CreateGameAsync(NewGame game, CancellationToken cancellationToken = default) =>
        inner.CreateGameAsync(game, cancellationToken);

    public virtual Task<RunningGame?> FindRunningGameAsync(Snowflake guildId, Snowflake channelId,
        CancellationToken cancellationToken = default) =>
        inner.FindRunningGameAsync(guildId, channelId, cancellationToken);

    public virtual Task<bool> RecordQuestionPostedAsync(Snowflake guildId, long gameId, int questionIndex, Snowflake messageId,
        DateTimeOffset openedAt, CancellationToken cancellationToken = default) =>
        inner.RecordQuestionPostedAsync(guildId, gameId, questionIndex, messageId, openedAt, cancellationToken);

    public virtual Task<bool> RecordQuestionRevealedAsync(Snowflake guildId, long gameId, int questionIndex,
        DateTimeOffset revealedAt, CancellationToken cancellationToken = default) =>
        inner.RecordQuestionRevealedAsync(guildId, gameId, questionIndex, revealedAt, cancellationToken);

    public virtual Task<GameClosure?> FinishGameAsync(Snowflake guildId, long gameId, GameEndState endState,
        DateTimeOffset endedAt, CancellationToken cancellationToken = default) =>
        inner.FinishGameAsync(guildId, gameId, endState, endedAt, cancellationToken);

    public virtual Task<IReadOnlyList<GameClosure>> RecoverInterruptedGamesAsync(Func<Snowflake, bool>? isOwnGuild = null,
        CancellationToken cancellationToken = default) =>
        inner.RecoverInterruptedGamesAsync(isOwnGuild, cancellationToken);

    public virtual Task<QuestionsLeftOpen?> GetQuestionsLeftOpenAsync(Snowflake guildId, long gameId,
        CancellationToken cancellationToken = default) =>
        inner.GetQuestionsLeftOpenAsync(guildId, gameId, cancellationToken);

    public virtual Task<Leaderboard> GetLeaderboardAsync(Snowflake guildId, LeaderboardPeriod period, Snowflake callerId,
        CancellationToken cancellationToken = default) =>
        inner.GetLeaderboardAsync(guildId, period, callerId, cancellationToken);

    public virtual Task<PlayerStats?> GetStatsAsync(Snowflake guildId, Snowflake userId,
        CancellationToken cancellationToken = default) =>
        inner.GetStatsAsync(guildId, userId, cancellationToken);

    public virtual Task<bool> ResetMemberAsync(Snowflake guildId, Snowflake userId,
        CancellationToken cancellationToken = default) =>
        inner.ResetMemberAsync(guildId, userId, cancellationToken);

    public virtual Task<int> ResetGuildAsync(Snowflake guildId, CancellationToken cancellationToken = default) =>
        inner.ResetGuildAsync(guildId, cancellationToken);

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
