using System.Text.Json;
using MiracleCell.Bot.Interactions;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Tests.Commands;

public sealed class FilmCommandTests
{
    [Fact]
    public async Task A_repeated_film_reply_reuses_the_pages_rendered_the_first_time_and_sends_the_same_body()
    {
        using var bot = new TestBot();
        var first = await bot.Run("/film");
        var second = await bot.Run("/film");

        Assert.Same(first.Response.Data!.Embeds, second.Response.Data!.Embeds);
        Assert.Equal(Body(first.Response), Body(second.Response));
    }

    [Fact]
    public async Task Each_language_gets_its_own_film_reply_whichever_was_asked_first()
    {
        using var bot = new TestBot();
        var indonesian = TestBot.MarkdownText(await bot.Reply("/film", Locale.Indonesian));
        var english = TestBot.MarkdownText(await bot.Reply("/film"));
        var indonesianAgain = TestBot.MarkdownText(await bot.Reply("/film", Locale.Indonesian));

        Assert.Contains("Korea Selatan", indonesian, StringComparison.Ordinal);
        Assert.DoesNotContain("South Korea", indonesian, StringComparison.Ordinal);
        Assert.Contains("South Korea", english, StringComparison.Ordinal);
        Assert.DoesNotContain("Korea Selatan", english, StringComparison.Ordinal);
        Assert.Equal(indonesian, indonesianAgain);
    }

    [Fact]
    public async Task A_film_reply_from_the_cache_is_still_public_and_pings_nobody_after_a_private_reply()
    {
        using var bot = new TestBot();
        await bot.Run("/recap spoilers:true");
        await bot.Run("/film");
        var cached = await bot.Run("/film", Locale.Indonesian);
        var again = await bot.Run("/film", Locale.Indonesian);

        foreach (var result in new[] { cached, again })
        {
            Assert.Equal(InteractionOutcome.Replied, result.Outcome);
            Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, result.Response.Type);
            Assert.Null(result.Response.Data!.Flags);
            Assert.Empty(result.Response.Data.AllowedMentions!.Parse);
        }
    }

    [Fact]
    public async Task Bots_over_different_films_each_answer_with_their_own_film()
    {
        var pack = TestPacks.MiracleInCellNo7();
        var otherPack = pack with { Film = pack.Film with { Id = "another-film", Director = "Another Director" } };
        using var bot = new TestBot(pack);
        using var otherBot = new TestBot(otherPack);

        var film = TestBot.MarkdownText(await bot.Reply("/film"));
        var otherFilm = TestBot.MarkdownText(await otherBot.Reply("/film"));

        Assert.Contains("Lee Hwan-kyung", film, StringComparison.Ordinal);
        Assert.Contains("Another Director", otherFilm, StringComparison.Ordinal);
        Assert.DoesNotContain("Lee Hwan-kyung", otherFilm, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/film")]
    [InlineData("/sources")]
    public async Task A_kept_film_reply_sends_the_bytes_a_fresh_serialization_gives_in_each_language(string line)
    {
        using var bot = new TestBot();
        foreach (var locale in Locales.All)
        {
            var first = await bot.Run(line, locale);
            var again = await bot.Run(line, locale);

            Assert.Same(first.Response, again.Response);
            Assert.Equal(Body(first.Response), System.Text.Encoding.UTF8.GetString(first.Response.KeptBody!));
        }
        Assert.NotEqual(Body((await bot.Run(line)).Response), Body((await bot.Run(line, Locale.Indonesian)).Response));
    }

    [Fact]
    public async Task Two_films_keep_their_own_serialized_reply()
    {
        var pack = TestPacks.MiracleInCellNo7();
        var otherPack = pack with { Film = pack.Film with { Id = "another-film", Director = "Another Director" } };
        using var bot = new TestBot(pack);
        using var otherBot = new TestBot(otherPack);

        var film = (await bot.Run("/film")).Response;
        var otherFilm = (await otherBot.Run("/film")).Response;

        Assert.Equal(Body(film), System.Text.Encoding.UTF8.GetString(film.KeptBody!));
        Assert.Equal(Body(otherFilm), System.Text.Encoding.UTF8.GetString(otherFilm.KeptBody!));
        Assert.Contains("Another Director", Body(otherFilm), StringComparison.Ordinal);
        Assert.DoesNotContain("Another Director", Body(film), StringComparison.Ordinal);
    }

    private static string Body(InteractionResponse response) =>
        JsonSerializer.Serialize(response, DiscordJsonContext.Default.InteractionResponse);
}
