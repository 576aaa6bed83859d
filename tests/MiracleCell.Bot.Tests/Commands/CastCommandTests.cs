using MiracleCell.Bot.Interactions;
using MiracleCell.Core.Text;

namespace MiracleCell.Bot.Tests.Commands;

public sealed class CastCommandTests
{
    [Fact]
    public async Task The_whole_cast_says_when_the_sources_give_no_role_instead_of_inventing_one()
    {
        using var bot = new TestBot();
        var reply = await bot.Reply("/cast");
        var lines = reply.Embeds![0].Fields![0].Value.Split('\n');

        Assert.Equal(5, lines.Length);
        Assert.StartsWith("• **Ryu Seung-ryong**: Lee Yong-gu", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("• **Jo Jae-yoon**: *role not given by the sources*", lines[4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_actor_shows_their_role_with_its_note()
    {
        using var bot = new TestBot();
        var reply = await bot.Reply("/cast actor:park shin hye", Locale.Indonesian);

        Assert.Equal("Park Shin-hye", reply.Embeds![0].Title);
        Assert.Contains("Ye-seung (saat dewasa)", reply.Embeds[0].Fields![0].Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_actor_without_a_role_is_shown_as_such()
    {
        using var bot = new TestBot();
        var reply = await bot.Reply("/cast actor:jo-jae-yoon");

        Assert.Contains("role not given by the sources", reply.Embeds![0].Fields![0].Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_actor_suggests_close_names()
    {
        using var bot = new TestBot();
        var result = await bot.Run("/cast actor:oh dalsu");

        Assert.Equal(InteractionOutcome.Replied, result.Outcome);
        var miss = await bot.Run("/cast actor:kang");
        Assert.Equal(UserErrorKind.NotFound, miss.Error!.Kind);
    }
}
