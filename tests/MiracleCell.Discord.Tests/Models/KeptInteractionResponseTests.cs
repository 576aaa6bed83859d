using System.Text.Json;
using MiracleCell.Discord.Models;
using MiracleCell.Discord.Rest;
using MiracleCell.Discord.Tests.Fakes.Rest;
using MiracleCell.Discord.Tests.Rest;

namespace MiracleCell.Discord.Tests.Models;

/// <summary>A kept callback is serialized once and sent as those bytes: they must be what a fresh serialization
/// gives, and a copy made from it must not carry them.</summary>
public sealed class KeptInteractionResponseTests
{
    private static readonly InteractionResponse FilmReply = new()
    {
        Type = InteractionCallbackType.ChannelMessageWithSource,
        Data = new InteractionCallbackData
        {
            Embeds =
            [
                new Embed
                {
                    Title = "Miracle in Cell No. 7 (2013) — \"7번방의 선물\"",
                    Description = "A father & his daughter <Ye-seung>",
                    Fields = [new EmbedField { Name = "Director", Value = "Lee Hwan-kyung", Inline = true }],
                },
            ],
            Components = [Component.ActionRow(Component.Button("Next ›", "page:film:miracle/-:1"))],
            AllowedMentions = AllowedMentions.None,
        },
    };

    [Fact]
    public void A_kept_response_holds_exactly_the_bytes_a_fresh_serialization_gives()
    {
        var kept = FilmReply.Kept();

        Assert.Equal(Fresh(FilmReply), kept.KeptBody);
        Assert.Equal(Fresh(kept), kept.KeptBody);
    }

    [Fact]
    public void A_kept_response_equals_the_response_it_was_made_from_and_a_copy_of_it_is_serialized_afresh()
    {
        var kept = FilmReply.Kept();
        var copy = kept with { Data = kept.Data! with { Flags = MessageFlags.Ephemeral } };

        Assert.Equal(FilmReply, kept);
        Assert.Equal(FilmReply.GetHashCode(), kept.GetHashCode());
        Assert.Null(FilmReply.KeptBody);
        Assert.Null(copy.KeptBody);
        Assert.NotEqual(kept, copy);
        Assert.Contains("\"flags\":64", System.Text.Encoding.UTF8.GetString(Fresh(copy)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_client_posts_a_kept_response_as_its_kept_bytes_each_time_it_is_sent()
    {
        await using var host = await RestTestHost.StartAsync();
        var kept = FilmReply.Kept();

        await host.Client.CreateInteractionResponseAsync(new Snowflake(77), RestTestHost.InteractionToken, kept,
            CancellationToken.None);
        await host.Client.CreateInteractionResponseAsync(new Snowflake(78), RestTestHost.InteractionToken, kept,
            CancellationToken.None);

        Assert.Equal(2, host.Fake.Requests.Count);
        Assert.All(host.Fake.Requests,
            request => Assert.Equal(System.Text.Encoding.UTF8.GetString(Fresh(FilmReply)), request.Body));
    }

    private static byte[] Fresh(InteractionResponse response) =>
        JsonSerializer.SerializeToUtf8Bytes(response, DiscordJsonContext.Default.InteractionResponse);
}
