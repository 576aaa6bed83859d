namespace MiracleCell.Storage;

/// <summary>
/// Where trivia games, answers and per-server scores live. Every operation is scoped to one guild:
/// none can read or change another guild's data. Implementations must make an acknowledged answer
/// durable (a crash after <see cref="RecordAnswerAsync"/> returns loses nothing) and count nothing twice.
/// </summary>
public interface ITriviaStore : IAsyncDisposable
{
    /// <summary>Creates the data folder and database and applies pending migrations. Other calls do this on first
    /// use.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Records a new game with its questions, unless a game is already running in the channel.</summary>
    Task<CreateGameResult> CreateGameAsync(NewGame game, CancellationToken cancellationToken = default);

    /// <summary>The game running in a channel, if any.</summary>
    Task<RunningGame?> FindRunningGameAsync(Snowflake guildId, Snowflake channelId,
        CancellationToken cancellationToken = default);

    /// <summary>Notes that a question's message was posted (its timer starts then). False when the game or question is
    /// unknown in this guild.</summary>
    Task<bool> RecordQuestionPostedAsync(Snowflake guildId, long gameId, int questionIndex, Snowflake messageId,
        DateTimeOffset openedAt, CancellationToken cancellationToken = default);

    /// <summary>Notes that a question's answer was revealed. False when the game or question is unknown in this
    /// guild.</summary>
    Task<bool> RecordQuestionRevealedAsync(Snowflake guildId, long gameId, int questionIndex, DateTimeOffset revealedAt,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Durably records a player's answer. The interaction id is the idempotency key: a redelivered interaction
    /// is reported as such and not counted again; a second answer by the same player to the same question is
    /// refused. Answers arriving together are committed together (group commit); the task completes after the commit.
    /// </summary>
    Task<AnswerWriteResult> RecordAnswerAsync(AnswerRecord answer, CancellationToken cancellationToken = default);

    /// <summary>
    /// Closes a game and adds its points, answers, games, wins and streaks to the players' totals — exactly once:
    /// closing an already closed game changes nothing (<see cref="GameClosure.TotalsApplied"/> is false).
    /// Returns null when the game does not exist in this guild.
    /// </summary>
    Task<GameClosure?> FinishGameAsync(Snowflake guildId, long gameId, GameEndState endState, DateTimeOffset endedAt,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Closes every game left running by a previous process (state <see cref="GameEndState.Interrupted"/>):
    /// answers already recorded keep their points and the totals are updated once. Call at start-up, before
    /// new games can begin. Returns the games closed by this call.
    /// </summary>
    /// <param name="isOwnGuild">
    /// Which guilds' games this process may close; null for all. Processes that share a database (one per shard)
    /// must close only their own guilds' games: the others are still running elsewhere.
    /// </param>
    Task<IReadOnlyList<GameClosure>> RecoverInterruptedGamesAsync(Func<Snowflake, bool>? isOwnGuild = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// A game's questions that were posted but never revealed, with the game's locale, so their messages can be
    /// closed after a restart. Null when the game does not exist in this guild.
    /// </summary>
    Task<QuestionsLeftOpen?> GetQuestionsLeftOpenAsync(Snowflake guildId, long gameId,
        CancellationToken cancellationToken = default);

    /// <summary>A guild's top ten for a period, plus the caller's own rank (null when they have no points in
    /// it).</summary>
    Task<Leaderboard> GetLeaderboardAsync(Snowflake guildId, LeaderboardPeriod period, Snowflake callerId,
        CancellationToken cancellationToken = default);

    /// <summary>A member's totals in a guild, or null when they have never played there (or were reset).</summary>
    Task<PlayerStats?> GetStatsAsync(Snowflake guildId, Snowflake userId,
        CancellationToken cancellationToken = default);

    /// <summary>Clears one member's scores in a guild. True when there was something to clear.</summary>
    Task<bool> ResetMemberAsync(Snowflake guildId, Snowflake userId, CancellationToken cancellationToken = default);

    /// <summary>Clears every member's scores in a guild. Returns how many members were cleared.</summary>
    Task<int> ResetGuildAsync(Snowflake guildId, CancellationToken cancellationToken = default);
}
