using MiracleCell.Bot.Interactions;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Tests.Commands;

public sealed class CharacterCommandTests
{
    [Theory]
    [InlineData("yong goo")]
    [InlineData("Yong-go")]
    [InlineData("lee yong gu")]
    [InlineData("lee-yong-gu")]
    public async Task Every_spelling_the_sources_use_resolves_to_the_character(string typed)
    {
        using var bot = new TestBot();
        var reply = await bot.Reply($"/character name:{typed}");

        Assert.Equal("Lee Yong-gu", reply.Embeds![0].Title);
    }

    [Fact]
    public async Task It_shows_summary_role_actors_facts_and_relationships_with_facts_tagged_by_level()
    {
        using var bot = new TestBot();
        var reply = await bot.Reply("/character name:yong goo");
        var embed = reply.Embeds![0];
        var fields = embed.Fields!.ToDictionary(f => f.Name, f => f.Value);

        Assert.Contains("mind of a six-year-old", embed.Description, StringComparison.Ordinal);
        Assert.Equal("the father", fields["Role"]);
        Assert.Contains("Ryu Seung-ryong", fields["Played by"], StringComparison.Ordinal);
        Assert.Equal(2, TestBot.Spoilers(fields["Facts"]).Count);
        Assert.Contains("daughter: **Ye-seung**", fields["Relationships"], StringComparison.Ordinal);
        Assert.DoesNotContain("||daughter", fields["Relationships"], StringComparison.Ordinal);
        Assert.Contains("||cellmate who becomes a friend: **So Yang-ho**||", fields["Relationships"],
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_character_played_by_two_actors_lists_both_with_their_notes()
    {
        using var bot = new TestBot();
        var reply = await bot.Reply("/character name:\"Ye Seong\"", Locale.Indonesian);
        var playedBy = reply.Embeds![0].Fields!.Single(f => f.Name == "Diperankan oleh").Value;

        Assert.Contains("Kal So-won (saat kecil)", playedBy, StringComparison.Ordinal);
        Assert.Contains("Park Shin-hye (saat dewasa)", playedBy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_name_gets_an_ephemeral_did_you_mean_with_the_closest_names()
    {
        using var bot = new TestBot();
        var result = await bot.Run("/character name:ang");

        Assert.Equal(UserErrorKind.NotFound, result.Error!.Kind);
        Assert.Equal(MessageFlags.Ephemeral, result.Response.Data!.Flags);
        Assert.Contains("Did you mean **So Yang-ho**", result.Response.Data.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_nothing_resembles_points_to_the_cast_list()
    {
        using var bot = new TestBot();
        var result = await bot.Run("/character name:qqqqqqqq");

        Assert.Contains("/cast", result.Error!.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Name_autocomplete_suggests_the_character_for_an_alias_with_its_role()
    {
        using var bot = new TestBot();
        var result = await bot.Run("/character name:ye sung?");

        var best = result.Response.Data!.Choices![0];
        Assert.Equal("ye-seung", best.Value.GetString());
        Assert.Equal("Ye-seung (the daughter)", best.Name);
    }
}
