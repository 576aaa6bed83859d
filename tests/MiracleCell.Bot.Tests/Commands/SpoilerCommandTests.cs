using MiracleCell.Bot.Console;
using MiracleCell.Bot.Interactions;
using MiracleCell.Bot.Rendering;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Tests.Commands;

public sealed class SpoilerCommandTests
{
    private const string Hostile = "||a|| @everyone **x** <@123> [link](https://x.y)";

    [Fact]
    public async Task Hostile_text_stays_inside_one_spoiler_tag_and_pings_nobody()
    {
        using var bot = new TestBot();
        var reply = await bot.Reply($"/spoiler text:\"{Hostile}\" topic:\"the **end**\"");

        var spoilers = TestBot.Spoilers(reply.Content!);
        Assert.Single(spoilers);
        Assert.Equal(Markdown.Escape(Hostile), spoilers[0]);
        Assert.Empty(reply.AllowedMentions!.Parse);
        Assert.StartsWith($"**<@{ConsoleInteractions.ConsoleUser.Id}> shared a spoiler** (topic: the \\*\\*end\\*\\*)",
            reply.Content, StringComparison.Ordinal);
        Assert.Null(reply.Flags);
    }

    [Fact]
    public async Task The_header_follows_the_callers_locale()
    {
        using var bot = new TestBot();
        var reply = await bot.Reply("/spoiler text:x topic:akhir", Locale.Indonesian);

        Assert.Contains("membagikan spoiler** (topik: akhir)", reply.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_too_long_for_the_content_moves_into_embeds_each_piece_in_its_own_tag_within_limits()
    {
        var text = string.Join(" ", Enumerable.Repeat("the*end|is_sad", 280)); // 4199 chars, escaped > 5000
        var message = SpoilerRepost.Build("**header**", text, Locale.English);

        Assert.Empty(MessageLimits.Check(message));
        Assert.Equal("**header**", message.Content);
        Assert.True(message.Embeds!.Count >= 2);
        Assert.All(message.Embeds, e => Assert.Single(TestBot.Spoilers(e.Description!)));
        Assert.Equal(text, string.Join(" ", message.Embeds.Select(e => Unescape(TestBot.Spoilers(e.Description!)[0]))));
    }

    [Fact]
    public void Text_beyond_one_message_is_trimmed_between_words_and_says_so()
    {
        var text = string.Join(" ", Enumerable.Repeat("||x||", 2000));
        var message = SpoilerRepost.Build("**header**", text, Locale.English);

        Assert.Empty(MessageLimits.Check(message));
        Assert.Contains("trimmed", message.Content, StringComparison.Ordinal);
        Assert.All(message.Embeds!, e => Assert.Single(TestBot.Spoilers(e.Description!)));
    }

    private static string Unescape(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\\(.)", "$1");
}

public sealed class HideSpoilersCommandTests
{
    [Fact]
    public async Task It_reposts_the_message_text_tagged_and_names_both_users()
    {
        using var bot = new TestBot();
        var result = await bot.Run("/\"Hide spoilers\" message:\"He dies at the end @everyone\"");
        var content = result.Response.Data!.Content!;

        Assert.Equal(InteractionOutcome.Replied, result.Outcome);
        Assert.Equal("He dies at the end \\@everyone", TestBot.Spoilers(content).Single());
        Assert.Contains($"<@{ConsoleInteractions.OtherUser.Id}>", content, StringComparison.Ordinal);
        Assert.Empty(result.Response.Data.AllowedMentions!.Parse);
    }

    [Fact]
    public async Task The_original_is_only_deleted_for_its_author_or_a_member_who_may_manage_messages()
    {
        using var bot = new TestBot();
        var byOther = bot.Interaction("/\"Hide spoilers\" message:spoiler");
        var target = byOther.Data!.Resolved!.Messages!.Values.Single();
        var byAuthor = byOther with {
            Data = byOther.Data with {
                Resolved = new ResolvedData {
                    Messages = new Dictionary<string, Message> {
                        [target.Id.ToString()] = target with { Author = ConsoleInteractions.ConsoleUser } } } } };
        var byModerator = byOther with { Member = byOther.Member! with { Permissions = (1UL << 13)
            .ToString(System.Globalization.CultureInfo.InvariantCulture) } };

        Assert.Empty((await bot.Router.HandleAsync(byOther, CancellationToken.None)).Actions);
        Assert.Equal(new DeleteTargetMessage(target.ChannelId, target.Id),
            (await bot.Router.HandleAsync(byAuthor, CancellationToken.None)).Actions.Single());
        Assert.Single((await bot.Router.HandleAsync(byModerator, CancellationToken.None)).Actions);
    }

    [Fact]
    public async Task A_message_without_text_gets_an_ephemeral_explanation()
    {
        using var bot = new TestBot();
        var result = await bot.Run("/\"Hide spoilers\" message:\"  \"");

        Assert.Equal(UserErrorKind.Unusable, result.Error!.Kind);
        Assert.Equal(MessageFlags.Ephemeral, result.Response.Data!.Flags);
    }
}

public sealed class FilmAndHelpCommandTests
{
    [Fact]
    public async Task Film_shows_titles_facts_remakes_and_a_spoiler_free_premise()
    {
        using var bot = new TestBot();
        var reply = await bot.Reply("/film");
        var embed = reply.Embeds![0];
        var text = TestBot.MarkdownText(reply);

        Assert.Equal("Miracle in Cell No. 7 (2013)", embed.Title);
        Assert.Contains("7번방의 선물", text, StringComparison.Ordinal);
        Assert.Contains("Hanung Bramantyo", text, StringComparison.Ordinal);
        Assert.Contains("127 min", text, StringComparison.Ordinal);
        Assert.Empty(TestBot.Spoilers(text));
    }

    [Fact]
    public async Task Help_lists_every_registered_command_in_the_callers_locale()
    {
        using var bot = new TestBot();
        var reply = await bot.Reply("/help", Locale.Indonesian);
        var text = TestBot.MarkdownText(reply);

        var usages = new[]
        {
            "/film [film]", "/ringkasan [bagian] [spoiler] [film]", "/tokoh nama:… [film]", "/pemeran [aktor] [film]",
            "/spoiler teks:… [topik]", "/bantuan",
        };
        foreach (var usage in usages)
            Assert.Contains($"`{usage}`", text, StringComparison.Ordinal);
        Assert.Contains("Apps → Sembunyikan spoiler: memposting ulang", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hide spoilers", text, StringComparison.Ordinal);
        Assert.Contains("Cerita per bagian", text, StringComparison.Ordinal);
    }
}
