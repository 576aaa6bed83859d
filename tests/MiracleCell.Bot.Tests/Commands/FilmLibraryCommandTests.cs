using System.Text.Json;
using MiracleCell.Bot.Console;
using MiracleCell.Bot.Interactions;
using MiracleCell.Bot.Trivia;
using MiracleCell.Core.Films;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;
using Microsoft.Extensions.DependencyInjection;

namespace MiracleCell.Bot.Tests.Commands;

/// <summary>
/// Two films side by side: the in-memory Miracle pack (the default) and the fictional fixture pack on disk. Each
/// command takes the film option, the server's current film from /club otherwise, per server, with progress per film.
/// </summary>
public sealed class FilmLibraryCommandTests
{
    private const string ManageServer = "32";
    private const string Lantern = "the-lantern-keeper";
    private static readonly Snowflake OtherGuild = new(200_000_000_000_000_777);

    private static FilmLibrary TwoFilms() =>
        new([TestPacks.MiracleInCellNo7(), PackFolders.Load(PackFolders.LanternKeeper)]);

    private static Task<InteractionResult> Run(
        TestBot bot, string line, string permissions = "0", Snowflake? guild = null, Locale locale = Locale.English)
    {
        var interaction = bot.Interaction(line, locale);
        interaction = interaction with
        {
            Member = interaction.Member! with { Permissions = permissions },
            GuildId = guild ?? interaction.GuildId,
        };
        return bot.Router.HandleAsync(interaction, CancellationToken.None);
    }

    private static async Task<string> Text(TestBot bot, string line, Snowflake? guild = null)
    {
        var result = await Run(bot, line, guild: guild);
        Assert.True(result.Outcome == InteractionOutcome.Replied, $"{line}: {result.Error?.Message.En}");
        return TestBot.MarkdownText(result.Response.Data!);
    }

    private static IReadOnlyList<ApplicationCommandOptionChoice> Choices(InteractionResult result) =>
        result.Response.Data!.Choices!;

