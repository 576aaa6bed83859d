using Npgsql;

namespace MiracleCell.Storage.PostgreSql;

public sealed partial class PostgreSqlTriviaStore
{
    private const int LeaderboardSize = 10;

    public Task<Leaderboard> GetLeaderboardAsync(Snowflake guildId, LeaderboardPeriod period, Snowflake callerId,
        CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(period))
            throw new ArgumentOutOfRangeException(nameof(period), period, "Period must be AllTime or ThisMonth.");
        // Both periods read the same shape: a points table filtered to the guild (and month).
        var source = period == LeaderboardPeriod.AllTime ? "player_totals" : "monthly_points";
        string Scope(string alias) => period == LeaderboardPeriod.AllTime
            ? $"{alias}.guild_id = @guild"
            : $"{alias}.guild_id = @guild AND {alias}.month = @month";
        var month = MonthKey(_time.GetUtcNow());
        return ReadAsync(async connection =>
        {
            var entries = new List<LeaderboardEntry>();
            await using (var top = new NpgsqlCommand($"""
                SELECT (RANK() OVER (ORDER BY t.points DESC))::integer, t.user_id, t.points FROM {source} t
                WHERE {Scope("t")} AND t.points > 0 ORDER BY t.points DESC, t.user_id LIMIT {LeaderboardSize};
                """, connection))
            {
                AddScope(top, guildId, month, period);
                await using var reader = await top.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    entries.Add(
                        new LeaderboardEntry(reader.GetInt32(0), Snowflake(reader.GetInt64(1)), reader.GetInt64(2)));
                }
            }

            await using var mine = new NpgsqlCommand($"""
                SELECT t.points, ((SELECT COUNT(*) FROM {source} o WHERE {Scope("o")} AND o.points > t.points)
                    + 1)::integer
                FROM {source} t WHERE {Scope("t")} AND t.user_id = @user AND t.points > 0;
                """, connection);
            AddScope(mine, guildId, month, period);
            mine.Parameters.Add(P("user", Id(callerId)));
            await using var own = await mine.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var caller = await own.ReadAsync(cancellationToken).ConfigureAwait(false)
                ? new LeaderboardEntry(own.GetInt32(1), callerId, own.GetInt64(0))
                : null;
            return new Leaderboard(period, entries, caller);
        }, cancellationToken);
    }

    private static void AddScope(NpgsqlCommand command, Snowflake guildId, string month, LeaderboardPeriod period)
    {
        command.Parameters.Add(P("guild", Id(guildId)));
        if (period == LeaderboardPeriod.ThisMonth) command.Parameters.Add(P("month", month));
    }

    public Task<PlayerStats?> GetStatsAsync(Snowflake guildId, Snowflake userId,
        CancellationToken cancellationToken = default) =>
        ReadAsync(async connection =>
        {
            await using var command = new NpgsqlCommand("""
                SELECT points, games, wins, answers, correct, best_streak, current_streak,
                       ((SELECT COUNT(*) FROM player_totals o WHERE o.guild_id = t.guild_id AND o.points > t.points)
                           + 1)::integer
                FROM player_totals t WHERE t.guild_id = @guild AND t.user_id = @user;
                """, connection);
            command.Parameters.Add(P("guild", Id(guildId)));
            command.Parameters.Add(P("user", Id(userId)));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ? new PlayerStats(userId, reader.GetInt64(0), reader.GetInt32(1), reader.GetInt32(2),
                    reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6), reader.GetInt32(7))
                : null;
        }, cancellationToken);

    public Task<bool> ResetMemberAsync(Snowflake guildId, Snowflake userId,
        CancellationToken cancellationToken = default) =>
        WriteAsync(async session =>
        {
            await using var command = session.Command("""
                WITH totals AS (DELETE FROM player_totals WHERE guild_id = @guild AND user_id = @user RETURNING 1),
                     monthly AS (DELETE FROM monthly_points WHERE guild_id = @guild AND user_id = @user RETURNING 1)
                SELECT (SELECT COUNT(*) FROM totals) + (SELECT COUNT(*) FROM monthly);
                """);
            command.Parameters.Add(P("guild", Id(guildId)));
            command.Parameters.Add(P("user", Id(userId)));
            return (long)(await command.ExecuteScalarAsync().ConfigureAwait(false))! > 0;
        }, cancellationToken);

    public Task<int> ResetGuildAsync(Snowflake guildId, CancellationToken cancellationToken = default) =>
        WriteAsync(async session =>
        {
            await using var command = session.Command("""
                WITH totals AS (DELETE FROM player_totals WHERE guild_id = @guild RETURNING 1),
                     monthly AS (DELETE FROM monthly_points WHERE guild_id = @guild RETURNING 1)
                SELECT (SELECT COUNT(*) FROM totals)::integer, (SELECT COUNT(*) FROM monthly);
                """);
            command.Parameters.Add(P("guild", Id(guildId)));
            return (int)(await command.ExecuteScalarAsync().ConfigureAwait(false))!;
        }, cancellationToken);
}
