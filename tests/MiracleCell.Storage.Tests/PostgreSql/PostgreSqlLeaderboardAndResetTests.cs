using MiracleCell.Testing;
using static MiracleCell.Storage.Tests.StoreTestKit;

namespace MiracleCell.Storage.Tests.PostgreSql;

public sealed class PostgreSqlLeaderboardAndResetTests : PostgreSqlStoreTests
{
    private readonly ManualTimeProvider _clock;
    private ulong _channel;

    public PostgreSqlLeaderboardAndResetTests(PostgreSqlServer server)
        : this(server, new ManualTimeProvider(new DateTimeOffset(2024, 3, 10, 12, 0, 0, TimeSpan.Zero)))
    {
    }

    private PostgreSqlLeaderboardAndResetTests(PostgreSqlServer server, ManualTimeProvider clock)
        : base(server, clock) => _clock = clock;

    /// <summary>Plays and finishes one game in which each player scores the given points on question 0.</summary>
    private async Task PlayAsync(ulong guild, DateTimeOffset at, params (ulong User, int Points)[] scores)
    {
        var game = await StartGameAsync(Store, guild, ++_channel, at: at);
        foreach (var (user, points) in scores)
        {
            Assert.Equal(AnswerWriteResult.Recorded, await Store.RecordAnswerAsync(Answer(game, 0, user, points, guild: guild, at: at)));
        }
        await Store.FinishGameAsync(guild, game, GameEndState.Finished, at);
    }

    [PostgreSqlFact]
    public async Task The_all_time_board_shows_the_top_ten_with_shared_ranks_and_the_callers_own_rank()
    {
        var scores = Enumerable.Range(1, 12).Select(u => ((ulong)u, 100 + u * 10)).ToList();
        scores.Add((13, 220)); // ties with user 12
        await PlayAsync(GuildA, _clock.GetUtcNow(), [.. scores]);

        var board = await Store.GetLeaderboardAsync(GuildA, LeaderboardPeriod.AllTime, callerId: 1);
        var nobody = await Store.GetLeaderboardAsync(GuildA, LeaderboardPeriod.AllTime, callerId: 99);

        Assert.Equal(10, board.Top.Count);
        Assert.Equal([(1, 12UL, 220L), (1, 13UL, 220L), (3, 11UL, 210L)], board.Top.Take(3).Select(e => (e.Rank, e.UserId, e.Points)));
        Assert.Equal(new LeaderboardEntry(13, 1, 110), board.Caller);
        Assert.Null(nobody.Caller);
    }

    [PostgreSqlFact]
    public async Task This_month_counts_only_points_scored_in_the_current_calendar_month()
    {
        await PlayAsync(GuildA, new DateTimeOffset(2024, 2, 28, 23, 0, 0, TimeSpan.Zero), (1, 150), (2, 120));
        await PlayAsync(GuildA, new DateTimeOffset(2024, 3, 1, 0, 30, 0, TimeSpan.Zero), (2, 110));

        var march = await Store.GetLeaderboardAsync(GuildA, LeaderboardPeriod.ThisMonth, callerId: 1);
        var allTime = await Store.GetLeaderboardAsync(GuildA, LeaderboardPeriod.AllTime, callerId: 1);
        _clock.Advance(TimeSpan.FromDays(30)); // into April
        var april = await Store.GetLeaderboardAsync(GuildA, LeaderboardPeriod.ThisMonth, callerId: 1);

        Assert.Equal([(2UL, 110L)], march.Top.Select(e => (e.UserId, e.Points)));
        Assert.Null(march.Caller);
        Assert.Equal([(2UL, 230L), (1UL, 150L)], allTime.Top.Select(e => (e.UserId, e.Points)));
        Assert.Empty(april.Top);
    }

    [PostgreSqlFact]
    public async Task Resetting_a_member_clears_their_scores_only_and_resetting_a_guild_clears_every_member_there()
    {
        await PlayAsync(GuildA, _clock.GetUtcNow(), (1, 150), (2, 120), (3, 100));
        await PlayAsync(GuildB, _clock.GetUtcNow(), (1, 150));

        Assert.True(await Store.ResetMemberAsync(GuildA, 1));
        Assert.False(await Store.ResetMemberAsync(GuildA, 1));
        Assert.Null(await Store.GetStatsAsync(GuildA, 1));
        Assert.Equal(1, (await Store.GetStatsAsync(GuildA, 2))!.Rank);
        Assert.Equal([2UL, 3UL], (await Store.GetLeaderboardAsync(GuildA, LeaderboardPeriod.ThisMonth, 1)).Top.Select(e => e.UserId));

        Assert.Equal(2, await Store.ResetGuildAsync(GuildA));
        Assert.Empty((await Store.GetLeaderboardAsync(GuildA, LeaderboardPeriod.AllTime, 1)).Top);
        Assert.Empty((await Store.GetLeaderboardAsync(GuildA, LeaderboardPeriod.ThisMonth, 1)).Top);
        Assert.Equal(150, (await Store.GetStatsAsync(GuildB, 1))!.Points);
    }
}
