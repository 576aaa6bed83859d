using MiracleCell.EndToEnd.Tests.Infrastructure;

namespace MiracleCell.EndToEnd.Tests.Harness;

[Collection(DigitalTwinCollection.Name)]
public sealed class GatewayTests(DigitalTwinFixture twin)
{
    private static CancellationTokenSource Deadline() => new(TimeSpan.FromSeconds(20));

    [E2EFact]
    public async Task Raw_client_receives_hello_with_a_heartbeat_interval()
    {
        using var deadline = Deadline();
        await using var gateway = await RawGatewayClient.ConnectAsync(twin.Endpoints.Gateway, deadline.Token);

        var hello = await gateway.ReceiveAsync(deadline.Token);

        Assert.NotNull(hello);
        Assert.Equal(RawGatewayClient.HelloOp, hello.Value.GetProperty("op").GetInt32());
        Assert.True(hello.Value.GetProperty("d").GetProperty("heartbeat_interval").GetInt32() > 0);
    }

    [E2EFact]
    public async Task Identify_with_the_bot_token_gets_ready_then_the_guild()
    {
        using var deadline = Deadline();
        await using var gateway = await RawGatewayClient.ConnectAsync(twin.Endpoints.Gateway, deadline.Token);

        var ready = await gateway.IdentifyAsync(twin.Endpoints.BotToken, deadline.Token);
        var guild = await gateway.WaitForDispatchAsync("GUILD_CREATE",
            d => d.GetProperty("id").GetString() == twin.Endpoints.GuildId, deadline.Token);

        Assert.Equal(twin.Endpoints.ApplicationId, ready.GetProperty("application").GetProperty("id").GetString());
        Assert.False(string.IsNullOrEmpty(ready.GetProperty("session_id").GetString()));
        Assert.Contains(guild.GetProperty("channels").EnumerateArray(),
            channel => channel.GetProperty("name").GetString() == "general");
    }

    [E2EFact]
    public async Task Heartbeat_is_acknowledged()
    {
        using var deadline = Deadline();
        await using var gateway = await RawGatewayClient.ConnectAsync(twin.Endpoints.Gateway, deadline.Token);
        await gateway.ReceiveAsync(deadline.Token);

        await gateway.SendAsync(new { op = RawGatewayClient.HeartbeatOp, d = (int?)null }, deadline.Token);
        var ack = await gateway.ReceiveAsync(deadline.Token);

        Assert.Equal(RawGatewayClient.HeartbeatAckOp, ack!.Value.GetProperty("op").GetInt32());
    }

    [E2EFact]
    public async Task Slash_command_from_a_user_reaches_a_connected_client_as_interaction_create()
    {
        using var deadline = Deadline();
        var state = await twin.Control.GetStateAsync(deadline.Token);
        var alice = state.People.Single(user => user.Username == "alice");
        var channel = await twin.Control.CreateChannelAsync("slash", cancellationToken: deadline.Token);
        await using var gateway = await RawGatewayClient.ConnectAsync(twin.Endpoints.Gateway, deadline.Token);
        await gateway.IdentifyAsync(twin.Endpoints.BotToken, deadline.Token);

        var sent = await twin.Control.SendSlashCommandAsync(
            alice.Id,
            channel.Id,
            "recap",
            [CommandOptionInput.Text("part", "ending")],
            deadline.Token);
        var interaction = await gateway.WaitForDispatchAsync("INTERACTION_CREATE",
            d => d.GetProperty("id").GetString() == sent.Id, deadline.Token);

        Assert.Equal(2, interaction.GetProperty("type").GetInt32());
        Assert.Equal(sent.Token, interaction.GetProperty("token").GetString());
        Assert.Equal(channel.Id, interaction.GetProperty("channel_id").GetString());
        Assert.Equal(twin.Endpoints.GuildId, interaction.GetProperty("guild_id").GetString());
        Assert.Equal(alice.Id, interaction.GetProperty("member").GetProperty("user").GetProperty("id").GetString());
        var data = interaction.GetProperty("data");
        Assert.Equal("recap", data.GetProperty("name").GetString());
        var option = Assert.Single(data.GetProperty("options").EnumerateArray());
        Assert.Equal("part", option.GetProperty("name").GetString());
        Assert.Equal("ending", option.GetProperty("value").GetString());
    }

    [E2EFact]
    public async Task Autocomplete_arrives_as_type_4_with_the_focused_option()
    {
        using var deadline = Deadline();
        var state = await twin.Control.GetStateAsync(deadline.Token);
        var bob = state.People.Single(user => user.Username == "bob");
        var channel = state.DefaultGuild.Channels[0];
        await using var gateway = await RawGatewayClient.ConnectAsync(twin.Endpoints.Gateway, deadline.Token);
        await gateway.IdentifyAsync(twin.Endpoints.BotToken, deadline.Token);

        var sent = await twin.Control.SendAutocompleteAsync(bob.Id, channel.Id, "character",
            [CommandOptionInput.Text("name", "yong", focused: true)], deadline.Token);
        var interaction = await gateway.WaitForDispatchAsync("INTERACTION_CREATE",
            d => d.GetProperty("id").GetString() == sent.Id, deadline.Token);

        Assert.Equal(4, interaction.GetProperty("type").GetInt32());
        var option = Assert.Single(interaction.GetProperty("data").GetProperty("options").EnumerateArray());
        Assert.True(option.GetProperty("focused").GetBoolean());
        Assert.Equal("yong", option.GetProperty("value").GetString());
    }

    [E2EFact]
    public async Task Control_api_refuses_an_interaction_while_no_gateway_client_is_identified()
    {
        var state = await twin.Control.GetStateAsync();
        var alice = state.People.First();

        var refusal = await Assert.ThrowsAsync<TwinControlException>(
            () => twin.Control.SendSlashCommandAsync(alice.Id, state.DefaultGuild.Channels[0].Id, "film"));

        Assert.Equal(System.Net.HttpStatusCode.Conflict, refusal.Status);
        Assert.Contains("gateway", refusal.Message, StringComparison.Ordinal);
    }
}
