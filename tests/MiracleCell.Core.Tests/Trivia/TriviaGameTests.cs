using MiracleCell.Core.Trivia;
using static MiracleCell.Core.Tests.Trivia.TriviaFixtures;

namespace MiracleCell.Core.Tests.Trivia;

public sealed class TriviaGameTests
{
    private static readonly Snowflake Ann = new(1), Ben = new(2), Cat = new(3);
    private readonly ManualClock _clock = new();

    [Fact]
    public void A_new_game_waits_for_its_first_question_to_be_posted()
    {
        var game = Game(_clock);

        Assert.Equal(TriviaGameState.Created, game.State);
        Assert.Equal(0, game.NextQuestion!.Index);
        Assert.Null(game.Deadline);
        Assert.Equal(AnswerResult.QuestionClosed, game.RecordAnswer(0, Ann, AnswerChoice.A).Result);
    }

    [Fact]
    public void The_timer_starts_when_the_question_message_was_posted()
    {
        var game = Game(_clock, seconds: 20);
        var postedAt = _clock.Now.AddSeconds(2);

        game.OpenQuestion(postedAt);

        Assert.Equal(TriviaGameState.QuestionOpen, game.State);
        Assert.Equal(postedAt.AddSeconds(20), game.Deadline);
    }

    [Fact]
    public void A_right_answer_scores_100_plus_a_speed_bonus_linear_over_the_time()
    {
        var game = Game(_clock, seconds: 20);
        var posted = _clock.Now;
        game.OpenQuestion(posted);

        var instant = game.RecordAnswer(0, Ann, AnswerChoice.A, posted);
        var quarter = game.RecordAnswer(0, Ben, AnswerChoice.A, posted.AddSeconds(5));
        var late = game.RecordAnswer(0, Cat, AnswerChoice.A, posted.AddSeconds(19.9));

        Assert.Equal(150, instant.Points);
        Assert.Equal(138, quarter.Points); // 100 + round(50 × 15/20 = 37.5)
        Assert.Equal(100, late.Points);   // 100 + round(0.25)
    }

    [Fact]
    public void A_wrong_answer_scores_nothing()
    {
        var game = Game(_clock);
        game.OpenQuestion(_clock.Now);

        var receipt = game.RecordAnswer(0, Ann, AnswerChoice.C);

        Assert.Equal(AnswerResult.Accepted, receipt.Result);
        Assert.False(receipt.IsCorrect);
        Assert.Equal(0, receipt.Points);
    }

    [Fact]
    public void A_second_click_by_the_same_player_is_already_locked()
    {
        var game = Game(_clock);
        game.OpenQuestion(_clock.Now);

        game.RecordAnswer(0, Ann, AnswerChoice.B);
        var second = game.RecordAnswer(0, Ann, AnswerChoice.A);

        Assert.Equal(AnswerResult.AlreadyAnswered, second.Result);
        Assert.Equal(0, game.Standings().Single().Points);
    }

    [Fact]
    public void Answers_at_or_after_the_deadline_are_rejected_even_before_the_reveal()
    {
        var game = Game(_clock, seconds: 10);
        game.OpenQuestion(_clock.Now);
        _clock.Advance(10);

        Assert.Equal(AnswerResult.QuestionClosed, game.RecordAnswer(0, Ann, AnswerChoice.A).Result);
        Assert.Equal(TriviaGameState.QuestionOpen, game.State);
        Assert.True(game.IsRevealDue);
    }

    [Fact]
    public void A_click_on_an_earlier_question_is_closed()
    {
        var game = Game(_clock);
        game.OpenQuestion(_clock.Now);
        game.Reveal();
        game.OpenQuestion(_clock.Now);

        Assert.Equal(AnswerResult.QuestionClosed, game.RecordAnswer(0, Ann, AnswerChoice.A).Result);
        Assert.Equal(AnswerResult.Accepted, game.RecordAnswer(1, Ann, AnswerChoice.A).Result);
    }

    [Fact]
    public void An_unknown_choice_is_rejected()
    {
        var game = Game(_clock);
        game.OpenQuestion(_clock.Now);

        Assert.Equal(AnswerResult.UnknownChoice, game.RecordAnswer(0, Ann, (AnswerChoice)4).Result);
        Assert.Equal(0, game.PlayerCount);
    }

    [Fact]
    public void The_armed_timer_reveals_the_question_at_its_deadline()
    {
        var game = Game(_clock, seconds: 15);
        game.OpenQuestion(_clock.Now);
        QuestionReveal? revealed = null;
        using var timer = TriviaTimer.ArmReveal(_clock.Time, game, r => revealed = r);

        _clock.Advance(14.9);
        Assert.Null(revealed);
        _clock.Advance(0.1);

        Assert.NotNull(revealed);
        Assert.False(revealed.RevealedEarly);
        Assert.Equal(TriviaGameState.Revealed, game.State);
    }

