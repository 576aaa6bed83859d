using MiracleCell.Core.Text;
using MiracleCell.Testing;
using static MiracleCell.Storage.Tests.StoreTestKit;

namespace MiracleCell.Storage.Tests.PostgreSql;

/// <summary>
/// Games shared by several processes on one database, and what the schema keeps; what a single store promises is in
/// the contract (<see cref="PostgreSqlTriviaStoreContractTests"/>).
/// </summary>
public sealed class PostgreSqlGameLifecycleTests(PostgreSqlServer server) : PostgreSqlStoreTests(server)
{
    private static readonly Snowflake Ann = new(1), Ben = new(2);

    [PostgreSqlFact]
    public async Task Only_one_game_runs_per_channel_even_when_two_processes_start_one_at_once()
    {
        await using var second = OpenAnother();

        var both = await Task.WhenAll(Store.CreateGameAsync(Game(channel: new(9))),
            second.CreateGameAsync(Game(channel: new(9))));
        var created = Assert.Single(both, r => r.IsCreated);
        var busy = Assert.Single(both, r => !r.IsCreated);
        await Store.FinishGameAsync(GuildA, created.GameId, GameEndState.Finished, Start);
        var afterFinish = await second.CreateGameAsync(Game(channel: new(9)));

        Assert.Equal(new CreateGameResult(CreateGameStatus.ChannelBusy, created.GameId), busy);
        Assert.True(afterFinish.IsCreated);
    }

    [PostgreSqlFact]
    public async Task Created_games_keep_their_questions_option_order_and_posting_times()
    {
        var game = await StartGameAsync(Store, questions: 3);

        Assert.True(await Store.RecordQuestionPostedAsync(GuildA, game, 1, messageId: new Snowflake(777),
            Start.AddSeconds(30)));
        Assert.True(await Store.RecordQuestionRevealedAsync(GuildA, game, 1, Start.AddSeconds(50)));
        Assert.False(await Store.RecordQuestionPostedAsync(GuildA, game, 3, messageId: new Snowflake(778), Start));
        Assert.False(await Store.RecordQuestionPostedAsync(GuildB, game, 0, messageId: new Snowflake(779), Start));

        Assert.Equal(3, await ScalarAsync($"SELECT COUNT(*) FROM game_questions WHERE game_id = {game} AND "
            + "option_order = '1023' AND correct_choice = 1"));
        Assert.Equal(777, await ScalarAsync($"SELECT message_id FROM game_questions WHERE game_id = {game} "
            + "AND question_index = 1"));
        Assert.Equal(20, await ScalarAsync("SELECT EXTRACT(EPOCH FROM revealed_at - opened_at) FROM game_questions "
            + $"WHERE game_id = {game} AND question_index = 1"));
        Assert.Equal(Start, (await Store.FindRunningGameAsync(GuildA, new Snowflake(1)))!.StartedAt);
    }

    [PostgreSqlFact]
    public async Task Recovery_closes_interrupted_games_keeping_their_points_once_when_two_processes_run_it_together()
    {
        var running = await StartGameAsync(Store, channel: new(1));
        await Store.RecordAnswerAsync(Answer(running, 0, Ann, 150));
        await Store.RecordAnswerAsync(Answer(running, 1, Ben, 130));
        var finished = await StartGameAsync(Store, channel: new(2));
        await Store.RecordAnswerAsync(Answer(finished, 0, Ann, 100));
        await Store.FinishGameAsync(GuildA, finished, GameEndState.Finished, Start);
        await using var restartedA = OpenAnother();
        await using var restartedB = OpenAnother();

        var recovered = await Task.WhenAll(restartedA.RecoverInterruptedGamesAsync(),
            restartedB.RecoverInterruptedGamesAsync());

        var closure = Assert.Single(recovered.SelectMany(r => r));
        Assert.Equal((running, GameEndState.Interrupted), (closure.GameId, closure.EndState));
        Assert.Empty(await restartedA.RecoverInterruptedGamesAsync());
        Assert.Equal((250L, 2),
            ((await restartedA.GetStatsAsync(GuildA, Ann))!.Points,
                (await restartedA.GetStatsAsync(GuildA, Ann))!.Games));
        Assert.Equal(130L, (await restartedA.GetStatsAsync(GuildA, Ben))!.Points);
    }

    [PostgreSqlFact]
    public async Task A_restarting_process_closes_only_its_own_guilds_games_and_the_other_process_plays_on()
    {
        await using var other = OpenAnother();
        var mine = await StartGameAsync(Store, GuildA);
        var theirs = await StartGameAsync(other, GuildB);
        await Store.RecordQuestionPostedAsync(GuildA, mine, 0, messageId: new Snowflake(700), Start);
        await using var restarted = OpenAnother();

        var recovered = await restarted.RecoverInterruptedGamesAsync(isOwnGuild: guild => guild == GuildA);

        Assert.Equal(mine, Assert.Single(recovered).GameId);
        Assert.Null(await restarted.FindRunningGameAsync(GuildA, new Snowflake(1)));
        Assert.Equal(AnswerWriteResult.Recorded,
            await other.RecordAnswerAsync(Answer(theirs, 0, Ann, 150, guild: GuildB)));
        Assert.Equal(theirs, (await other.FindRunningGameAsync(GuildB, new Snowflake(1)))!.GameId);
        var left = (await restarted.GetQuestionsLeftOpenAsync(GuildA, mine))!;
        Assert.Equal((Locale.English, new Snowflake(700)), (left.Locale, Assert.Single(left.Questions).MessageId));
    }
}
