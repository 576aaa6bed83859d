using MiracleCell.Bot.Interactions;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Tests.Commands;

public sealed class RecapCommandTests
{
    [Fact]
    public async Task Without_a_part_it_shows_the_premise_and_the_parts_with_no_spoilers()
    {
        using var bot = new TestBot();
        var reply = await bot.Reply("/recap");
        var text = TestBot.MarkdownText(reply);

        Assert.Null(reply.Flags);
        Assert.Contains("mind of a child", text, StringComparison.Ordinal);
        foreach (var id in new[] { "premise", "arrest", "cell\\-7", "ending" }) Assert.Contains($"`{id.Replace("\\", "", StringComparison.Ordinal)}`", text, StringComparison.Ordinal);
        Assert.Empty(TestBot.Spoilers(text));
    }

    [Fact]
    public async Task Each_beat_past_the_premise_is_in_its_own_spoiler_tag()
    {
        using var bot = new TestBot();
        var reply = await bot.Reply("/recap part:ending");
        var spoilers = TestBot.Spoilers(TestBot.MarkdownText(reply));

        Assert.Equal(2, spoilers.Count);
        Assert.Equal("Yong-gu is sentenced to death.", spoilers[0]);
        Assert.DoesNotContain("||", reply.Embeds![0].Title, StringComparison.Ordinal);
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

    [Theory]
    [InlineData("trial")]
    [InlineData("4")]
    [InlineData("The ending")]
    [InlineData("verdict")]
    public async Task A_part_is_found_by_alias_order_title_or_a_typo(string typed)
    {
        using var bot = new TestBot();
        var reply = await bot.Reply($"/recap part:\"{typed}\"");

        Assert.StartsWith("Part 4 of 4", reply.Embeds![0].Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disputed_beat_says_the_sources_disagree_and_names_them_outside_the_tag()
    {
        using var bot = new TestBot();
        var reply = await bot.Reply("/recap part:arrest");
        var value = reply.Embeds![0].Fields![0].Value;
        var disputedLine = value.Split('\n')[0];

        Assert.Contains("sources disagree: Film-site synopsis; Fan blog review", disputedLine, StringComparison.Ordinal);
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
        using var bot = new TestBot();
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
        Assert.Contains("`premise`, `arrest`, `cell-7`, `ending`", result.Error.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Part_autocomplete_lists_parts_in_film_order_when_nothing_is_typed()
    {
        using var bot = new TestBot();
        var result = await bot.Run("/recap part:?", Locale.Indonesian);

        var choices = result.Response.Data!.Choices!;
        Assert.Equal(["premise", "arrest", "cell-7", "ending"], choices.Select(c => c.Value.GetString()));
        Assert.Equal("4. Akhir cerita (spoiler berat)", choices[3].Name);
    }

    [Fact]
    public async Task A_part_too_long_for_one_message_is_split_into_pages_with_buttons()
    {
        using var bot = new TestBot(TestPacks.Oversized());
        var first = await bot.Reply("/recap part:long-epilogue");
        var buttons = first.Components!.Single().Components!;
        Assert.Equal(3, buttons.Count);
        Assert.True(buttons[0].Disabled);

        var second = await bot.Press(buttons[2].CustomId!, first);

        Assert.Equal(InteractionCallbackType.UpdateMessage, second.Response.Type);
        Assert.NotEqual(first.Embeds![0].Fields![0].Value, second.Response.Data!.Embeds![0].Fields![0].Value);
        Assert.All(TestBot.Spoilers(TestBot.MarkdownText(second.Response.Data)), s => Assert.DoesNotContain("||", s, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_page_of_untagged_spoilers_never_replaces_a_public_message()
    {
        using var bot = new TestBot(TestPacks.Oversized());
        var privatePages = await bot.Reply("/recap part:long-epilogue spoilers:true");
        var next = privatePages.Components!.Single().Components![2].CustomId!;

        var onPublicMessage = await bot.Press(next, privatePages with { Flags = null });

        Assert.Equal(InteractionOutcome.UserError, onPublicMessage.Outcome);
    }
}
