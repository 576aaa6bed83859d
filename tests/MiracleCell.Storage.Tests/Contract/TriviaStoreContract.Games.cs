using MiracleCell.Core.Text;
using MiracleCell.Testing;
using static MiracleCell.Storage.Tests.StoreTestKit;

namespace MiracleCell.Storage.Tests.Contract;

public abstract partial class TriviaStoreContract
{
    [SuiteFact]
    public async Task Only_one_game_runs_per_channel()
    {
        var first = await StartGameAsync(Store, channel: new(9));

        var busy = await Store.CreateGameAsync(Game(channel: new(9)));
        var otherChannel = await Store.CreateGameAsync(Game(channel: new(10)));
        await Store.FinishGameAsync(GuildA, first, GameEndState.Finished, Start);
        var afterFinish = await Store.CreateGameAsync(Game(channel: new(9)));

        Assert.Equal(new CreateGameResult(CreateGameStatus.ChannelBusy, first), busy);
        Assert.True(otherChannel.IsCreated);
        Assert.True(afterFinish.IsCreated);
        Assert.Equal(afterFinish.GameId, (await Store.FindRunningGameAsync(GuildA, new Snowflake(9)))!.GameId);
    }

    [SuiteFact]
    public async Task A_running_game_is_found_with_who_started_it_when_and_its_question_count()
    {
        var game = await StartGameAsync(Store, channel: new(3), questions: 7, at: Start.AddMinutes(1));

        Assert.Equal(new RunningGame(game, GuildA, new Snowflake(3), new Snowflake(42), Start.AddMinutes(1), 7),
            await Store.FindRunningGameAsync(GuildA, new Snowflake(3)));
        Assert.Null(await Store.FindRunningGameAsync(GuildA, new Snowflake(4)));
    }

