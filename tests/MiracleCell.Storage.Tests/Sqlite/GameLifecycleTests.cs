using MiracleCell.Storage.Sqlite;
using static MiracleCell.Storage.Tests.StoreTestKit;

namespace MiracleCell.Storage.Tests.Sqlite;

public sealed class GameLifecycleTests : OpenStoreTests
{
    private const ulong Ann = 1, Ben = 2;

    [Fact]
    public async Task Only_one_game_runs_per_channel()
    {
        var first = await StartGameAsync(Store, channel: 9);

        var busy = await Store.CreateGameAsync(Game(channel: 9));
        var otherChannel = await Store.CreateGameAsync(Game(channel: 10));
        await Store.FinishGameAsync(GuildA, first, GameEndState.Finished, Start);
        var afterFinish = await Store.CreateGameAsync(Game(channel: 9));

        Assert.Equal(new CreateGameResult(CreateGameStatus.ChannelBusy, first), busy);
        Assert.True(otherChannel.IsCreated);
        Assert.True(afterFinish.IsCreated);
    }

    [Fact]
    public async Task Created_games_keep_their_questions_option_order_and_posting_times()
    {
        var game = await StartGameAsync(Store, questions: 3);

        Assert.True(await Store.RecordQuestionPostedAsync(GuildA, game, 1, messageId: 777, Start.AddSeconds(30)));
        Assert.True(await Store.RecordQuestionRevealedAsync(GuildA, game, 1, Start.AddSeconds(50)));
        Assert.False(await Store.RecordQuestionPostedAsync(GuildA, game, 3, messageId: 778, Start));

        Assert.Equal(3, Scalar(Store.DatabasePath, $"SELECT COUNT(*) FROM game_questions WHERE game_id = {game} AND option_order = '1023' AND correct_choice = 1"));
        Assert.Equal(777, Scalar(Store.DatabasePath, $"SELECT message_id FROM game_questions WHERE game_id = {game} AND question_index = 1"));
        Assert.Equal(20_000, Scalar(Store.DatabasePath, $"SELECT revealed_at - opened_at FROM game_questions WHERE game_id = {game} AND question_index = 1"));
    }

    [Fact]
    public async Task Finishing_adds_points_answers_games_and_the_win_to_the_totals()
    {
        var game = await StartGameAsync(Store, questions: 3);
        await Store.RecordAnswerAsync(Answer(game, 0, Ann, 150));
        await Store.RecordAnswerAsync(Answer(game, 1, Ann, 0));
        await Store.RecordAnswerAsync(Answer(game, 2, Ann, 120));
        await Store.RecordAnswerAsync(Answer(game, 0, Ben, 110));

        var closure = (await Store.FinishGameAsync(GuildA, game, GameEndState.Finished, Start.AddMinutes(2)))!;

        Assert.True(closure.TotalsApplied);
        Assert.Equal(Ann, closure.WinnerId);
        Assert.Equal([(Ann, 270), (Ben, 110)], closure.Scores.Select(s => (s.UserId, s.Points)));
        var ann = (await Store.GetStatsAsync(GuildA, Ann))!;
        Assert.Equal((270L, 1, 1, 3, 2, 1), (ann.Points, ann.Games, ann.Wins, ann.Answers, ann.CorrectAnswers, ann.Rank));
        Assert.Equal(2.0 / 3, ann.Accuracy, 6);
        var ben = (await Store.GetStatsAsync(GuildA, Ben))!;
        Assert.Equal((110L, 1, 0, 2), (ben.Points, ben.Games, ben.Wins, ben.Rank));
    }

    [Fact]
    public async Task Finishing_a_game_twice_applies_its_totals_once()
    {
        var game = await StartGameAsync(Store);
        await Store.RecordAnswerAsync(Answer(game, 0, Ann, 150));

        var first = await Store.FinishGameAsync(GuildA, game, GameEndState.Stopped, Start);
        var second = await Store.FinishGameAsync(GuildA, game, GameEndState.Finished, Start);

        Assert.True(first!.TotalsApplied);
        Assert.False(second!.TotalsApplied);
        Assert.Equal(GameEndState.Stopped, second.EndState);
        Assert.Equal((150L, 1), ((await Store.GetStatsAsync(GuildA, Ann))!.Points, (await Store.GetStatsAsync(GuildA, Ann))!.Games));
    }

