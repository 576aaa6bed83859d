using LiteDB;
using static MiracleCell.Storage.LiteDb.ScoreDocuments;

namespace MiracleCell.Storage.LiteDb;

public sealed partial class LiteDbTriviaStore
{
    private const int LeaderboardSize = 10;

    // A guild's members are read through the guild index and ranked in memory: a server has at most some
    // thousands of players, and ranks with ties are simplest to get right over the whole list.
    public Task<Leaderboard> GetLeaderboardAsync(Snowflake guildId, LeaderboardPeriod period, Snowflake callerId,
        CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(period))
            throw new ArgumentOutOfRangeException(nameof(period), period, "Period must be AllTime or ThisMonth.");
        var month = MonthKey(_time.GetUtcNow());
        return ReadAsync(database =>
        {
            var rows = period == LeaderboardPeriod.AllTime
                ? Totals(database).Find(Eq("guild", Id(guildId)))
                : Monthly(database).Find(Eq("guildMonth", GuildMonth(guildId, month)));
            var ranked = rows.Select(r => (User: Snowflake(r["user"]), Points: r["points"].AsInt64))
                .Where(r => r.Points > 0)
                .OrderByDescending(r => r.Points).ThenBy(r => r.User)
                .ToList();
            var entries = new List<LeaderboardEntry>(Math.Min(LeaderboardSize, ranked.Count));
            LeaderboardEntry? caller = null;
            var rank = 0;
            for (var i = 0; i < ranked.Count && (i < LeaderboardSize || caller is null); i++)
            {
                // Equal points share the rank of the first of them (1, 1, 3).
                if (i == 0 || ranked[i].Points != ranked[i - 1].Points) rank = i + 1;
                var entry = new LeaderboardEntry(rank, ranked[i].User, ranked[i].Points);
                if (i < LeaderboardSize) entries.Add(entry);
                if (ranked[i].User == callerId) caller = entry;
            }
            return new Leaderboard(period, entries, caller);
        }, cancellationToken);
    }

    public Task<PlayerStats?> GetStatsAsync(Snowflake guildId, Snowflake userId,
        CancellationToken cancellationToken = default) =>
        ReadAsync(database =>
        {
            var totals = Totals(database);
            var member = totals.FindById(MemberKey(guildId, userId));
            if (member is null) return null;
            var points = member["points"].AsInt64;
            var above = totals.Find(Eq("guild", Id(guildId))).Count(o => o["points"].AsInt64 > points);
            return new PlayerStats(userId, points, member["games"].AsInt32, member["wins"].AsInt32,
                member["answers"].AsInt32, member["correct"].AsInt32, member["bestStreak"].AsInt32,
                member["streak"].AsInt32, above + 1);
        }, cancellationToken);

    public Task<bool> ResetMemberAsync(Snowflake guildId, Snowflake userId,
        CancellationToken cancellationToken = default) =>
        WriteAsync(database =>
        {
            var removed = Totals(database).Delete(MemberKey(guildId, userId));
            var months = Monthly(database)
                .DeleteMany(BsonExpression.Create("$.guild = @0 AND $.user = @1", Id(guildId), Id(userId)));
            return removed || months > 0;
        }, cancellationToken);

    public Task<int> ResetGuildAsync(Snowflake guildId, CancellationToken cancellationToken = default) =>
        WriteAsync(database =>
        {
            var members = Totals(database).DeleteMany(Eq("guild", Id(guildId)));
            Monthly(database).DeleteMany(Eq("guild", Id(guildId)));
            return members;
        }, cancellationToken);
}
