using MiracleCell.EndToEnd.Tests.Infrastructure;

namespace MiracleCell.EndToEnd.Tests.Harness;

[Collection(DigitalTwinCollection.Name)]
public sealed class HarnessStartupTests(DigitalTwinFixture twin)
{
    [E2EFact]
    public void Harness_prints_loopback_urls_for_the_api_the_gateway_and_the_control_api()
    {
        var endpoints = twin.Endpoints;

        Assert.Equal("127.0.0.1", endpoints.Api.Host);
        Assert.Equal("/api/v10/", endpoints.Api.AbsolutePath);
        Assert.Equal("ws", endpoints.Gateway.Scheme);
        Assert.Equal("127.0.0.1", endpoints.Gateway.Host);
        Assert.Equal("127.0.0.1", endpoints.Control.Host);
        Assert.NotEqual(endpoints.Api.Port, endpoints.Control.Port);
    }

    [E2EFact]
    public async Task State_lists_the_seeded_guild_its_channel_and_the_two_seeded_people()
    {
        var state = await twin.Control.GetStateAsync();

        Assert.Equal(twin.Endpoints.GuildId, state.GuildId);
        Assert.Equal(twin.Endpoints.ApplicationId, state.ApplicationId);
        Assert.Contains(state.DefaultGuild.Channels, channel => channel.Name == "general");
        // Other tests of the shared harness add members (e.g. a third trivia player), so only the seed is pinned here.
        Assert.Single(state.People, user => user.Username == "alice");
        Assert.Single(state.People, user => user.Username == "bob");
    }

    [E2EFact]
    public async Task Gateway_bot_through_the_proxy_points_at_the_twin_gateway()
    {
        using var http = ProxyHttp.Create(twin.Endpoints);

        using var response = await http.GetAsync(new Uri("gateway/bot", UriKind.Relative));
        var body = await response.ReadJsonAsync();

        Assert.Equal(twin.Endpoints.Gateway, new Uri(body.GetProperty("url").GetString()!));
        Assert.Equal(1, body.GetProperty("shards").GetInt32());
        Assert.Empty(await twin.Control.GetViolationsAsync(since: response.HarnessRequestId() - 1));
    }

    [E2EFact]
    public async Task Applications_me_names_the_application_the_harness_reported()
    {
        using var http = ProxyHttp.Create(twin.Endpoints);

        using var response = await http.GetAsync(new Uri("applications/@me", UriKind.Relative));
        var body = await response.ReadJsonAsync();

        Assert.Equal(twin.Endpoints.ApplicationId, body.GetProperty("id").GetString());
    }

    [E2EFact]
    public async Task Guild_command_overwrite_registers_the_commands_without_violations()
    {
        using var http = ProxyHttp.Create(twin.Endpoints);
        var commands = new object[]
        {
            new { name = "e2e-ping", description = "Answers pong", type = 1 },
            new
            {
                name = "e2e-echo",
                description = "Repeats text",
                type = 1,
                default_member_permissions = "0",
                options = new[] { new { type = 3, name = "text", description = "What to repeat", required = true,
                    autocomplete = true } },
            },
        };

        using var response = await http.PutJsonAsync(
            $"applications/{twin.Endpoints.ApplicationId}/guilds/{twin.Endpoints.GuildId}/commands", commands);
        response.EnsureSuccessStatusCode();

        var registered = await twin.Control.WaitForCommandsAsync(2, twin.Endpoints.GuildId);
        Assert.Contains(registered, command => command.Name == "e2e-ping");
        Assert.Contains(registered, command => command.Name == "e2e-echo" && command.Options.GetArrayLength() == 1);
        Assert.Empty(await twin.Control.GetViolationsAsync(since: response.HarnessRequestId() - 1));
    }
}
