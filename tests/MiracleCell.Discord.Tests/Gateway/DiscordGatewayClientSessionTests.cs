using MiracleCell.Discord.Gateway;
using MiracleCell.Discord.Models;
using MiracleCell.Discord.Tests.Fakes.Gateway;
using Moq;

namespace MiracleCell.Discord.Tests.Gateway;

public sealed class DiscordGatewayClientSessionTests
{
    [Fact]
    public async Task Identify_carries_the_token_intents_properties_and_shard_and_READY_exposes_the_application_id()
    {
        await using var harness = await GatewayClientHarness.CreateAsync(o => { o.ShardId = 1; o.ShardCount = 3; });
        harness.Start();

        var identify = await harness.Gateway.WaitForPayloadAsync(0, 2);
        var ready = await harness.Client.WaitForReadyAsync(CancellationToken.None)
            .WaitAsync(FakeDiscordGateway.Patience);

        var d = identify.Data;
        Assert.Equal(GatewayClientHarness.Token, d.GetProperty("token").GetString());
        Assert.Equal(0, d.GetProperty("intents").GetInt32());
        Assert.Equal("MiracleCell", d.GetProperty("properties").GetProperty("browser").GetString());
        Assert.False(string.IsNullOrEmpty(d.GetProperty("properties").GetProperty("os").GetString()));
        Assert.Equal("MiracleCell", d.GetProperty("properties").GetProperty("device").GetString());
        Assert.Equal([1, 3], d.GetProperty("shard").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal("/gateway", harness.Gateway.Connections[0].Path);
        Assert.Equal("?v=10&encoding=json", harness.Gateway.Connections[0].Query);
        Assert.Equal(Snowflake.Parse(FakeDiscordGateway.ApplicationId), ready.ApplicationId);
        Assert.Equal(Snowflake.Parse(FakeDiscordGateway.ApplicationId), harness.Client.ApplicationId);
        Assert.Equal(harness.Gateway.ResumeUrl, ready.ResumeGatewayUrl);
        Assert.Equal("MiracleCell", ready.User?.Username);
        await harness.Sink.WaitForDispatchAsync("READY");
        Assert.Single(harness.Sink.Readies);
    }

    [Fact]
    public async Task Configured_intents_are_sent_in_Identify()
    {
        await using var harness = await GatewayClientHarness.CreateAsync(
            configureSettings: s => s.Intents = GatewayIntents.Guilds | GatewayIntents.GuildMessages);
        harness.Start();

        var identify = await harness.Gateway.WaitForPayloadAsync(0, 2);

        Assert.Equal(1 | (1 << 9), identify.Data.GetProperty("intents").GetInt32());
    }

    [Fact]
    public async Task Without_a_configured_gateway_url_the_client_connects_where_GET_gateway_bot_says()
    {
        await using var harness = await GatewayClientHarness.CreateAsync(o => o.GatewayUrl = null);
        harness.Rest.Setup(r => r.GetGatewayBotAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync(new MiracleCell.Discord.Rest.GatewayBotInfo
        {
            Url = new Uri(harness.Gateway.GatewayUrl.GetLeftPart(UriPartial.Authority) + "/gateway"),
            Shards = 1,
            SessionStartLimit = new MiracleCell.Discord.Rest.SessionStartLimit { Total = 1000, Remaining = 999,
                ResetAfter = 1000, MaxConcurrency = 1 },
        });

        await harness.StartReadyAsync();

        Assert.Equal("/gateway", harness.Gateway.Connections[0].Path);
        harness.Rest.Verify(r => r.GetGatewayBotAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_401_from_GET_gateway_bot_stops_with_a_token_error()
    {
        await using var harness = await GatewayClientHarness.CreateAsync(o => o.GatewayUrl = null);
        harness.Rest.Setup(r => r.GetGatewayBotAsync(It.IsAny<CancellationToken>()))
            .ThrowsAsync(
                new MiracleCell.Discord.Rest.DiscordApiException(System.Net.HttpStatusCode.Unauthorized, 0,
                    "401: Unauthorized", [], "GET", "/gateway/bot"));
        harness.Start();

        var error = await harness.WaitForExitAsync();

        var fatal = Assert.IsType<DiscordGatewayFatalException>(error);
        Assert.Contains("Discord:Token", fatal.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Gateway.Connections);
    }

    [Fact]
    public async Task Op_7_makes_the_client_close_with_a_resumable_code_and_resume_at_the_resume_url()
    {
        await using var harness = await GatewayClientHarness.CreateAsync();
        await harness.StartReadyAsync();
        var firstSession = harness.Client.Ready!.SessionId;

        await harness.Gateway.SendOpAsync(7);
        var resume = await harness.Gateway.WaitForPayloadAsync(1, 6);
        await harness.Sink.WaitForDispatchAsync("RESUMED");

        Assert.Equal(4000, await harness.Gateway.Connections[0].Ended.WaitAsync(FakeDiscordGateway.Patience));
        Assert.Equal("/resume", harness.Gateway.Connections[1].Path);
        Assert.Equal("?v=10&encoding=json", harness.Gateway.Connections[1].Query);
        Assert.Equal(firstSession, resume.Data.GetProperty("session_id").GetString());
        Assert.Equal(1, resume.Data.GetProperty("seq").GetInt64());
        Assert.DoesNotContain(harness.Gateway.ReceivedOn(1), p => p.Op == 2);
    }

    [Fact]
    public async Task Op_9_resumable_makes_the_client_resume()
    {
        await using var harness = await GatewayClientHarness.CreateAsync();
        await harness.StartReadyAsync();

        await harness.Gateway.SendOpAsync(9, "true");
        await harness.Gateway.WaitForPayloadAsync(1, 6);
        await harness.Sink.WaitForDispatchAsync("RESUMED");

        Assert.DoesNotContain(harness.Gateway.ReceivedOn(1), p => p.Op == 2);
    }

    [Fact]
    public async Task Op_9_not_resumable_makes_the_client_identify_afresh_at_the_gateway_url()
    {
        await using var harness = await GatewayClientHarness.CreateAsync();
        await harness.StartReadyAsync();

        harness.Gateway.InvalidateSession();
        await harness.Gateway.SendOpAsync(9, "false");
        await harness.Gateway.WaitForPayloadAsync(1, 2);
        await harness.Sink.WaitForDispatchAsync("READY", 2);

        Assert.DoesNotContain(harness.Gateway.ReceivedOn(1), p => p.Op == 6);
        Assert.Equal("/gateway", harness.Gateway.Connections[1].Path);
        Assert.Equal("session-2", harness.Client.Ready!.SessionId);
    }

    [Theory]
    [InlineData(4000)]
    [InlineData(4001)]
    [InlineData(4002)]
    [InlineData(4003)]
    [InlineData(4005)]
    [InlineData(4008)]
    public async Task A_resumable_close_code_makes_the_client_resume(int closeCode)
    {
        await using var harness = await GatewayClientHarness.CreateAsync();
        await harness.StartReadyAsync();

        await harness.Gateway.CloseLatestAsync(closeCode);
        var resume = await harness.Gateway.WaitForPayloadAsync(1, 6);

        Assert.Equal("session-1", resume.Data.GetProperty("session_id").GetString());
        Assert.DoesNotContain(harness.Gateway.ReceivedOn(1), p => p.Op == 2);
    }

    [Theory]
    [InlineData(4007)]
    [InlineData(4009)]
    public async Task A_close_code_that_ends_the_session_makes_the_client_identify(int closeCode)
    {
        await using var harness = await GatewayClientHarness.CreateAsync();
        await harness.StartReadyAsync();

        await harness.Gateway.CloseLatestAsync(closeCode);
        await harness.Gateway.WaitForPayloadAsync(1, 2);

        Assert.DoesNotContain(harness.Gateway.ReceivedOn(1), p => p.Op == 6);
        Assert.Equal("/gateway", harness.Gateway.Connections[1].Path);
    }

    [Fact]
    public async Task A_dropped_socket_makes_the_client_resume()
    {
        await using var harness = await GatewayClientHarness.CreateAsync();
        await harness.StartReadyAsync();

        harness.Gateway.DropLatest();
        var resume = await harness.Gateway.WaitForPayloadAsync(1, 6);

        Assert.Equal("session-1", resume.Data.GetProperty("session_id").GetString());
        Assert.Equal("/resume", harness.Gateway.Connections[1].Path);
    }

    [Fact]
    public async Task After_three_failed_resumes_in_a_row_the_client_identifies()
    {
        await using var harness = await GatewayClientHarness.CreateAsync();
        await harness.StartReadyAsync();
        harness.Gateway.CloseOnResumeWith = 4000;

        harness.Gateway.DropLatest();
        await harness.Gateway.WaitForPayloadAsync(4, 2);

        Assert.Equal([6, 6, 6],
            Enumerable.Range(1, 3).Select(i => harness.Gateway.ReceivedOn(i).Single(p => p.Op is 2 or 6).Op));
        Assert.Equal("/gateway", harness.Gateway.Connections[4].Path);
    }

    [Fact]
    public async Task No_interaction_is_lost_or_delivered_twice_across_a_resume_with_replay()
    {
        await using var harness = await GatewayClientHarness.CreateAsync();
        await harness.StartReadyAsync();
        harness.Gateway.ReplayOverlap = 2; // replays two events the client already processed

        await harness.Gateway.SendInteractionAsync(101);
        await harness.Gateway.SendInteractionAsync(102);
        await harness.Sink.WaitForInteractionsAsync(2);
        await harness.Gateway.SendInteractionAsync(103, deliver: false);
        await harness.Gateway.SendInteractionAsync(104, deliver: false);
        harness.Gateway.DropLatest();

        var resume = await harness.Gateway.WaitForPayloadAsync(1, 6);
        await harness.Sink.WaitForDispatchAsync("RESUMED");
        await harness.Gateway.SendInteractionAsync(105);
        await harness.Sink.WaitForInteractionsAsync(5);

        Assert.Equal(3, resume.Data.GetProperty("seq").GetInt64());
        Assert.Equal([101UL, 102UL, 103UL, 104UL, 105UL], harness.Sink.Interactions.Select(i => i.Id.Value).Order());
        Assert.Equal(harness.Sink.Dispatches.Count, harness.Sink.Dispatches.Select(d => d.Sequence).Distinct().Count());
    }

    [Fact]
    public async Task Shutdown_closes_with_1000_and_returns_without_error()
    {
        await using var harness = await GatewayClientHarness.CreateAsync();
        await harness.StartReadyAsync();

        await harness.StopAsync();

        Assert.Equal(1000, await harness.Gateway.Connections[0].Ended.WaitAsync(FakeDiscordGateway.Patience));
        Assert.Single(harness.Gateway.Connections);
        Assert.True(harness.Running.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Identify_and_resume_payloads_are_never_logged()
    {
        var logger = new CapturingLogger<DiscordGatewayClient>();
        await using var harness = await GatewayClientHarness.CreateAsync(logger: logger);
        await harness.StartReadyAsync();
        await harness.Gateway.SendOpAsync(7);
        await harness.Sink.WaitForDispatchAsync("RESUMED");

        Assert.NotEmpty(logger.Lines);
        Assert.DoesNotContain(logger.Lines,
            line => line.Contains(GatewayClientHarness.Token, StringComparison.Ordinal));
        Assert.DoesNotContain(logger.Lines, line => line.Contains("fake-token", StringComparison.Ordinal));
    }
}