    [Theory]
    [InlineData("/film film:the-lantern-keeper", "The Lantern Keeper (2001)")]
    [InlineData("/recap film:the-lantern-keeper", "The Lantern Keeper")]
    [InlineData("/recap part:1 film:the-lantern-keeper", "Arlo and Mira tend the lantern together.")]
    [InlineData("/character name:mira film:the-lantern-keeper", "Mira Venn")]
    [InlineData("/cast film:the-lantern-keeper", "Test Actor One")]
    [InlineData("/cast actor:\"test actor two\" film:\"The Lantern Keeper\"", "Test Actor Two")]
    public async Task The_film_option_answers_about_that_film_of_the_library(string line, string expected)
    {
        using var bot = new TestBot(TwoFilms());

        var text = await Text(bot, line);

        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Miracle in Cell No. 7", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/film")]
    [InlineData("/recap")]
    [InlineData("/cast")]
    public async Task Without_the_option_a_server_with_no_choice_gets_the_default_film(string line)
    {
        using var bot = new TestBot(TwoFilms());

        Assert.Contains("Miracle in Cell No. 7", await Text(bot, line), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_film_the_library_does_not_hold_is_refused_with_the_ids_to_choose_from()
    {
        using var bot = new TestBot(TwoFilms());

        var result = await Run(bot, "/recap film:nosferatu");

        Assert.Equal(UserErrorKind.BadOption, result.Error?.Kind);
        Assert.Contains("`the-lantern-keeper`", result.Error!.Message.En, StringComparison.Ordinal);
        Assert.Contains("`miracle-in-cell-no-7`", result.Error.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_servers_with_different_current_films_each_get_their_own()
    {
        using var bot = new TestBot(TwoFilms());
        var set = await Run(bot, $"/club film:{Lantern}", ManageServer);

        var here = await Text(bot, "/film");
        var there = await Text(bot, "/film", OtherGuild);
        var characterHere = await Text(bot, "/character name:arlo");
        var helpHere = await Text(bot, "/help");

        Assert.Equal(InteractionOutcome.Replied, set.Outcome);
        Assert.Contains("The Lantern Keeper", here, StringComparison.Ordinal);
        Assert.Contains("Miracle in Cell No. 7", there, StringComparison.Ordinal);
        Assert.Contains("Arlo Venn", characterHere, StringComparison.Ordinal);
        Assert.Contains("The Lantern Keeper", helpHere, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_is_kept_per_film_so_two_films_side_by_side_follow_their_own()
    {
        using var bot = new TestBot(TwoFilms());
        await Run(bot, "/club watched:finished", ManageServer);

        var miracleEnding = await Text(bot, "/recap part:4");
        var lanternEnding = await Text(bot, $"/recap part:3 film:{Lantern}");

        Assert.Contains("The ending", miracleEnding, StringComparison.Ordinal);
        Assert.Empty(TestBot.Spoilers(miracleEnding));
        Assert.Contains("Part 3 of 3", lanternEnding, StringComparison.Ordinal);
        Assert.Contains("Lost at sea", Assert.Single(TestBot.Spoilers(lanternEnding), s => s.Contains("Lost")),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Club_sets_the_progress_of_the_film_it_chooses_and_lists_the_library()
    {
        using var bot = new TestBot(TwoFilms());

        var set = await Run(bot, $"/club film:{Lantern} watched:2", ManageServer);
        var lantern = await Text(bot, $"/recap film:{Lantern}");
        var miracle = await Text(bot, "/recap film:miracle-in-cell-no-7");
        var progressChoices = Choices(await Run(bot, $"/club film:{Lantern} watched:?"));

        var status = TestBot.MarkdownText(set.Response.Data!);
        Assert.Contains("The Lantern Keeper", status, StringComparison.Ordinal);
        Assert.Contains("up to part 2 of 3", status, StringComparison.Ordinal);
        Assert.Contains("`miracle-in-cell-no-7`", status, StringComparison.Ordinal);
        Assert.Contains("**2.** The storm", lantern, StringComparison.Ordinal);
        Assert.Contains("The arrest", TestBot.Spoilers(miracle));
        Assert.Equal(["0", "1", "2", "finished"], progressChoices.Select(c => c.Value.GetString()));
    }

    [Fact]
    public async Task The_film_option_autocompletes_titles_in_the_readers_language()
    {
        using var bot = new TestBot(TwoFilms());

        var all = Choices(await Run(bot, "/recap film:?"));
        var typed = Choices(await Run(bot, "/film film:penj?", locale: Locale.Indonesian));

        Assert.Equal(["miracle-in-cell-no-7", Lantern], all.Select(c => c.Value.GetString()));
        Assert.Equal("The Lantern Keeper (2001)", all[1].Name);
        Assert.Equal("Penjaga Lentera (2001)", Assert.Single(typed).Name);
    }

    [Fact]
    public async Task Part_and_name_choices_follow_the_film_typed_beside_them()
    {
        using var bot = new TestBot(TwoFilms());

        var parts = Choices(await Run(bot, $"/recap film:{Lantern} part:?"));
        var names = Choices(await Run(bot, $"/character film:{Lantern} name:mi?"));
        var actors = Choices(await Run(bot, $"/cast film:{Lantern} actor:test?"));

        Assert.Equal(["part-1", "part-2", "part-3"], parts.Select(c => c.Value.GetString()));
        Assert.Equal("granddaughter", names[0].Value.GetString());
        Assert.Equal(["test-actor-one", "test-actor-two"], actors.Select(c => c.Value.GetString()).Order());
    }

    [Fact]
    public async Task Page_buttons_render_the_film_they_were_made_for()
    {
        using var bot = new TestBot(TwoFilms());
        var reply = await bot.Reply($"/recap film:{Lantern}");

        var pressed = await bot.Press($"page:recap:{Lantern}/overview.0:0", reply);
        var old = await bot.Press("page:recap:overview.0:0", reply);
        var gone = await bot.Press("page:recap:not-a-film/overview.0:0", reply);

        Assert.Contains("The Lantern Keeper", TestBot.MarkdownText(pressed.Response.Data!), StringComparison.Ordinal);
        Assert.Contains("Miracle in Cell No. 7", TestBot.MarkdownText(old.Response.Data!), StringComparison.Ordinal);
        Assert.Equal(UserErrorKind.Unusable, gone.Error?.Kind);
    }

    [Fact]
    public async Task Trivia_start_runs_a_night_on_the_film_chosen_and_autocompletes_it()
    {
        using var bot = new TestBot(TwoFilms());
        var lanternQuestions = PackFolders.Load(PackFolders.LanternKeeper).Trivia.Select(q => q.Id).ToHashSet();

        var started = await Run(bot, $"/trivia start questions:1 whole-film:true film:{Lantern}", "2147483647");
        var choices = await bot.Router.HandleAsync(TriviaAutocomplete(bot, "lan"), CancellationToken.None);

        Assert.True(started.Outcome == InteractionOutcome.Replied, started.Error?.Message.En);
        var coordinator = bot.Services.GetRequiredService<TriviaCoordinator>();
        var game = coordinator.GameIn(ConsoleInteractions.GuildId, ConsoleInteractions.ChannelId);
        Assert.NotNull(game);
        Assert.All(coordinator.EngineOf(game.Value)!.Questions, q => Assert.Contains(q.Question.Id, lanternQuestions));
        Assert.Equal(Lantern, Assert.Single(choices.Response.Data!.Choices!).Value.GetString());
        await coordinator.StopGameAsync(ConsoleInteractions.GuildId, ConsoleInteractions.ChannelId, new Snowflake(0),
            canManageServer: true, CancellationToken.None);
        await coordinator.WhenIdleAsync();
    }

    private static Interaction TriviaAutocomplete(TestBot bot, string typed)
    {
        var interaction = bot.Interaction("/film");
        return interaction with
        {
            Type = InteractionType.ApplicationCommandAutocomplete,
            Data = new InteractionData
            {
                Name = "trivia",
                Type = ApplicationCommandType.ChatInput,
                Options =
                [
                    new InteractionDataOption
                    {
                        Name = "start", Type = ApplicationCommandOptionType.SubCommand,
                        Options =
                        [
                            new InteractionDataOption
                            {
                                Name = "film", Type = ApplicationCommandOptionType.String, Focused = true,
                                Value = JsonSerializer.SerializeToElement(typed, DiscordJsonContext.Default.String),
                            },
                        ],
                    },
                ],
            },
        };
    }
}
