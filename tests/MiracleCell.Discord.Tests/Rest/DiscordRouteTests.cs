using MiracleCell.Discord.Models;
using MiracleCell.Discord.Rest;

namespace MiracleCell.Discord.Tests.Rest;

public sealed class DiscordRouteTests
{
    private const string Token = "tok.en-with/slash";

    public static TheoryData<string> TokenRoutes() =>
        [nameof(DiscordRoute.InteractionCallback), nameof(DiscordRoute.OriginalResponse),
            nameof(DiscordRoute.Followup)];

    private static DiscordRoute Build(string name) => name switch
    {
        nameof(DiscordRoute.InteractionCallback) => DiscordRoute.InteractionCallback(new Snowflake(1), Token),
        nameof(DiscordRoute.OriginalResponse) =>
            DiscordRoute.OriginalResponse(HttpMethod.Patch, new Snowflake(2), Token),
        _ => DiscordRoute.Followup(new Snowflake(2), Token),
    };

    [Theory]
    [MemberData(nameof(TokenRoutes))]
    public void Token_routes_log_a_template_without_the_token_and_escape_it_in_the_path(string name)
    {
        var route = Build(name);

        Assert.DoesNotContain(Token, route.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, route.Template, StringComparison.Ordinal);
        Assert.Contains("{interaction_token}", route.Template, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString(Token), route.Path, StringComparison.Ordinal);
        Assert.True(route.ExemptFromGlobalLimit);
        Assert.False(route.UsesBotToken);
    }

    [Fact]
    public void Buckets_are_scoped_by_the_major_resource_not_by_minor_ids()
    {
        var editOne = DiscordRoute.ChannelMessage(HttpMethod.Patch, new Snowflake(10), new Snowflake(1));
        var editTwo = DiscordRoute.ChannelMessage(HttpMethod.Patch, new Snowflake(10), new Snowflake(2));
        var otherChannel = DiscordRoute.ChannelMessage(HttpMethod.Patch, new Snowflake(11), new Snowflake(1));
        var delete = DiscordRoute.ChannelMessage(HttpMethod.Delete, new Snowflake(10), new Snowflake(1));

        Assert.Equal(editOne.RouteKey, editTwo.RouteKey);
        Assert.NotEqual(editOne.RouteKey, otherChannel.RouteKey);
        Assert.NotEqual(editOne.RouteKey, delete.RouteKey);
    }

    [Fact]
    public void Only_posts_are_never_repeated_after_an_unknown_outcome()
    {
        Assert.False(DiscordRoute.InteractionCallback(new Snowflake(1), Token).IsRepeatable);
        Assert.False(DiscordRoute.ChannelMessages(new Snowflake(1)).IsRepeatable);
        Assert.False(DiscordRoute.Followup(new Snowflake(1), Token).IsRepeatable);
        Assert.True(DiscordRoute.GlobalCommands(HttpMethod.Put, new Snowflake(1)).IsRepeatable);
        Assert.True(DiscordRoute.ChannelMessage(HttpMethod.Patch, new Snowflake(1), new Snowflake(2)).IsRepeatable);
        Assert.True(DiscordRoute.ChannelMessage(HttpMethod.Delete, new Snowflake(1), new Snowflake(2)).IsRepeatable);
        Assert.True(DiscordRoute.GatewayBot().IsRepeatable);
    }
}