    [Fact]
    public void A_timer_armed_after_its_deadline_fires_at_once_and_a_disposed_one_never_fires()
    {
        var fired = 0;
        using var late = TriviaTimer.ArmAt(_clock.Time, _clock.Now.AddSeconds(-1), () => fired++);
        var cancelled = TriviaTimer.ArmAt(_clock.Time, _clock.Now.AddSeconds(5), () => fired += 10);
        cancelled.Dispose();

        _clock.Advance(10);

        Assert.Equal(1, fired);
    }

    [Fact]
    public void The_first_question_runs_its_full_time_even_when_its_only_player_answered()
    {
        var game = Game(_clock);
        game.OpenQuestion(_clock.Now);

        var receipt = game.RecordAnswer(0, Ann, AnswerChoice.A);

        Assert.False(receipt.EveryoneAnswered);
        Assert.False(game.IsRevealDue);
    }

    [Fact]
    public void A_question_is_revealed_early_once_everyone_who_has_played_has_answered()
    {
        var game = Game(_clock);
        game.OpenQuestion(_clock.Now);
        game.RecordAnswer(0, Ann, AnswerChoice.A);
        game.RecordAnswer(0, Ben, AnswerChoice.B);
        game.Reveal();
        game.OpenQuestion(_clock.Now);
        QuestionReveal? revealed = null;
        using var timer = TriviaTimer.ArmReveal(_clock.Time, game, r => revealed = r);

        var first = game.RecordAnswer(1, Ben, AnswerChoice.A);
        var newcomer = game.RecordAnswer(1, Cat, AnswerChoice.A);
        var last = game.RecordAnswer(1, Ann, AnswerChoice.A);

        Assert.False(first.EveryoneAnswered);
        Assert.False(newcomer.EveryoneAnswered);
        Assert.True(last.EveryoneAnswered);
        var reveal = game.Reveal();
        Assert.NotNull(reveal);
        Assert.True(reveal.RevealedEarly);
        _clock.Advance(60);
        Assert.Null(revealed); // the timer found nothing left to reveal
    }

    [Fact]
    public void Only_one_of_two_racing_reveals_gets_the_question()
    {
        var game = Game(_clock);
        game.OpenQuestion(_clock.Now);

        Assert.NotNull(game.Reveal());
        Assert.Null(game.Reveal());
    }

    [Fact]
    public void The_reveal_counts_each_option_and_lists_the_right_players_fastest_first()
    {
        var game = Game(_clock, seconds: 20);
        var posted = _clock.Now;
        game.OpenQuestion(posted);
        game.RecordAnswer(0, Cat, AnswerChoice.A, posted.AddSeconds(8));
        game.RecordAnswer(0, Ann, AnswerChoice.A, posted.AddSeconds(2));
        game.RecordAnswer(0, Ben, AnswerChoice.D, posted.AddSeconds(1));

        var reveal = game.Reveal()!;

        Assert.Equal([2, 0, 0, 1], reveal.ChoiceCounts);
        Assert.Equal([Ann, Cat], reveal.CorrectAnswers.Select(a => a.UserId));
        Assert.Equal([145, 130], reveal.CorrectAnswers.Select(a => a.Points));
        Assert.Equal([Ann, Cat, Ben], reveal.Standings.Select(s => s.UserId));
        Assert.False(reveal.IsLastQuestion);
    }

    [Fact]
    public void Equal_points_share_a_rank_and_whoever_reached_the_score_first_is_listed_first()
    {
        var game = Game(_clock, seconds: 20);
        var posted = _clock.Now;
        game.OpenQuestion(posted);
        game.RecordAnswer(0, Ben, AnswerChoice.A, posted.AddSeconds(4));
        game.RecordAnswer(0, Ann, AnswerChoice.A, posted.AddSeconds(4));
        game.RecordAnswer(0, Cat, AnswerChoice.B, posted.AddSeconds(1));

        var standings = game.Reveal()!.Standings;

        Assert.Equal([(1, Ben, 140), (1, Ann, 140), (3, Cat, 0)], standings.Select(s => (s.Rank, s.UserId, s.Points)));
    }

    [Fact]
    public void Revealing_the_last_question_finishes_the_game_with_a_single_winner()
    {
        var game = Game(_clock, questions: 1);
        game.OpenQuestion(_clock.Now);
        game.RecordAnswer(0, Ann, AnswerChoice.A);
        game.RecordAnswer(0, Ben, AnswerChoice.B);

        var reveal = game.Reveal()!;

        Assert.True(reveal.IsLastQuestion);
        Assert.Equal(TriviaGameState.Finished, game.State);
        Assert.True(reveal.Result!.HasEnoughPlayers);
        Assert.Equal(Ann, reveal.Result.WinnerId);
        Assert.Null(game.NextQuestion);
        Assert.Throws<InvalidOperationException>(() => game.OpenQuestion(_clock.Now));
        Assert.Equal(AnswerResult.GameOver, game.RecordAnswer(0, Cat, AnswerChoice.A).Result);
    }

