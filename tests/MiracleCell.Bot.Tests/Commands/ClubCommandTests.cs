using MiracleCell.Bot.Interactions;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Tests.Commands;

/// <summary>/club over the real LiteDB club store: who may set what, and that replies follow the progress it
/// keeps.</summary>
public sealed class ClubCommandTests
{
    private const string ManageServer = "32";

    private static Task<InteractionResult> Run(TestBot bot, string line, string permissions = "0",
        Locale locale = Locale.English)
    {
        var interaction = bot.Interaction(line, locale);
        interaction = interaction with { Member = interaction.Member! with { Permissions = permissions } };
        return bot.Router.HandleAsync(interaction, CancellationToken.None);
    }

    private static string Text(InteractionResult result) =>
        result.Response.Data is { } data ? TestBot.MarkdownText(data) : "";

    [Fact]
    public async Task A_server_with_no_setting_has_watched_nothing_and_the_reply_is_private()
    {
        using var bot = new TestBot();
        var result = await Run(bot, "/club");

        Assert.Equal(InteractionOutcome.Replied, result.Outcome);
        Assert.Equal(MessageFlags.Ephemeral, result.Response.Data!.Flags);
        Assert.Contains("nothing yet", Text(result), StringComparison.Ordinal);
        Assert.Contains("not set: replies follow the club", Text(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_manage_server_moves_the_clubs_progress()
    {
        using var bot = new TestBot();

        var refused = await Run(bot, "/club watched:3");
        var status = await Run(bot, "/club");

        Assert.Equal(UserErrorKind.MissingPermission, refused.Error?.Kind);
        Assert.Contains("nothing yet", Text(status), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_the_club_moves_to_part_n_the_channel_sees_parts_up_to_n_plainly_and_nothing_past_it()
    {
        using var bot = new TestBot();
        var set = await Run(bot, "/club watched:2", ManageServer);

        var overview = TestBot.MarkdownText(await bot.Reply("/recap"));
        var ending = await bot.Reply("/recap part:4");

        Assert.Contains("up to part 2 of 4", Text(set), StringComparison.Ordinal);
        Assert.Contains("**2.** The arrest ·", overview, StringComparison.Ordinal);
        Assert.Equal(["Life in Cell No. 7", "The ending"], TestBot.Spoilers(overview));
        Assert.Equal("Part 4 of 4", ending.Embeds![0].Title);
    }

    [Fact]
    public async Task Finished_shows_the_whole_film()
    {
        using var bot = new TestBot();
        await Run(bot, "/club watched:finished", ManageServer);

        var ending = await bot.Reply("/recap part:4");

        Assert.Equal("Part 4 of 4: The ending", ending.Embeds![0].Title);
        Assert.Empty(TestBot.Spoilers(TestBot.MarkdownText(ending)));
    }

    [Fact]
    public async Task A_members_own_progress_governs_only_what_they_alone_see()
    {
        using var bot = new TestBot();
        var mine = await Run(bot, "/club mine:4");

        var choices = (await bot.Run("/recap part:?")).Response.Data!.Choices!;
        var publicReply = await bot.Reply("/recap part:4");
        var cleared = await Run(bot, "/club mine:clear");

        Assert.Equal(InteractionOutcome.Replied, mine.Outcome);
        Assert.Contains("the whole film", Text(mine), StringComparison.Ordinal);
        Assert.Equal("4. The ending (major spoilers)", choices[3].Name);
        Assert.Equal("Part 4 of 4", publicReply.Embeds![0].Title);
        Assert.Contains("not set: replies follow the club", Text(cleared), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/club watched:5", "from 0 to 4")]
    [InlineData("/club watched:soon", "from 0 to 4")]
    [InlineData("/club film:another-film", "`miracle-in-cell-no-7`")]
    public async Task A_bad_value_says_what_to_give_instead(string line, string expected)
    {
        using var bot = new TestBot();
        var result = await Run(bot, line, ManageServer);

        Assert.Equal(UserErrorKind.BadOption, result.Error?.Kind);
        Assert.Contains(expected, result.Error!.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_choices_name_parts_by_number_only_in_the_callers_language()
    {
        using var bot = new TestBot();
        var choices = (await Run(bot, "/club watched:?", locale: Locale.Indonesian)).Response.Data!.Choices!;

        Assert.Equal(["0", "1", "2", "3", "finished"], choices.Select(c => c.Value.GetString()));
        Assert.Equal("sampai bagian 2 dari 4", choices[2].Name);
        Assert.DoesNotContain(choices, c => c.Name.Contains("Penangkapan", StringComparison.Ordinal));
    }
}
