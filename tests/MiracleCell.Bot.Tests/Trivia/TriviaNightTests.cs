using Microsoft.Extensions.DependencyInjection;
using MiracleCell.Bot.Interactions;
using MiracleCell.Bot.Trivia;
using MiracleCell.Core.Films;
using MiracleCell.Discord.Models;
using MiracleCell.Storage;
using static MiracleCell.Bot.Tests.Trivia.TriviaHarness;

namespace MiracleCell.Bot.Tests.Trivia;

public sealed class TriviaNightTests
{
    [Fact]
    public async Task A_full_night_posts_questions_reveals_each_and_ends_with_the_final_table_and_the_winner()
    {
        await using var bot = new TriviaHarness();
        var game = await bot.StartAsync("questions:3 seconds:20");

        var posted = bot.Messenger.In(Channel).Where(m => !m.IsEdit).ToList();
        Assert.Equal(2, posted.Count);
        Assert.Contains($"<@{Alice}> started a trivia night", RecordingMessenger.Text(posted[0].Payload));
        var buttons = posted[1].Payload.Components!.Single().Components!;
        Assert.Equal([$"trivia:{game}:0:A", $"trivia:{game}:0:B", $"trivia:{game}:0:C", $"trivia:{game}:0:D"],
            buttons.Select(b => b.CustomId));

        for (var question = 0; question < 3; question++)
        {
            var right = bot.Right(game);
            Assert.Contains("Locked in: **" + right, Content(await bot.Answer(game, right, Alice)));
            await bot.Answer(game, Wrong(right), Bob);
            if (question == 0)
            {
                // Nobody had played before the first question: it runs its full time.
                Assert.NotNull(bot.Coordinator.OpenQuestion(game));
                await bot.AdvanceAsync(TimeSpan.FromSeconds(20));
            }
            else
            {
                await bot.Coordinator.WhenIdleAsync();
            }
            Assert.Null(bot.Coordinator.OpenQuestion(game));
            if (question < 2) await bot.AdvanceAsync(TimeSpan.FromSeconds(5));
        }

        var messages = bot.Messenger.In(Channel);
        var reveals = messages.Where(m => m.IsEdit && m.Payload.Embeds![0].Fields!.Any(f => f.Name == "Right answer"))
            .ToList();
        Assert.Equal(3, reveals.Count);
        Assert.All(reveals, r => Assert.All(r.Payload.Components!.Single().Components!, b => Assert.True(b.Disabled)));
        Assert.Contains("A: ", RecordingMessenger.Text(reveals[0].Payload));
        var final = RecordingMessenger.Text(messages[^1].Payload);
        Assert.Contains("Trivia night over", final);
        Assert.Contains($"<@{Alice}> wins the night", final);
        Assert.All(messages, m => AssertWithinLimits(m.Payload));

        Assert.Null(bot.Coordinator.GameIn(Guild, Channel));
        var alice = await bot.Store.GetStatsAsync(Guild, Alice);
        var bob = await bot.Store.GetStatsAsync(Guild, Bob);
        Assert.Equal((1, 1, 3, 3), (alice!.Games, alice.Wins, alice.Answers, alice.CorrectAnswers));
        Assert.Equal((1, 0, 3, 0, 0L), (bob!.Games, bob.Wins, bob.Answers, bob.CorrectAnswers, bob.Points));
        Assert.InRange(alice.Points, 300, 450);
    }

    [Fact]
    public async Task A_question_is_revealed_early_only_once_everyone_who_has_played_has_answered()
    {
        await using var bot = new TriviaHarness();
        var game = await bot.StartAsync("questions:3 seconds:20");
        await bot.Answer(game, bot.Right(game), Alice);
        await bot.Answer(game, bot.Right(game), Bob);
        await bot.AdvanceAsync(TimeSpan.FromSeconds(20));
        await bot.AdvanceAsync(TimeSpan.FromSeconds(5));

        await bot.Answer(game, bot.Right(game), Alice);
        await bot.Coordinator.WhenIdleAsync();
        Assert.NotNull(bot.Coordinator.OpenQuestion(game));

        await bot.Answer(game, bot.Right(game), Bob);
        await bot.Coordinator.WhenIdleAsync();
        Assert.Null(bot.Coordinator.OpenQuestion(game));
        var reveal = bot.Messenger.In(Channel).Last(m => m.IsEdit);
        Assert.Contains("Everyone has answered", RecordingMessenger.Text(reveal.Payload));
    }

    [Fact]
    public async Task The_timer_starts_when_the_question_has_been_posted_not_when_the_game_was_started()
    {
        await using var bot = new TriviaHarness();
        var game = await bot.StartAsync("questions:2 seconds:10");
        await bot.Answer(game, bot.Right(game), Alice);
        await bot.AdvanceAsync(TimeSpan.FromSeconds(10));
        await bot.AdvanceAsync(TimeSpan.FromSeconds(5)); // the pause: question 2 is posted now

        await bot.AdvanceAsync(TimeSpan.FromSeconds(9));
        Assert.NotNull(bot.Coordinator.OpenQuestion(game));
        await bot.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Null(bot.Coordinator.OpenQuestion(game));
    }

