using MiracleCell.Bot.Trivia;
using MiracleCell.Core.Trivia;
using static MiracleCell.Bot.Tests.Trivia.TriviaHarness;

namespace MiracleCell.Bot.Tests.Trivia;

/// <summary>Clicks on a question whose message players already see but whose post the bot has not heard back
/// from.</summary>
public sealed class TriviaEarlyClickTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_click_that_beats_the_question_post_waits_for_it_and_is_locked_in()
    {
        await using var bot = new TriviaHarness();
        var game = await bot.StartAsync("questions:2 seconds:10");
        var posting = await PostSecondQuestionHeldAsync(bot);

        var click = bot.Click(new AnswerButtonId(game, 1, AnswerChoice.B).ToString(), Bob);
        Assert.False(click.IsCompleted, "The click must wait for the question to open, not be refused.");
        posting.SetResult();

        Assert.Contains("Locked in: **B**", Content(await click.WaitAsync(Guard)));
        await bot.Coordinator.WhenIdleAsync();
        await bot.AdvanceAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, (await bot.Store.GetStatsAsync(Guild, Bob))!.Answers);
    }

    [Fact]
    public async Task A_question_post_that_does_not_answer_in_time_lets_the_early_click_go_with_not_open_yet()
    {
        await using var bot = new TriviaHarness();
        var game = await bot.StartAsync("questions:2 seconds:10");
        var posting = await PostSecondQuestionHeldAsync(bot);
        try
        {
            var click = bot.Click(new AnswerButtonId(game, 1, AnswerChoice.B).ToString(), Bob);
            bot.Time.Advance(TimeSpan.FromSeconds(2));

            Assert.Contains("not open yet", Content(await click.WaitAsync(Guard)));
        }
        finally
        {
            posting.TrySetResult();
            await bot.Coordinator.WhenIdleAsync();
        }
    }

    [Fact]
    public async Task A_question_post_that_fails_lets_the_early_click_go()
    {
        await using var bot = new TriviaHarness();
        var game = await bot.StartAsync("questions:2 seconds:10");
        var posting = await PostSecondQuestionHeldAsync(bot);

        var click = bot.Click(new AnswerButtonId(game, 1, AnswerChoice.B).ToString(), Bob);
        posting.SetException(new InvalidOperationException("Missing Access"));

        Assert.DoesNotContain("Locked in", Content(await click.WaitAsync(Guard)), StringComparison.Ordinal);
        await bot.Coordinator.WhenIdleAsync();
        Assert.Null(bot.Coordinator.GameIn(Guild, Channel));
    }

    /// <summary>Ends question 1 and lets question 2's post reach the channel, its response held until the returned
    /// source is set.</summary>
    private static async Task<TaskCompletionSource> PostSecondQuestionHeldAsync(TriviaHarness bot)
    {
        var posting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bot.Messenger.HoldQuestionPosts = posting;
        await bot.AdvanceAsync(TimeSpan.FromSeconds(10));
        bot.Time.Advance(TimeSpan.FromSeconds(5));
        await bot.Messenger.QuestionPostHeld.Task.WaitAsync(Guard);
        return posting;
    }
}