    [Fact]
    public async Task A_tie_on_top_or_a_lone_player_credits_no_win()
    {
        var tie = await StartGameAsync(Store, channel: 1);
        await Store.RecordAnswerAsync(Answer(tie, 0, Ann, 150));
        await Store.RecordAnswerAsync(Answer(tie, 0, Ben, 150));
        var alone = await StartGameAsync(Store, channel: 2);
        await Store.RecordAnswerAsync(Answer(alone, 0, Ann, 150));

        Assert.Null((await Store.FinishGameAsync(GuildA, tie, GameEndState.Finished, Start))!.WinnerId);
        Assert.Null((await Store.FinishGameAsync(GuildA, alone, GameEndState.Finished, Start))!.WinnerId);
        Assert.Equal(0, (await Store.GetStatsAsync(GuildA, Ann))!.Wins);
    }

    [Fact]
    public async Task Streaks_run_across_games_and_a_wrong_answer_ends_one()
    {
        var first = await StartGameAsync(Store, channel: 1);
        await Store.RecordAnswerAsync(Answer(first, 0, Ann, 150));
        await Store.RecordAnswerAsync(Answer(first, 1, Ann, 150));
        await Store.RecordAnswerAsync(Answer(first, 2, Ann, 0));
        await Store.RecordAnswerAsync(Answer(first, 3, Ann, 150));
        await Store.FinishGameAsync(GuildA, first, GameEndState.Finished, Start);
        var second = await StartGameAsync(Store, channel: 1);
        await Store.RecordAnswerAsync(Answer(second, 0, Ann, 150));
        await Store.RecordAnswerAsync(Answer(second, 1, Ann, 150));
        await Store.FinishGameAsync(GuildA, second, GameEndState.Finished, Start);

        var stats = (await Store.GetStatsAsync(GuildA, Ann))!;

        Assert.Equal(3, stats.BestStreak);
        Assert.Equal(3, stats.CurrentStreak);
    }

    [Fact]
    public async Task Recovery_closes_interrupted_games_keeping_answered_points_and_counts_them_once_even_when_run_twice()
    {
        long running, finished;
        await using (var crashed = Open(Path.Combine(FolderPath, "crashed")))
        {
            running = await StartGameAsync(crashed, channel: 1);
            await crashed.RecordAnswerAsync(Answer(running, 0, Ann, 150));
            await crashed.RecordAnswerAsync(Answer(running, 0, Ben, 0));
            await crashed.RecordAnswerAsync(Answer(running, 1, Ben, 130));
            finished = await StartGameAsync(crashed, channel: 2);
            await crashed.RecordAnswerAsync(Answer(finished, 0, Ann, 100));
            await crashed.FinishGameAsync(GuildA, finished, GameEndState.Finished, Start);
        }

        await using var restarted = Open(Path.Combine(FolderPath, "crashed"));
        var recovered = await Task.WhenAll(restarted.RecoverInterruptedGamesAsync(), restarted.RecoverInterruptedGamesAsync());
        var again = await restarted.RecoverInterruptedGamesAsync();

        var closure = Assert.Single(recovered.SelectMany(r => r));
        Assert.Equal((running, GameEndState.Interrupted), (closure.GameId, closure.EndState));
        Assert.Empty(again);
        Assert.Null(await restarted.FindRunningGameAsync(GuildA, 1));
        Assert.Equal((250L, 2), ((await restarted.GetStatsAsync(GuildA, Ann))!.Points, (await restarted.GetStatsAsync(GuildA, Ann))!.Games));
        Assert.Equal((130L, 1), ((await restarted.GetStatsAsync(GuildA, Ben))!.Points, (await restarted.GetStatsAsync(GuildA, Ben))!.Games));
    }

    [Fact]
    public async Task Recovery_closes_only_the_games_of_the_guilds_it_owns_and_leaves_the_others_running()
    {
        var mine = await StartGameAsync(Store, GuildA);
        var theirs = await StartGameAsync(Store, GuildB);

        var recovered = await Store.RecoverInterruptedGamesAsync(isOwnGuild: guild => guild == GuildA);

        Assert.Equal(mine, Assert.Single(recovered).GameId);
        Assert.Null(await Store.FindRunningGameAsync(GuildA, 1));
        Assert.Equal(theirs, (await Store.FindRunningGameAsync(GuildB, 1))!.GameId);
    }
}
