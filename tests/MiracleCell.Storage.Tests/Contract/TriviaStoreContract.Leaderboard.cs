using MiracleCell.Testing;
using static MiracleCell.Storage.Tests.StoreTestKit;

namespace MiracleCell.Storage.Tests.Contract;

public abstract partial class TriviaStoreContract
{
    private static readonly DateTimeOffset March10 = new(2024, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private ulong _channel;

    /// <summary>Moves the clock to 10 March 2024, then plays and finishes one game per call.</summary>
    private async Task PlayAsync(Snowflake guild, DateTimeOffset at, params (int User, int Points)[] scores)
    {
        if (Clock.GetUtcNow() < March10) Clock.Advance(March10 - Clock.GetUtcNow());
        var game = await StartGameAsync(Store, guild, new Snowflake(++_channel), at: at);
        foreach (var (user, points) in scores)
        {
            Assert.Equal(AnswerWriteResult.Recorded,
                await Store.RecordAnswerAsync(Answer(game, 0, new Snowflake((ulong)user), points, guild: guild,
                    at: at)));
        }
        await Store.FinishGameAsync(guild, game, GameEndState.Finished, at);
    }

    [SuiteFact]
    public async Task The_all_time_board_shows_the_top_ten_with_shared_ranks_and_the_callers_own_rank()
    {
        var scores = Enumerable.Range(1, 12).Select(u => (u, 100 + u * 10)).ToList();
        scores.Add((13, 220)); // ties with user 12
        await PlayAsync(GuildA, March10, [.. scores]);

        var board = await Store.GetLeaderboardAsync(GuildA, LeaderboardPeriod.AllTime, callerId: new Snowflake(1));

        Assert.Equal(10, board.Top.Count);
        Assert.Equal([(1, new Snowflake(12), 220L), (1, new Snowflake(13), 220L), (3, new Snowflake(11), 210L)],
            board.Top.Take(3).Select(e => (e.Rank, e.UserId, e.Points)));
        Assert.Equal(new LeaderboardEntry(13, new Snowflake(1), 110), board.Caller);
    }

    [SuiteFact]
    public async Task A_caller_without_points_has_no_rank()
    {
        await PlayAsync(GuildA, March10, (1, 150), (2, 0));

        var board = await Store.GetLeaderboardAsync(GuildA, LeaderboardPeriod.AllTime, callerId: new Snowflake(2));

        Assert.Single(board.Top);
        Assert.Null(board.Caller);
    }

    [SuiteFact]
    public async Task This_month_counts_only_points_scored_in_the_current_calendar_month()
    {
        await PlayAsync(GuildA, new DateTimeOffset(2024, 2, 28, 23, 0, 0, TimeSpan.Zero), (1, 150), (2, 120));
        await PlayAsync(GuildA, new DateTimeOffset(2024, 3, 1, 0, 30, 0, TimeSpan.Zero), (2, 110));

        var march = await Store.GetLeaderboardAsync(GuildA, LeaderboardPeriod.ThisMonth, callerId: new Snowflake(1));
        var allTime = await Store.GetLeaderboardAsync(GuildA, LeaderboardPeriod.AllTime, callerId: new Snowflake(1));
        Clock.Advance(TimeSpan.FromDays(30)); // into April
        var april = await Store.GetLeaderboardAsync(GuildA, LeaderboardPeriod.ThisMonth, callerId: new Snowflake(1));

        Assert.Equal([(new Snowflake(2), 110L)], march.Top.Select(e => (e.UserId, e.Points)));
        Assert.Null(march.Caller);
        Assert.Equal([(new Snowflake(2), 230L), (new Snowflake(1), 150L)], allTime.Top.Select(e => (e.UserId,
            e.Points)));
        Assert.Empty(april.Top);
    }

    [SuiteFact]
    public async Task Resetting_a_member_clears_their_scores_only()
    {
        await PlayAsync(GuildA, March10, (1, 150), (2, 120));

        Assert.True(await Store.ResetMemberAsync(GuildA, new Snowflake(1)));
        Assert.False(await Store.ResetMemberAsync(GuildA, new Snowflake(1)));

        Assert.Null(await Store.GetStatsAsync(GuildA, new Snowflake(1)));
        Assert.Equal(1, (await Store.GetStatsAsync(GuildA, new Snowflake(2)))!.Rank);
        Assert.Equal([new Snowflake(2)],
            (await Store.GetLeaderboardAsync(GuildA, LeaderboardPeriod.ThisMonth,
                new Snowflake(1))).Top.Select(e => e.UserId));
    }

    [SuiteFact]
    public async Task Resetting_a_guild_clears_every_member_there()
    {
        await PlayAsync(GuildA, March10, (1, 150), (2, 120));
        await PlayAsync(GuildB, March10, (1, 90));

        Assert.Equal(2, await Store.ResetGuildAsync(GuildA));

        Assert.Empty((await Store.GetLeaderboardAsync(GuildA, LeaderboardPeriod.AllTime, new Snowflake(1))).Top);
        Assert.Empty((await Store.GetLeaderboardAsync(GuildA, LeaderboardPeriod.ThisMonth, new Snowflake(1))).Top);
        Assert.Equal(90, (await Store.GetStatsAsync(GuildB, new Snowflake(1)))!.Points);
    }

    [SuiteFact]
    public async Task No_operation_reads_or_changes_another_guilds_data()
    {
        await PlayAsync(GuildA, March10, (1, 150), (2, 120));
        var running = await StartGameAsync(Store, GuildA, channel: new(500));
        await Store.RecordAnswerAsync(Answer(running, 0, new(1), 150, interaction: new(9_999)));

        // Guild B addresses guild A's game, players and channel.
        Assert.Equal(AnswerWriteResult.GameNotRunning,
            await Store.RecordAnswerAsync(Answer(running, 1, new(3), 150, guild: GuildB)));
        Assert.Equal(AnswerWriteResult.GameNotRunning,
            await Store.RecordAnswerAsync(Answer(running, 0, new(1), 150, interaction: new(9_999), guild: GuildB)));
        Assert.False(await Store.RecordQuestionPostedAsync(GuildB, running, 0, new Snowflake(1), Start));
        Assert.False(await Store.RecordQuestionRevealedAsync(GuildB, running, 0, Start));
        Assert.Null(await Store.FinishGameAsync(GuildB, running, GameEndState.Stopped, Start));
        Assert.Null(await Store.GetQuestionsLeftOpenAsync(GuildB, running));
        Assert.Null(await Store.FindRunningGameAsync(GuildB, new Snowflake(500)));
        Assert.True((await Store.CreateGameAsync(Game(GuildB, channel: new(500)))).IsCreated);
        Assert.Null(await Store.GetStatsAsync(GuildB, new Snowflake(1)));
        Assert.Empty((await Store.GetLeaderboardAsync(GuildB, LeaderboardPeriod.AllTime, new Snowflake(1))).Top);
        Assert.Empty((await Store.GetLeaderboardAsync(GuildB, LeaderboardPeriod.ThisMonth, new Snowflake(1))).Top);
        Assert.False(await Store.ResetMemberAsync(GuildB, new Snowflake(1)));
        Assert.Equal(0, await Store.ResetGuildAsync(GuildB));

        // Guild A is untouched.
        Assert.Equal(running, (await Store.FindRunningGameAsync(GuildA, new Snowflake(500)))!.GameId);
        Assert.Equal(150, (await Store.GetStatsAsync(GuildA, new Snowflake(1)))!.Points);
        Assert.Equal(2, (await Store.GetLeaderboardAsync(GuildA, LeaderboardPeriod.AllTime,
            new Snowflake(1))).Top.Count);
        Assert.Equal(new PlayerGameScore(new Snowflake(1), 150, 1, 1),
            Assert.Single((await CloseAsync(running)).Scores));
    }
}
