using MiracleCell.Discord.Tests.Fakes.Gateway;

namespace MiracleCell.Discord.Tests.Gateway;

public sealed class DiscordGatewayClientHeartbeatTests
{
    [Fact]
    public async Task The_first_heartbeat_waits_interval_times_jitter_and_carries_the_last_dispatch_sequence()
    {
        await using var harness = await GatewayClientHarness.CreateAsync();
        await harness.StartReadyAsync();
        await harness.Gateway.SendDispatchAsync("SOMETHING_ELSE", "{}");
        var last = await harness.Gateway.SendInteractionAsync(7);
        await harness.Sink.WaitForInteractionsAsync(1);

        harness.Time.Advance(harness.FirstHeartbeatDelay - TimeSpan.FromMilliseconds(1));
        Assert.DoesNotContain(harness.Gateway.Received, p => p.Op == 1);
        harness.Time.Advance(TimeSpan.FromMilliseconds(1));
        var heartbeat = await harness.Gateway.WaitForPayloadAsync(0, 1);

        Assert.Equal(3, last);
        Assert.Equal(last, heartbeat.Data.GetInt64());
    }

    [Fact]
    public async Task Heartbeats_repeat_every_interval_while_acknowledged()
    {
        await using var harness = await GatewayClientHarness.CreateAsync();
        await harness.StartReadyAsync();

        harness.Time.Advance(harness.FirstHeartbeatDelay);
        await harness.Gateway.WaitForPayloadAsync(0, 1);
        for (var beat = 2; beat <= 4; beat++)
        {
            // The ACK for the previous beat must be read before the clock moves, or the client rightly calls it a
            // zombie.
            await AckReadAsync(harness, beat - 1);
            harness.Time.Advance(harness.HeartbeatInterval);
            await harness.Gateway.WaitForPayloadsAsync(p => p.Op == 1, beat);
        }

        Assert.Single(harness.Gateway.Connections);
        Assert.Equal(4, harness.Gateway.Received.Count(p => p.Op == 1));
    }

    [Fact]
    public async Task A_heartbeat_request_from_the_gateway_is_answered_at_once()
    {
        await using var harness = await GatewayClientHarness.CreateAsync();
        await harness.StartReadyAsync();

        await harness.Gateway.SendOpAsync(1);
        var heartbeat = await harness.Gateway.WaitForPayloadAsync(0, 1);

        Assert.Equal(1, heartbeat.Data.GetInt64());
    }

    [Fact]
    public async Task After_the_session_is_invalidated_heartbeats_carry_null_until_the_new_READY()
    {
        await using var harness = await GatewayClientHarness.CreateAsync();
        await harness.StartReadyAsync();
        await harness.Gateway.SendInteractionAsync(1);
        await harness.Sink.WaitForInteractionsAsync(1);
        harness.Gateway.AnswerIdentify = false;

        harness.Gateway.InvalidateSession();
        await harness.Gateway.SendOpAsync(9, "false");
        await harness.Gateway.WaitForPayloadAsync(1, 2);
        await harness.Gateway.SendOpAsync(1);
        var heartbeat = await harness.Gateway.WaitForPayloadAsync(1, 1);

        Assert.Equal(System.Text.Json.JsonValueKind.Null, heartbeat.Data.ValueKind);
    }

    [Fact]
    public async Task A_missing_ACK_between_two_heartbeats_closes_with_4000_and_resumes()
    {
        await using var harness = await GatewayClientHarness.CreateAsync();
        await harness.StartReadyAsync();
        harness.Gateway.WithholdAcks = true;

        harness.Time.Advance(harness.FirstHeartbeatDelay);
        await harness.Gateway.WaitForPayloadAsync(0, 1);
        harness.Time.Advance(harness.HeartbeatInterval);

        var resume = await harness.Gateway.WaitForPayloadAsync(1, 6);
        var closeCode = await harness.Gateway.Connections[0].Ended.WaitAsync(FakeDiscordGateway.Patience);
        Assert.Equal(4000, closeCode);
        Assert.Equal("session-1", resume.Data.GetProperty("session_id").GetString());
        Assert.Single(harness.Gateway.ReceivedOn(0), p => p.Op == 1);
    }

    [Fact]
    public async Task ACK_tracking_starts_fresh_on_a_new_connection()
    {
        await using var harness = await GatewayClientHarness.CreateAsync();
        await harness.StartReadyAsync();
        harness.Gateway.WithholdAcks = true;
        harness.Time.Advance(harness.FirstHeartbeatDelay);
        await harness.Gateway.WaitForPayloadAsync(0, 1); // unacknowledged
        await harness.Gateway.SendOpAsync(7);
        await harness.Sink.WaitForDispatchAsync("RESUMED");
        harness.Gateway.WithholdAcks = false;

        harness.Time.Advance(harness.FirstHeartbeatDelay);
        await harness.Gateway.WaitForPayloadAsync(1, 1);
        await AckReadAsync(harness, 1);
        harness.Time.Advance(harness.HeartbeatInterval);
        await harness.Gateway.WaitForPayloadsAsync(p => p.ConnectionIndex == 1 && p.Op == 1, 2);

        Assert.Equal(2, harness.Gateway.Connections.Count);
        Assert.False(harness.Gateway.Connections[1].Ended.IsCompleted);
    }

    // The fake writes each ACK before the test sees the heartbeat; a dispatch sent after it and delivered by the
    // client proves the ACK was read.
    private static async Task AckReadAsync(GatewayClientHarness harness, int marker)
    {
        await harness.Gateway.SendDispatchAsync("TEST_MARKER", "{}");
        await harness.Sink.WaitForDispatchAsync("TEST_MARKER", marker);
    }
}
