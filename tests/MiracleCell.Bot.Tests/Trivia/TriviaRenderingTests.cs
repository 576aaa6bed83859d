using MiracleCell.Bot.Interactions;
using MiracleCell.Core.Text;
using static MiracleCell.Bot.Tests.Trivia.TriviaHarness;

namespace MiracleCell.Bot.Tests.Trivia;

public sealed class TriviaRenderingTests
{
    private static async Task<TriviaHarness> AfterANightAsync()
    {
        var bot = new TriviaHarness();
        var game = await bot.StartAsync("questions:1");
        await bot.Answer(game, bot.Right(game), Bob);
        await bot.Answer(game, Wrong(bot.Right(game)), Carol);
        await bot.AdvanceAsync(TimeSpan.FromSeconds(20));
        return bot;
    }

    private static string Text(InteractionResult result) =>
        TestBot.MarkdownText(result.Response.Data!) + "\n"
            + (result.Response.Data!.Embeds is [var first, ..] ? first.Footer?.Text : null);

    [Theory]
    [InlineData(Locale.English, "Trivia leaderboard: all time", "You: #1 with")]
    [InlineData(Locale.Indonesian, "Papan skor kuis: sepanjang masa", "Anda: #1 dengan")]
    public async Task The_leaderboard_shows_the_top_and_the_callers_rank_in_their_language(Locale locale, string title,
        string you)
    {
        await using var bot = await AfterANightAsync();
        var result = await bot.Run("/trivia leaderboard", Bob, locale: locale);

        Assert.Equal(InteractionOutcome.Replied, result.Outcome);
        Assert.False(IsEphemeral(result));
        Assert.Contains(title, Text(result));
        Assert.Contains($"<@{Bob}>", Text(result));
        Assert.Contains(you, Text(result));
        Assert.DoesNotContain($"<@{Carol}>", Text(result));
        AssertWithinLimits(result.EditOriginalBody!);
    }

    [Theory]
    [InlineData(Locale.English, "this month", "You have no points in this period yet.")]
    [InlineData(Locale.Indonesian, "bulan ini", "Anda belum punya poin pada periode ini.")]
    public async Task This_months_leaderboard_tells_a_caller_without_points_so(Locale locale, string title,
        string noPoints)
    {
        await using var bot = await AfterANightAsync();
        var result = await bot.Run("/trivia leaderboard period:this-month", Carol, locale: locale);
        Assert.Contains(title, Text(result));
        Assert.Contains(noPoints, Text(result));
    }

    [Theory]
    [InlineData(Locale.English, "Accuracy", "100% (1 of 1)", "Best streak")]
    [InlineData(Locale.Indonesian, "Akurasi", "100% (1 dari 1)", "Rentetan terbaik")]
    public async Task Stats_show_points_games_wins_answers_accuracy_and_best_streak(Locale locale, string accuracy,
        string ratio, string streak)
    {
        await using var bot = await AfterANightAsync();
        var result = await bot.Run($"/trivia stats user:{Bob}", Alice, locale: locale);

        var text = Text(result);
        Assert.Contains(accuracy, text);
        Assert.Contains(ratio, text);
        Assert.Contains(streak, text);
        Assert.Contains($"<@{Bob}>", text);
        AssertWithinLimits(result.EditOriginalBody!);
    }

    [Fact]
    public async Task Stats_of_someone_who_never_played_say_so_and_a_bad_user_says_what_to_type()
    {
        await using var bot = await AfterANightAsync();
        Assert.Contains("has not played trivia", Text(await bot.Run("/trivia stats", Alice)));
        var bad = await bot.Run("/trivia stats user:someone", Alice);
        Assert.Equal(InteractionOutcome.UserError, bad.Outcome);
        Assert.Contains("must be a member", Content(bad));
    }

    [Fact]
    public async Task Every_message_of_a_long_crowded_night_stays_within_Discords_limits()
    {
        await using var bot = new TriviaHarness();
        var game = await bot.StartAsync("questions:3 seconds:10");
        for (var q = 0; q < 3; q++)
        {
            for (ulong player = 1; player <= 40; player++)
                await bot.Answer(game, player % 3 == 0 ? bot.Right(game) : Wrong(bot.Right(game)),
                    new Snowflake(player));
            await bot.AdvanceAsync(TimeSpan.FromSeconds(2));
            if (bot.Coordinator.OpenQuestion(game) is not null) await bot.AdvanceAsync(TimeSpan.FromSeconds(8));
            await bot.AdvanceAsync(TimeSpan.FromSeconds(5));
        }
        Assert.Equal(0, bot.Coordinator.RunningGames);
        Assert.All(bot.Messenger.Sent, m => AssertWithinLimits(m.Payload));
        Assert.All(bot.Messenger.Sent, m => Assert.Empty(m.Payload.AllowedMentions!.Parse));
    }

    [Fact]
    public async Task Trivia_replies_are_in_Indonesian_for_an_Indonesian_user()
    {
        await using var bot = new TriviaHarness();
        await bot.StartAsync();
        var busy = await bot.Run("/trivia start", Bob, locale: Locale.Indonesian);
        Assert.Contains("Malam kuis sudah berjalan di kanal ini", Content(busy));
    }
}
