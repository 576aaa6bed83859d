using Microsoft.Extensions.Logging;

namespace MiracleCell.Storage;

/// <summary>Closing the games a previous process left running, the same way for every backend.</summary>
internal static class InterruptedGames
{
    /// <param name="running">The games still marked running, oldest first.</param>
    /// <param name="isOwnGuild">
    /// Which guilds' games this process may close; null for all. Other processes sharing the database run their own
    /// guilds' games: those are not interrupted.
    /// </param>
    public static async Task<IReadOnlyList<GameClosure>> CloseAsync(
        ITriviaStore store, IEnumerable<(long Id, Snowflake Guild)> running, Func<Snowflake, bool>? isOwnGuild,
        TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        var closed = new List<GameClosure>();
        foreach (var (id, guild) in running)
        {
            if (isOwnGuild is not null && !isOwnGuild(guild)) continue;
            var closure = await store.FinishGameAsync(guild, id, GameEndState.Interrupted, time.GetUtcNow(),
                cancellationToken)
                .ConfigureAwait(false);
            if (closure is { TotalsApplied: true })
            {
                logger.LogInformation(
                    "Closed trivia game {GameId} in guild {GuildId} left running by a previous run; {Players} "
                        + "players kept their points",
                    id, guild, closure.Scores.Count);
                closed.Add(closure);
            }
        }
        return closed;
    }
}
