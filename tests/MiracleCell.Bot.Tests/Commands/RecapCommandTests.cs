using MiracleCell.Core.Films;
using MiracleCell.Bot.Interactions;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Tests.Commands;

public sealed class RecapCommandTests
{
    [Fact]
    public async Task Without_a_part_and_nothing_watched_it_shows_the_premise_and_each_part_title_only_in_a_tag()
    {
        using var bot = new TestBot();
        var reply = await bot.Reply("/recap");
        var text = TestBot.MarkdownText(reply);

        Assert.Null(reply.Flags);
        Assert.Contains("mind of a child", text, StringComparison.Ordinal);
        foreach (var id in new[] { "part-1", "part-2", "part-3", "part-4" })
            Assert.Contains($"`{id}`", text, StringComparison.Ordinal);
        Assert.Equal(["The premise", "The arrest", "Life in Cell No. 7", "The ending"], TestBot.Spoilers(text));
        Assert.Contains("4 items are past the progress", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_part_it_shows_the_titles_of_the_parts_watched_plainly_and_the_rest_in_tags()
    {
        using var bot = new TestBot(progress: new WatchProgress(2));
        var text = TestBot.MarkdownText(await bot.Reply("/recap"));

        Assert.Contains("**2.** The arrest ·", text, StringComparison.Ordinal);
        Assert.Equal(["Life in Cell No. 7", "The ending"], TestBot.Spoilers(text));
    }

    [Fact]
    public async Task A_part_past_the_progress_is_titled_by_number_with_its_title_and_each_beat_in_its_own_tag()
    {
        using var bot = new TestBot();
        var reply = await bot.Reply("/recap part:ending");
        var spoilers = TestBot.Spoilers(TestBot.MarkdownText(reply));

        Assert.Equal("Part 4 of 4", reply.Embeds![0].Title);
        Assert.Equal(["The ending", "Yong-gu is sentenced to death."], spoilers.Take(2));
        Assert.Equal(3, spoilers.Count);
        Assert.DoesNotContain("sentenced", reply.Embeds[0].Footer!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spoilers_true_shows_the_beats_untagged_in_an_ephemeral_reply()
    {
        using var bot = new TestBot();
        var reply = await bot.Reply("/recap part:ending spoilers:true");
        var text = TestBot.MarkdownText(reply);

        Assert.Equal(MessageFlags.Ephemeral, reply.Flags);
        Assert.Empty(TestBot.Spoilers(text));
        Assert.Contains("sentenced to death", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_part_within_the_progress_shows_its_title_and_beats_plainly()
    {
        using var bot = new TestBot(progress: WatchProgress.Finished);
        var reply = await bot.Reply("/recap part:ending");
        var text = TestBot.MarkdownText(reply);

        Assert.Equal("Part 4 of 4: The ending", reply.Embeds![0].Title);
        Assert.Empty(TestBot.Spoilers(text));
        Assert.Contains("Yong-gu is sentenced to death.", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ending")]
    [InlineData("4")]
    [InlineData("part-4")]
    [InlineData("part 4")]
    [InlineData("endng")]
    public async Task A_part_is_found_by_alias_order_id_or_a_typo(string typed)
    {
        using var bot = new TestBot();
        var reply = await bot.Reply($"/recap part:\"{typed}\"");

        Assert.StartsWith("Part 4 of 4", reply.Embeds![0].Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_part_is_found_by_its_title_only_once_it_is_watched()
    {
        using var before = new TestBot(progress: new WatchProgress(1));
        using var after = new TestBot(progress: new WatchProgress(2));

        Assert.Equal(UserErrorKind.BadOption, (await before.Run("/recap part:\"The arrest\"")).Error?.Kind);
        Assert.Equal("Part 2 of 4: The arrest", (await after.Reply("/recap part:\"The arrest\"")).Embeds![0].Title);
    }

    [Fact]
    public async Task A_disputed_beat_says_the_sources_disagree_and_names_them_outside_the_tag()
    {
        using var bot = new TestBot();
        var reply = await bot.Reply("/recap part:2");
        var value = reply.Embeds![0].Fields![0].Value;
        var disputedLine = value.Split('\n')[0];

        Assert.Contains("sources disagree: Film-site synopsis; Fan blog review", disputedLine,
            StringComparison.Ordinal);
        Assert.EndsWith("*", disputedLine, StringComparison.Ordinal);
        Assert.DoesNotContain("disagree", TestBot.Spoilers(disputedLine)[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_beat_cites_numbered_sources_that_the_footer_names()
    {
        using var bot = new TestBot();
        var reply = await bot.Reply("/recap part:ending");

        Assert.Contains("|| [1]", reply.Embeds![0].Fields![0].Value, StringComparison.Ordinal);
        Assert.Contains("|| [1,2]", reply.Embeds[0].Fields![0].Value, StringComparison.Ordinal);
        Assert.Equal("Sources: [1] Fan blog review · [2] TribunnewsWiki synopsis", reply.Embeds[^1].Footer!.Text);
    }

    [Fact]
    public async Task An_indonesian_caller_gets_the_part_in_indonesian()
    {
        using var bot = new TestBot(progress: WatchProgress.Finished);
        var reply = await bot.Reply("/recap part:ending", Locale.Indonesian);

        Assert.Equal("Bagian 4 dari 4: Akhir cerita", reply.Embeds![0].Title);
        Assert.Contains("dijatuhi hukuman mati", TestBot.MarkdownText(reply), StringComparison.Ordinal);
        Assert.StartsWith("Sumber:", reply.Embeds[^1].Footer!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_part_lists_the_parts_to_choose_from()
    {
        using var bot = new TestBot();
        var result = await bot.Run("/recap part:credits");

        Assert.Equal(UserErrorKind.BadOption, result.Error!.Kind);
        Assert.Contains("`part-1`, `part-2`, `part-3`, `part-4`", result.Error.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Part_autocomplete_lists_parts_in_film_order_by_number_past_the_progress()
    {
        using var bot = new TestBot(progress: new WatchProgress(1));
        var result = await bot.Run("/recap part:?", Locale.Indonesian);

        var choices = result.Response.Data!.Choices!;
        Assert.Equal(["part-1", "part-2", "part-3", "part-4"], choices.Select(c => c.Value.GetString()));
        Assert.Equal("1. Premis (bebas spoiler)", choices[0].Name);
        Assert.Equal("Bagian 4 (spoiler berat)", choices[3].Name);
    }

    [Fact]
    public async Task Part_autocomplete_does_not_match_the_title_of_a_part_past_the_progress()
    {
        using var before = new TestBot(progress: new WatchProgress(1));
        using var after = new TestBot(progress: WatchProgress.Finished);

        var hidden = (await before.Run("/recap part:arrest?")).Response.Data!.Choices!;
        var shown = (await after.Run("/recap part:arrest?")).Response.Data!.Choices!;

        Assert.DoesNotContain(hidden, c => c.Value.GetString() == "part-2");
        Assert.Equal("2. The arrest (mild spoilers)", shown[0].Name);
    }

    [Fact]
    public async Task A_part_too_long_for_one_message_is_split_into_pages_with_buttons()
    {
        using var bot = new TestBot(TestPacks.Oversized());
        var first = await bot.Reply("/recap part:part-5");
        var buttons = first.Components!.Single().Components!;
        Assert.Equal(3, buttons.Count);
        Assert.True(buttons[0].Disabled);

        var second = await bot.Press(buttons[2].CustomId!, first);

        Assert.Equal(InteractionCallbackType.UpdateMessage, second.Response.Type);
        Assert.NotEqual(first.Embeds![0].Fields![0].Value, second.Response.Data!.Embeds![0].Fields![0].Value);
        Assert.All(TestBot.Spoilers(TestBot.MarkdownText(second.Response.Data)),
            s => Assert.DoesNotContain("||", s, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_page_of_untagged_spoilers_never_replaces_a_public_message()
    {
        using var bot = new TestBot(TestPacks.Oversized());
        var privatePages = await bot.Reply("/recap part:part-5 spoilers:true");
        var next = privatePages.Components!.Single().Components![2].CustomId!;

        var onPublicMessage = await bot.Press(next, privatePages with { Flags = null });

        Assert.Equal(InteractionOutcome.UserError, onPublicMessage.Outcome);
    }
}