    [Fact]
    public void A_game_with_one_player_has_no_final_table_and_no_winner()
    {
        var game = Game(_clock, questions: 1);
        game.OpenQuestion(_clock.Now);
        game.RecordAnswer(0, Ann, AnswerChoice.A);

        var result = game.Reveal()!.Result!;

        Assert.False(result.HasEnoughPlayers);
        Assert.Null(result.WinnerId);
        Assert.Equal(150, result.Standings.Single().Points);
    }

    [Fact]
    public void A_shared_top_score_has_no_single_winner()
    {
        var game = Game(_clock, questions: 1);
        var posted = _clock.Now;
        game.OpenQuestion(posted);
        game.RecordAnswer(0, Ann, AnswerChoice.A, posted.AddSeconds(3));
        game.RecordAnswer(0, Ben, AnswerChoice.A, posted.AddSeconds(3));
        game.RecordAnswer(0, Cat, AnswerChoice.C, posted.AddSeconds(3));

        var result = game.Reveal()!.Result!;

        Assert.True(result.HasEnoughPlayers);
        Assert.Null(result.WinnerId);
        Assert.Equal([Ann, Ben], result.Leaders);
    }

    [Fact]
    public void Stop_ends_the_night_and_keeps_points_scored_so_far_including_the_open_question()
    {
        var game = Game(_clock, questions: 5);
        game.OpenQuestion(_clock.Now);
        game.RecordAnswer(0, Ann, AnswerChoice.A);
        game.RecordAnswer(0, Ben, AnswerChoice.B);
        game.Reveal();
        game.OpenQuestion(_clock.Now);
        game.RecordAnswer(1, Ben, AnswerChoice.A);

        var result = game.Stop();

        Assert.Equal(TriviaGameState.Stopped, game.State);
        Assert.Equal(TriviaGameState.Stopped, result.EndState);
        Assert.Equal(2, result.QuestionsAsked);
        Assert.Equal([150, 150], result.Standings.Select(s => s.Points));
        Assert.Null(result.WinnerId);
        Assert.Null(game.Reveal());
        Assert.Null(game.Deadline);
        Assert.Equal(AnswerResult.GameOver, game.RecordAnswer(1, Ann, AnswerChoice.A).Result);
        Assert.Same(result, game.Stop());
    }

    [Fact]
    public void Hundreds_of_simultaneous_clicks_record_exactly_one_answer_per_player()
    {
        var game = Game(_clock, questions: 1);
        game.OpenQuestion(_clock.Now);
        const int players = 300, clicksEach = 4;
        var receipts = new System.Collections.Concurrent.ConcurrentBag<(Snowflake User, AnswerReceipt Receipt)>();

        Parallel.For(0, players * clicksEach, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var user = new Snowflake((ulong)(i % players) + 1);
            receipts.Add((user, game.RecordAnswer(0, user, (AnswerChoice)(i % 4))));
        });

        Assert.All(receipts.GroupBy(r => r.User), g =>
        {
            Assert.Single(g, r => r.Receipt.Result == AnswerResult.Accepted);
            Assert.Equal(clicksEach - 1, g.Count(r => r.Receipt.Result == AnswerResult.AlreadyAnswered));
        });
        Assert.Equal(players, game.Reveal()!.ChoiceCounts.Sum());
    }

    [Fact]
    public void A_game_refuses_questions_that_are_not_numbered_in_order()
    {
        var questions = FixedQuestions(2).Reverse().ToArray();

        var error = Assert.Throws<ArgumentException>(() =>
            new TriviaGame(questions, new TriviaSettings(2), _clock.Time));

        Assert.Contains("numbered 0..n-1", error.Message);
    }

    [Fact]
    public void A_withdrawn_answer_leaves_the_standings_as_before_and_can_be_given_again()
    {
        var game = Game(_clock, seconds: 20);
        game.OpenQuestion(_clock.Now);
        game.RecordAnswer(0, Ben, AnswerChoice.B);
        var before = game.Standings();
        game.RecordAnswer(0, Ann, AnswerChoice.A);

        Assert.True(game.WithdrawAnswer(0, Ann));

        Assert.Equal(before, game.Standings());
        Assert.Equal(AnswerResult.Accepted, game.RecordAnswer(0, Ann, AnswerChoice.A).Result);
        Assert.Equal(Ann, game.Standings()[0].UserId);
    }

    [Fact]
    public void An_answer_cannot_be_withdrawn_once_its_question_closed_or_by_someone_who_did_not_answer()
    {
        var game = Game(_clock, seconds: 20);
        game.OpenQuestion(_clock.Now);
        game.RecordAnswer(0, Ann, AnswerChoice.A);

        Assert.False(game.WithdrawAnswer(0, Ben));
        Assert.False(game.WithdrawAnswer(1, Ann));
        game.Reveal();
        Assert.False(game.WithdrawAnswer(0, Ann));
        Assert.Equal(1, game.Standings().Single().Answers);
    }
}