    [Fact]
    public async Task The_answered_count_is_edited_at_most_once_per_interval_however_many_answer()
    {
        await using var bot = new TriviaHarness();
        var game = await bot.StartAsync("questions:2 seconds:30");
        var question = bot.Messenger.In(Channel)[^1];
        for (ulong user = 1; user <= 25; user++) await bot.Answer(game, bot.Right(game), new Snowflake(user));
        await bot.Coordinator.WhenIdleAsync();
        Assert.DoesNotContain(bot.Messenger.In(Channel), m => m.IsEdit);

        await bot.AdvanceAsync(TimeSpan.FromSeconds(2));
        var edits = bot.Messenger.In(Channel).Where(m => m.IsEdit && m.MessageId == question.MessageId).ToList();
        Assert.Single(edits);
        Assert.Contains("25 players have answered", RecordingMessenger.Text(edits[0].Payload));
        Assert.All(edits[0].Payload.Components!.Single().Components!, b => Assert.Null(b.Disabled));
    }

    [Fact]
    public async Task Spoilers_avoid_asks_only_spoiler_free_questions()
    {
        await using var bot = new TriviaHarness();
        var game = await bot.StartAsync("questions:10 seconds:10 spoilers:avoid");
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(SpoilerLevel.None, bot.Coordinator.OpenQuestion(game)!.Question.Spoiler);
            await bot.AdvanceAsync(TimeSpan.FromSeconds(10));
            await bot.AdvanceAsync(TimeSpan.FromSeconds(5));
        }
        Assert.Null(bot.Coordinator.GameIn(Guild, Channel));
    }

    [Fact]
    public async Task Revealed_answers_to_spoiler_questions_are_hidden_in_spoiler_tags()
    {
        await using var bot = new TriviaHarness(questions: TriviaQuestions.SpoilersOnly());
        var game = await bot.StartAsync("questions:1 seconds:10 whole-film:true");
        var right = bot.Right(game);
        await bot.AdvanceAsync(TimeSpan.FromSeconds(10));

        var reveal = bot.Messenger.In(Channel).Where(m => m.IsEdit).Single().Payload;
        var fields = reveal.Embeds![0].Fields!;
        Assert.StartsWith("||", fields.Single(f => f.Name == "Right answer").Value);
        Assert.StartsWith("||", fields.Single(f => f.Name == "Why").Value);
        // The right button is not highlighted either: the colour would give the answer away.
        Assert.All(reveal.Components!.Single().Components!, b => Assert.NotEqual(ButtonStyle.Success, b.Style));
        Assert.Contains($"{right.ToString()}.", fields.Single(f => f.Name == "Right answer").Value);
    }

    [Fact]
    public async Task Asking_for_more_questions_than_match_says_how_many_there_are()
    {
        await using var bot = new TriviaHarness(questions: TriviaQuestions.SpoilersOnly());
        var result = await bot.Run("/trivia start questions:3 spoilers:avoid whole-film:true", Alice);

        Assert.Equal(InteractionOutcome.UserError, result.Outcome);
        Assert.Contains("no questions with these settings", Content(result));
        Assert.True(IsEphemeral(result));
        Assert.Equal(0, bot.Coordinator.RunningGames);
    }

    [Fact]
    public async Task A_night_asks_only_what_the_club_has_watched_and_says_how_to_get_more_questions()
    {
        await using var bot = new TriviaHarness(questions: [.. TriviaQuestions.Mixed().Skip(25)]);

        var result = await bot.Run("/trivia start questions:10", Alice);

        Assert.Equal(InteractionOutcome.UserError, result.Outcome);
        Assert.Contains("Only 5 questions match these settings within what the club has watched (nothing yet)",
            Content(result));
        Assert.Contains("`whole-film:true`", Content(result));
        Assert.Equal(0, bot.Coordinator.RunningGames);
    }

    [Fact]
    public async Task Once_the_club_has_watched_the_revealing_part_its_questions_are_asked()
    {
        await using var bot = new TriviaHarness(questions: TriviaQuestions.SpoilersOnly());
        Assert.Equal(InteractionOutcome.UserError, (await bot.Run("/trivia start questions:5", Alice)).Outcome);

        await bot.Services.GetRequiredService<IClubStore>()
            .SetClubProgressAsync(Guild, "miracle-in-cell-no-7", 4, CancellationToken.None);
        var game = await bot.StartAsync("questions:5");

        Assert.NotNull(bot.Coordinator.OpenQuestion(game));
    }

    [Fact]
    public async Task A_channel_the_bot_cannot_post_in_ends_the_game_instead_of_leaving_it_running()
    {
        await using var bot = new TriviaHarness();
        bot.Messenger.FailingChannels[Channel] = true;
        await bot.Run("/trivia start", Alice);
        await bot.Coordinator.WhenIdleAsync();

        Assert.Null(bot.Coordinator.GameIn(Guild, Channel));
        Assert.Null(await bot.Store.FindRunningGameAsync(Guild, Channel));
    }
}