    [SuiteFact]
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
        Assert.Equal((270L, 1, 1, 3, 2, 1),
            (ann.Points, ann.Games, ann.Wins, ann.Answers, ann.CorrectAnswers, ann.Rank));
        Assert.Equal(2.0 / 3, ann.Accuracy, 6);
        var ben = (await Store.GetStatsAsync(GuildA, Ben))!;
        Assert.Equal((110L, 1, 0, 2), (ben.Points, ben.Games, ben.Wins, ben.Rank));
    }

    [SuiteFact]
    public async Task Finishing_a_game_twice_applies_its_totals_once()
    {
        var game = await StartGameAsync(Store);
        await Store.RecordAnswerAsync(Answer(game, 0, Ann, 150));

        var first = await Store.FinishGameAsync(GuildA, game, GameEndState.Stopped, Start);
        var second = await Store.FinishGameAsync(GuildA, game, GameEndState.Finished, Start);

        Assert.True(first!.TotalsApplied);
        Assert.False(second!.TotalsApplied);
        Assert.Equal(GameEndState.Stopped, second.EndState);
        Assert.Equal((150L, 1),
            ((await Store.GetStatsAsync(GuildA, Ann))!.Points, (await Store.GetStatsAsync(GuildA, Ann))!.Games));
    }

    [SuiteFact]
    public async Task A_tie_on_top_or_a_lone_player_credits_no_win()
    {
        var tie = await StartGameAsync(Store, channel: new(1));
        await Store.RecordAnswerAsync(Answer(tie, 0, Ann, 150));
        await Store.RecordAnswerAsync(Answer(tie, 0, Ben, 150));
        var alone = await StartGameAsync(Store, channel: new(2));
        await Store.RecordAnswerAsync(Answer(alone, 0, Ann, 150));

        Assert.Null((await Store.FinishGameAsync(GuildA, tie, GameEndState.Finished, Start))!.WinnerId);
        Assert.Null((await Store.FinishGameAsync(GuildA, alone, GameEndState.Finished, Start))!.WinnerId);
        Assert.Equal(0, (await Store.GetStatsAsync(GuildA, Ann))!.Wins);
    }

    [SuiteFact]
    public async Task Streaks_run_across_games_and_a_wrong_answer_ends_one()
    {
        var first = await StartGameAsync(Store, channel: new(1));
        await Store.RecordAnswerAsync(Answer(first, 0, Ann, 150));
        await Store.RecordAnswerAsync(Answer(first, 1, Ann, 150));
        await Store.RecordAnswerAsync(Answer(first, 2, Ann, 0));
        await Store.RecordAnswerAsync(Answer(first, 3, Ann, 150));
        await Store.FinishGameAsync(GuildA, first, GameEndState.Finished, Start);
        var second = await StartGameAsync(Store, channel: new(1));
        await Store.RecordAnswerAsync(Answer(second, 0, Ann, 150));
        await Store.RecordAnswerAsync(Answer(second, 1, Ann, 150));
        await Store.FinishGameAsync(GuildA, second, GameEndState.Finished, Start);

        var stats = (await Store.GetStatsAsync(GuildA, Ann))!;

        Assert.Equal(3, stats.BestStreak);
        Assert.Equal(3, stats.CurrentStreak);
    }

    [SuiteFact]
    public async Task Recovery_closes_interrupted_games_keeping_answered_points_counted_once_even_when_run_twice()
    {
        var running = await StartGameAsync(Store, channel: new(1));
        await Store.RecordAnswerAsync(Answer(running, 0, Ann, 150));
        await Store.RecordAnswerAsync(Answer(running, 0, Ben, 0));
        await Store.RecordAnswerAsync(Answer(running, 1, Ben, 130));
        var finished = await StartGameAsync(Store, channel: new(2));
        await Store.RecordAnswerAsync(Answer(finished, 0, Ann, 100));
        await Store.FinishGameAsync(GuildA, finished, GameEndState.Finished, Start);

        await RestartAsync();
        var recovered = await Task.WhenAll(Store.RecoverInterruptedGamesAsync(), Store.RecoverInterruptedGamesAsync());
        var again = await Store.RecoverInterruptedGamesAsync();

        var closure = Assert.Single(recovered.SelectMany(r => r));
        Assert.Equal((running, GameEndState.Interrupted), (closure.GameId, closure.EndState));
        Assert.Empty(again);
        Assert.Null(await Store.FindRunningGameAsync(GuildA, new Snowflake(1)));
        Assert.Equal((250L, 2),
            ((await Store.GetStatsAsync(GuildA, Ann))!.Points, (await Store.GetStatsAsync(GuildA, Ann))!.Games));
        Assert.Equal((130L, 1),
            ((await Store.GetStatsAsync(GuildA, Ben))!.Points, (await Store.GetStatsAsync(GuildA, Ben))!.Games));
    }

    [SuiteFact]
    public async Task Recovery_closes_only_the_games_of_the_guilds_it_owns_and_leaves_the_others_running()
    {
        var mine = await StartGameAsync(Store, GuildA);
        var theirs = await StartGameAsync(Store, GuildB);

        var recovered = await Store.RecoverInterruptedGamesAsync(isOwnGuild: guild => guild == GuildA);

        Assert.Equal(mine, Assert.Single(recovered).GameId);
        Assert.Null(await Store.FindRunningGameAsync(GuildA, new Snowflake(1)));
        Assert.Equal(theirs, (await Store.FindRunningGameAsync(GuildB, new Snowflake(1)))!.GameId);
    }

    [SuiteFact]
    public async Task Only_questions_posted_and_never_revealed_are_listed_with_their_option_order_and_answer_counts()
    {
        var game = (await Store.CreateGameAsync(Game(questions: 4) with { Locale = Locale.Indonesian })).GameId;
        Assert.True(await Store.RecordQuestionPostedAsync(GuildA, game, 0, messageId: new Snowflake(700), Start));
        Assert.True(await Store.RecordQuestionRevealedAsync(GuildA, game, 0, Start.AddSeconds(20)));
        Assert.True(await Store.RecordQuestionPostedAsync(GuildA, game, 1, messageId: new Snowflake(701),
            Start.AddSeconds(25)));
        Assert.False(await Store.RecordQuestionPostedAsync(GuildA, game, 4, messageId: new Snowflake(702), Start));
        await Store.RecordAnswerAsync(Answer(game, 1, user: Ann, points: 120));
        await Store.RecordAnswerAsync(Answer(game, 1, user: Ben, points: 0));

        var left = await Store.GetQuestionsLeftOpenAsync(GuildA, game);

        Assert.Equal(Locale.Indonesian, left!.Locale);
        Assert.Equal(4, left.QuestionCount);
        Assert.Equal(new QuestionLeftOpen(1, "q1", "1023", new Snowflake(701), Answered: 2),
            Assert.Single(left.Questions));
    }

    [SuiteFact]
    public async Task Questions_left_open_are_not_found_from_another_guild()
    {
        var game = await StartGameAsync(Store);
        Assert.True(await Store.RecordQuestionPostedAsync(GuildA, game, 0, messageId: new Snowflake(700), Start));

        Assert.Null(await Store.GetQuestionsLeftOpenAsync(GuildB, game));
        Assert.Null(await Store.GetQuestionsLeftOpenAsync(GuildA, game + 1));
    }

    [SuiteFact]
    public async Task Recovered_games_keep_their_open_questions_for_closing_their_messages_after_a_restart()
    {
        var game = await StartGameAsync(Store);
        Assert.True(await Store.RecordQuestionPostedAsync(GuildA, game, 0, messageId: new Snowflake(700), Start));

        await RestartAsync();
        Assert.Single(await Store.RecoverInterruptedGamesAsync());
        var left = await Store.GetQuestionsLeftOpenAsync(GuildA, game);

        Assert.Equal(Locale.English, left!.Locale);
        Assert.Equal(new Snowflake(700), Assert.Single(left.Questions).MessageId);
    }
}
