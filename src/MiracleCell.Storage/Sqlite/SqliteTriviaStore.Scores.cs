using Microsoft.Data.Sqlite;

namespace MiracleCell.Storage.Sqlite;

public sealed partial class SqliteTriviaStore
{
    private const int LeaderboardSize = 10;

    public Task<Leaderboard> GetLeaderboardAsync(ulong guildId, LeaderboardPeriod period, ulong callerId, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(period)) throw new ArgumentOutOfRangeException(nameof(period), period, "Period must be AllTime or ThisMonth.");
        // Both periods read the same shape: a points table filtered to the guild (and month).
        var source = period == LeaderboardPeriod.AllTime ? "player_totals" : "monthly_points";
        string Scope(string alias) => period == LeaderboardPeriod.AllTime
            ? $"{alias}.guild_id = $guild"
            : $"{alias}.guild_id = $guild AND {alias}.month = $month";
        var month = MonthKey(_time.GetUtcNow());
        return ReadAsync(connection =>
        {
            using var top = connection.CreateCommand();
            top.CommandText = $"""
                SELECT RANK() OVER (ORDER BY t.points DESC), t.user_id, t.points FROM {source} t
                WHERE {Scope("t")} AND t.points > 0 ORDER BY t.points DESC, t.user_id LIMIT {LeaderboardSize};
                """;
            AddScope(top, guildId, month);
            var entries = new List<LeaderboardEntry>();
            using (var reader = top.ExecuteReader())
            {
                while (reader.Read()) entries.Add(new LeaderboardEntry(reader.GetInt32(0), Snowflake(reader.GetInt64(1)), reader.GetInt64(2)));
            }

            using var mine = connection.CreateCommand();
            mine.CommandText = $"""
                SELECT t.points, (SELECT COUNT(*) FROM {source} o WHERE {Scope("o")} AND o.points > t.points) + 1
                FROM {source} t WHERE {Scope("t")} AND t.user_id = $user AND t.points > 0;
                """;
            AddScope(mine, guildId, month);
            mine.Parameters.AddWithValue("$user", Id(callerId));
            using var own = mine.ExecuteReader();
            var caller = own.Read() ? new LeaderboardEntry(own.GetInt32(1), callerId, own.GetInt64(0)) : null;
            return new Leaderboard(period, entries, caller);
        }, cancellationToken);
    }

    private static void AddScope(SqliteCommand command, ulong guildId, string month)
    {
        command.Parameters.AddWithValue("$guild", Id(guildId));
        command.Parameters.AddWithValue("$month", month);
    }

    public Task<PlayerStats?> GetStatsAsync(ulong guildId, ulong userId, CancellationToken cancellationToken = default) =>
        ReadAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT points, games, wins, answers, correct, best_streak, current_streak,
                       (SELECT COUNT(*) FROM player_totals o WHERE o.guild_id = t.guild_id AND o.points > t.points) + 1
                FROM player_totals t WHERE t.guild_id = $guild AND t.user_id = $user;
                """;
            command.Parameters.AddWithValue("$guild", Id(guildId));
            command.Parameters.AddWithValue("$user", Id(userId));
            using var reader = command.ExecuteReader();
            return reader.Read()
                ? new PlayerStats(userId, reader.GetInt64(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3),
                    reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6), reader.GetInt32(7))
                : null;
        }, cancellationToken);

    public Task<bool> ResetMemberAsync(ulong guildId, ulong userId, CancellationToken cancellationToken = default) =>
        WriteAsync(session =>
        {
            var totals = session.Command("DELETE FROM player_totals WHERE guild_id = $guild AND user_id = $user;");
            totals.Parameters.AddWithValue("$guild", Id(guildId));
            totals.Parameters.AddWithValue("$user", Id(userId));
            var monthly = session.Command("DELETE FROM monthly_points WHERE guild_id = $guild AND user_id = $user;");
            monthly.Parameters.AddWithValue("$guild", Id(guildId));
            monthly.Parameters.AddWithValue("$user", Id(userId));
            return (totals.ExecuteNonQuery() + monthly.ExecuteNonQuery()) > 0;
        }, cancellationToken);

    public Task<int> ResetGuildAsync(ulong guildId, CancellationToken cancellationToken = default) =>
        WriteAsync(session =>
        {
            var totals = session.Command("DELETE FROM player_totals WHERE guild_id = $guild;");
            totals.Parameters.AddWithValue("$guild", Id(guildId));
            var monthly = session.Command("DELETE FROM monthly_points WHERE guild_id = $guild;");
            monthly.Parameters.AddWithValue("$guild", Id(guildId));
            var members = totals.ExecuteNonQuery();
            monthly.ExecuteNonQuery();
            return members;
        }, cancellationToken);
}
