using MiracleCell.Bot.Interactions;
using MiracleCell.Bot.Trivia;
using MiracleCell.Core.Trivia;
using MiracleCell.Storage;
using static MiracleCell.Bot.Tests.Trivia.TriviaHarness;

namespace MiracleCell.Bot.Tests.Trivia;

public sealed class TriviaClickTests
{
    [Fact]
    public async Task A_second_click_says_the_answer_is_locked_and_a_redelivery_is_not_counted_twice()
    {
        await using var bot = new TriviaHarness();
        var game = await bot.StartAsync("questions:1");
        var right = bot.Right(game);
        var interaction = bot.NextInteractionId();

        var first = await bot.Answer(game, right, Bob, interactionId: interaction);
        var redelivered = await bot.Answer(game, right, Bob, interactionId: interaction);
        var second = await bot.Answer(game, Wrong(right), Bob);

        Assert.True(IsEphemeral(first));
        Assert.Contains($"Locked in: **{right}**", Content(first));
        Assert.Contains($"Locked in: **{right}**", Content(redelivered));
        Assert.Contains($"already locked in: **{right}**", Content(second));
        Assert.True(IsEphemeral(second));
        await bot.AdvanceAsync(TimeSpan.FromSeconds(20));
        var bob = await bot.Store.GetStatsAsync(Guild, Bob);
        Assert.Equal((1, 1), (bob!.Answers, bob.CorrectAnswers));
    }

    [Theory]
    [InlineData("trivia:{game}:0:E")]
    [InlineData("trivia:{game}:0:a")]
    [InlineData("trivia:{game}:0")]
    [InlineData("trivia:{game}:0:A:extra")]
    [InlineData("trivia:abc:0:A")]
    [InlineData("trivia:-1:0:A")]
    [InlineData("trivia:{game}:-1:A")]
    [InlineData("trivia:{game}:29:A")]
    [InlineData("trivia:{game}:99999999999:A")]
    [InlineData("trivia:424242:0:A")]
    public async Task A_forged_or_stale_button_changes_nothing_and_says_so(string customId)
    {
        await using var bot = new TriviaHarness();
        var game = await bot.StartAsync();

        var result = await bot.Click(
            customId.Replace("{game}", game.ToString(System.Globalization.CultureInfo.InvariantCulture),
                StringComparison.Ordinal),
            Bob);

        Assert.Equal(InteractionOutcome.UserError, result.Outcome);
        Assert.True(IsEphemeral(result));
        Assert.Contains("does not belong to a running trivia night", Content(result));
        await bot.Run("/trivia stop", Alice);
        Assert.Null(await bot.Store.GetStatsAsync(Guild, Bob));
    }

    [Fact]
    public async Task A_button_used_from_another_server_or_channel_changes_nothing()
    {
        await using var bot = new TriviaHarness();
        var game = await bot.StartAsync();
        var customId = new AnswerButtonId(game, 0, AnswerChoice.A).ToString();

        var otherGuild = await bot.Click(customId, Bob, guild: OtherGuild);
        var otherChannel = await bot.Click(customId, Bob, channel: OtherChannel);

        Assert.Equal(InteractionOutcome.UserError, otherGuild.Outcome);
        Assert.Equal(InteractionOutcome.UserError, otherChannel.Outcome);
        await bot.Run("/trivia stop", Alice);
        Assert.Null(await bot.Store.GetStatsAsync(Guild, Bob));
        Assert.Null(await bot.Store.GetStatsAsync(OtherGuild, Bob));
    }

    [Fact]
    public async Task Clicks_on_a_closed_question_or_after_the_night_are_refused_clearly()
    {
        await using var bot = new TriviaHarness();
        var game = await bot.StartAsync("questions:2 seconds:10");
        var firstQuestion = new AnswerButtonId(game, 0, AnswerChoice.A).ToString();
        await bot.AdvanceAsync(TimeSpan.FromSeconds(10));

        var closed = await bot.Click(firstQuestion, Bob);
        var notYet = await bot.Click(new AnswerButtonId(game, 1, AnswerChoice.A).ToString(), Bob);
        await bot.AdvanceAsync(TimeSpan.FromSeconds(5));
        await bot.AdvanceAsync(TimeSpan.FromSeconds(10));
        var afterEnd = await bot.Click(new AnswerButtonId(game, 1, AnswerChoice.A).ToString(), Bob);

        Assert.Contains("This question is closed", Content(closed));
        Assert.Contains("not open yet", Content(notYet));
        Assert.Contains("does not belong to a running trivia night", Content(afterEnd));
        Assert.All(new[] { closed, notYet, afterEnd }, r => Assert.True(IsEphemeral(r)));
        Assert.Null(await bot.Store.GetStatsAsync(Guild, Bob));
    }

