using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MiracleCell.Discord.Models;
using MiracleCell.Discord.Rest;
using MiracleCell.Discord.Tests.Fakes.Rest;

namespace MiracleCell.Discord.Tests.Rest;

/// <summary>What the client puts on the wire: paths, headers and JSON bodies, and how it reads Discord's
/// answers.</summary>
public sealed class DiscordRestClientRequestTests
{
    private static readonly Snowflake AppId = Snowflake.Parse(FakeDiscordRestServer.ApplicationId);

    [Fact]
    public async Task Channel_message_carries_bot_auth_user_agent_and_json_content_type()
    {
        await using var host = await RestTestHost.StartAsync();

        var message = await host.Client.CreateMessageAsync(new Snowflake(42),
            new MessagePayload { Content = "Yong-gu" }, CancellationToken.None);

        var request = Assert.Single(host.Fake.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/v10/channels/42/messages", request.Path);
        Assert.Equal($"Bot {RestTestHost.BotToken}", request.Header("Authorization"));
        Assert.Matches(@"^DiscordBot \(https://github\.com/miraclecell/miraclecell, \d+\.\d+\.\d+\)$",
            request.Header("User-Agent"));
        Assert.Equal("application/json", request.Header("Content-Type"));
        Assert.Equal(new Snowflake(42), message.ChannelId);
        Assert.Equal("Yong-gu", message.Content);
    }

    [Fact]
    public async Task Interaction_callback_is_posted_to_the_token_route_as_snake_case_json_without_nulls()
    {
        await using var host = await RestTestHost.StartAsync();
        var response = new InteractionResponse
        {
            Type = InteractionCallbackType.ChannelMessageWithSource,
            Data = new InteractionCallbackData
            {
                Content = "||Ye-seung||",
                AllowedMentions = AllowedMentions.None,
                Flags = MessageFlags.Ephemeral,
            },
        };

        await host.Client.CreateInteractionResponseAsync(new Snowflake(77), RestTestHost.InteractionToken, response,
            CancellationToken.None);

        var request = Assert.Single(host.Fake.Requests);
        Assert.Equal($"/api/v10/interactions/77/{RestTestHost.InteractionToken}/callback", request.Path);
        Assert.Null(request.Header("Authorization"));
        Assert.NotNull(request.Header("User-Agent"));
        Assert.Equal("application/json", request.Header("Content-Type"));
        var expected = JsonNode.Parse(
            """{"type": 4, "data": {"content": "||Ye-seung||", "allowed_mentions": {"parse": []}, "flags": 64}}""");
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(request.Body)), request.Body);
    }

    [Fact]
    public async Task Bulk_overwrite_sends_commands_in_discord_shape_and_reads_back_their_ids()
    {
        await using var host = await RestTestHost.StartAsync();
        var command = new ApplicationCommand
        {
            Name = "trivia",
            Description = "Trivia night",
            DefaultMemberPermissions = "32",
            Options =
            [
                new ApplicationCommandOption
                {
                    Type = ApplicationCommandOptionType.Integer, Name = "questions", Description = "How many",
                    MinValue = 1, MaxValue = 20,
                },
            ],
        };

        var saved = await host.Client.BulkOverwriteGuildCommandsAsync(AppId, new Snowflake(5), [command],
            CancellationToken.None);

        var request = Assert.Single(host.Fake.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal($"/api/v10/applications/{AppId}/guilds/5/commands", request.Path);
        var expected = JsonNode.Parse("""
            [{"type": 1, "name": "trivia", "description": "Trivia night", "default_member_permissions": "32",
              "options": [{"type": 4, "name": "questions", "description": "How many", "min_value": 1,
                "max_value": 20}]}]
            """);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(request.Body)), request.Body);
        Assert.NotNull(Assert.Single(saved).Id);
    }

    [Fact]
    public async Task Every_endpoint_reaches_its_discord_route()
    {
        await using var host = await RestTestHost.StartAsync();
        var client = host.Client;
        var token = RestTestHost.InteractionToken;
        var payload = new MessagePayload { Content = "x" };
        var none = CancellationToken.None;

        await client.EditOriginalResponseAsync(AppId, token, payload, none);
        await client.DeleteOriginalResponseAsync(AppId, token, none);
        await client.CreateFollowupMessageAsync(AppId, token, payload, none);
        await client.EditMessageAsync(new Snowflake(3), new Snowflake(4), payload, none);
        await client.DeleteMessageAsync(new Snowflake(3), new Snowflake(4), none);
        await client.GetGlobalCommandsAsync(AppId, none);
        await client.BulkOverwriteGlobalCommandsAsync(AppId, [], none);
        await client.GetGuildCommandsAsync(AppId, new Snowflake(5), none);
        await client.GetGatewayBotAsync(none);
        await client.GetCurrentApplicationAsync(none);

        string[] expected =
        [
            $"PATCH /api/v10/webhooks/{AppId}/{token}/messages/@original",
            $"DELETE /api/v10/webhooks/{AppId}/{token}/messages/@original",
            $"POST /api/v10/webhooks/{AppId}/{token}",
            "PATCH /api/v10/channels/3/messages/4",
            "DELETE /api/v10/channels/3/messages/4",
            $"GET /api/v10/applications/{AppId}/commands",
            $"PUT /api/v10/applications/{AppId}/commands",
            $"GET /api/v10/applications/{AppId}/guilds/5/commands",
            "GET /api/v10/gateway/bot",
            "GET /api/v10/applications/@me",
        ];
        Assert.Equal(expected, host.Fake.Requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.All(host.Fake.Requests.Where(r => r.Path.Contains(token, StringComparison.Ordinal)),
            r => Assert.Null(r.Header("Authorization")));
        Assert.All(host.Fake.Requests.Where(r => !r.Path.Contains(token, StringComparison.Ordinal)),
            r => Assert.Equal($"Bot {RestTestHost.BotToken}", r.Header("Authorization")));
        Assert.All(host.Fake.Requests.Where(r => r.Method is "GET" or "DELETE"), r => Assert.Equal("", r.Body));
    }

    [Fact]
    public async Task Gateway_bot_and_current_application_answers_are_read()
    {
        await using var host = await RestTestHost.StartAsync();

        var gateway = await host.Client.GetGatewayBotAsync(CancellationToken.None);
        var application = await host.Client.GetCurrentApplicationAsync(CancellationToken.None);

        Assert.Equal(new Uri("wss://gateway.discord.gg"), gateway.Url);
        Assert.Equal(2, gateway.Shards);
        Assert.Equal(998, gateway.SessionStartLimit.Remaining);
        Assert.Equal(14_400_000, gateway.SessionStartLimit.ResetAfter);
        Assert.Equal(AppId, application.Id);
        Assert.Equal("MiracleCell", application.Name);
    }

    [Fact]
    public async Task An_empty_interaction_token_is_refused_before_anything_is_sent()
    {
        await using var host = await RestTestHost.StartAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            host.Client.DeleteOriginalResponseAsync(AppId, " ", CancellationToken.None));

        Assert.Contains("interaction token", error.Message, StringComparison.Ordinal);
        Assert.Empty(host.Fake.Requests);
    }

    [Fact]
    public void User_agent_follows_discords_required_format()
    {
        Assert.Matches(new Regex(@"^DiscordBot \(https://[^,]+, [0-9.]+\)$"), DiscordRestClient.UserAgent);
    }
}