    [Fact]
    public async Task Hundreds_of_simultaneous_clicks_in_several_games_record_exactly_one_answer_per_player()
    {
        await using var bot = new TriviaHarness();
        var games = new[]
        {
            (Guild: Guild, Channel: Channel, Id: await bot.StartAsync("questions:1 seconds:60", Alice, Guild, Channel)),
            (Guild: Guild, Channel: OtherChannel,
                Id: await bot.StartAsync("questions:1 seconds:60", Alice, Guild, OtherChannel)),
            (Guild: OtherGuild, Channel: Channel,
                Id: await bot.StartAsync("questions:1 seconds:60", Alice, OtherGuild, Channel)),
        };
        const int players = 200;
        var clicks = new List<Task<InteractionResult>>();
        foreach (var (guild, channel, id) in games)
        {
            var right = bot.Right(id);
            for (ulong player = 1; player <= players; player++)
            {
                var p = player;
                var interaction = bot.NextInteractionId();
                var choice = p % 2 == 0 ? right : Wrong(right);
                // Each player clicks twice, and the first click is delivered twice.
                clicks.Add(Task.Run(() => bot.Answer(id, choice, new Snowflake(p), guild, channel, interaction)));
                clicks.Add(Task.Run(() => bot.Answer(id, choice, new Snowflake(p), guild, channel, interaction)));
                clicks.Add(Task.Run(() => bot.Answer(id, choice, new Snowflake(p), guild, channel)));
            }
        }
        var results = await Task.WhenAll(clicks);
        await bot.AdvanceAsync(TimeSpan.FromSeconds(60));

        Assert.All(results, r => Assert.NotEqual(InteractionOutcome.Failed, r.Outcome));
        Assert.True(results.Count(r => r.Outcome == InteractionOutcome.UserError) >= games.Length * players,
            "every player's extra click is refused");
        Assert.Equal(0, bot.Coordinator.RunningGames);
        foreach (var guild in new[] { Guild, OtherGuild })
        {
            var gamesHere = games.Count(g => g.Guild == guild);
            for (ulong player = 1; player <= players; player++)
            {
                var stats = await bot.Store.GetStatsAsync(guild, new Snowflake(player));
                Assert.Equal(gamesHere, stats!.Answers);
                Assert.Equal(player % 2 == 0 ? gamesHere : 0, stats.CorrectAnswers);
                Assert.Equal(player % 2 == 0 ? 150 * gamesHere : 0, stats.Points);
            }
        }
        var finals = bot.Messenger.Sent.Where(m =>
            !m.IsEdit && RecordingMessenger.Text(m.Payload).Contains("Trivia night over", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(3, finals.Count);
        Assert.All(finals,
            f =>
                Assert.Contains($"…and {players - TriviaMessages.FinalTableShown} more",
                    RecordingMessenger.Text(f.Payload)));
    }

    [Fact]
    public async Task An_answer_that_could_not_be_saved_is_not_counted_and_can_be_given_again()
    {
        var diskFull = true;
        await using var bot = new TriviaHarness(failAnswerWrites: () => diskFull);
        var game = await bot.StartAsync("questions:1 seconds:20");
        var right = bot.Right(game);

        var failed = await bot.Answer(game, right, Bob);
        diskFull = false;
        var again = await bot.Answer(game, right, Bob);
        await bot.AdvanceAsync(TimeSpan.FromSeconds(20));

        Assert.Contains("could not save your answer", Content(failed));
        Assert.Contains($"Locked in: **{right.Letter()}**", Content(again));
        var final = RecordingMessenger.Text(bot.Messenger.In(Channel)[^1].Payload);
        Assert.Contains($"<@{Bob}>", final);
        var bob = await bot.Store.GetStatsAsync(Guild, Bob);
        Assert.Equal((1, 1), (bob!.Answers, bob.CorrectAnswers));
    }
}
