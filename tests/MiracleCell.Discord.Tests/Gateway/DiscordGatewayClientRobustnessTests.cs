using System.Text;
using MiracleCell.Discord.Tests.Fakes.Gateway;

namespace MiracleCell.Discord.Tests.Gateway;

public sealed class DiscordGatewayClientRobustnessTests
{
    [Fact]
    public async Task A_message_split_over_many_frames_is_reassembled()
    {
        await using var harness = await GatewayClientHarness.CreateAsync();
        await harness.StartReadyAsync();
        var padding = new string('x', 100_000); // larger than the reader's first buffer

        await harness.Gateway.SendRawAsync(
            $"{{\"op\":0,\"s\":2,\"t\":\"INTERACTION_CREATE\","
                + $"\"d\":{FakeDiscordGateway.InteractionJson(77, $",\"padding\":\"{padding}\"")}}}",
            frames: 9);
        await harness.Sink.WaitForInteractionsAsync(1);

        Assert.Equal(77UL, harness.Sink.Interactions[0].Id.Value);
    }

    [Fact]
    public async Task Unknown_opcodes_events_and_fields_and_malformed_JSON_are_skipped_without_reconnecting()
    {
        await using var harness = await GatewayClientHarness.CreateAsync();
        await harness.StartReadyAsync();

        await harness.Gateway.SendOpAsync(42, "{\"mystery\":true}");
        await harness.Gateway.SendRawAsync("{\"op\":0,\"s\":");
        await harness.Gateway.SendRawAsync("[1,2,3]");
        await harness.Gateway.SendRawAsync("{\"no_op\":1}");
        await harness.Gateway.SendDispatchAsync("A_FUTURE_EVENT", "{\"anything\":[1,2]}");
        await harness.Gateway.SendInteractionAsync(5, ",\"a_future_field\":{\"nested\":1},\"another\":\"x\"");
        await harness.Gateway.SendInteractionAsync(6);
        await harness.Sink.WaitForInteractionsAsync(2);

        Assert.Equal([5UL, 6UL], harness.Sink.Interactions.Select(i => i.Id.Value).Order());
        Assert.Contains(harness.Sink.Dispatches, d => d.EventName == "A_FUTURE_EVENT");
        Assert.Single(harness.Gateway.Connections);
        Assert.False(harness.Gateway.Connections[0].Ended.IsCompleted);
    }

    [Fact]
    public async Task An_interaction_that_does_not_fit_the_model_is_skipped_and_the_next_one_delivered()
    {
        await using var harness = await GatewayClientHarness.CreateAsync();
        await harness.StartReadyAsync();

        await harness.Gateway.SendDispatchAsync("INTERACTION_CREATE", "{\"id\":\"not a number\",\"type\":2}");
        await harness.Gateway.SendInteractionAsync(9);
        await harness.Sink.WaitForInteractionsAsync(1);

        Assert.Equal(9UL, Assert.Single(harness.Sink.Interactions).Id.Value);
    }

    [Fact]
    public async Task A_burst_of_interactions_arrives_whole_while_a_slow_handler_blocks_neither_others_nor_heartbeats()
    {
        await using var harness = await GatewayClientHarness.CreateAsync();
        await harness.StartReadyAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Sink.HoldInteractionHandlersUntil = release.Task;

        for (ulong id = 1000; id < 1200; id++) await harness.Gateway.SendInteractionAsync(id);
        await harness.Sink.WaitForInteractionsAsync(200);
        await harness.Gateway.SendOpAsync(1);
        var heartbeat = await harness.Gateway.WaitForPayloadAsync(0, 1);
        release.SetResult();

        Assert.Equal(201, heartbeat.Data.GetInt64());
        Assert.Equal(200, harness.Sink.Interactions.Select(i => i.Id).Distinct().Count());
    }

    [Fact]
    public async Task A_handler_waiting_at_its_first_await_does_not_hold_up_an_interaction_that_arrives_after_it()
    {
        await using var harness = await GatewayClientHarness.CreateAsync();
        await harness.StartReadyAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Sink.HoldInteractionHandlersUntil = release.Task;

        // One at a time, so each finds the queue empty and its handler starts on the dispatch loop.
        await harness.Gateway.SendInteractionAsync(2000);
        await harness.Sink.WaitForInteractionsAsync(1);
        await harness.Gateway.SendInteractionAsync(2001);
        await harness.Sink.WaitForInteractionsAsync(2);
        await harness.Gateway.SendOpAsync(1);
        var heartbeat = await harness.Gateway.WaitForPayloadAsync(0, 1);
        release.SetResult();

        Assert.Equal([2000UL, 2001UL], harness.Sink.Interactions.Select(i => i.Id.Value));
        // READY and both interactions were read.
        Assert.Equal(3, heartbeat.Data.GetInt64());
    }

    [Fact]
    public async Task A_payload_over_4096_bytes_is_refused_and_never_sent()
    {
        await using var harness = await GatewayClientHarness.CreateAsync();
        await harness.StartReadyAsync();
        var large = Json($"{{\"since\":null,\"activities\":[{{\"name\":\"{new string('a', 4100)}\",\"type\":0}}],"
            + $"\"status\":\"online\",\"afk\":false}}");
        var small = Json("{\"since\":null,\"activities\":[],\"status\":\"online\",\"afk\":false}");

        var refused = await Assert.ThrowsAsync<MiracleCell.Discord.Gateway.GatewayPayloadTooLargeException>(
            () =>
                harness.Client.SendAsync(MiracleCell.Discord.Gateway.GatewayOpcode.PresenceUpdate, large,
                    CancellationToken.None));
        await harness.Client.SendAsync(MiracleCell.Discord.Gateway.GatewayOpcode.PresenceUpdate, small,
            CancellationToken.None);
        await harness.Gateway.WaitForPayloadAsync(0, 3);

        Assert.Contains("4096", refused.Message, StringComparison.Ordinal);
        Assert.Single(harness.Gateway.Received, p => p.Op == 3);
        Assert.All(harness.Gateway.Received, p => Assert.True(p.ByteCount <= 4096));
        Assert.Empty(harness.Gateway.Violations);
    }

    [Fact]
    public async Task Sends_beyond_the_window_wait_so_no_60_second_window_exceeds_120_and_heartbeats_still_go_out()
    {
        await using var harness = await GatewayClientHarness.CreateAsync();
        await harness.StartReadyAsync();
        var presence = Json("{\"since\":null,\"activities\":[],\"status\":\"online\",\"afk\":false}");

        var sends = Enumerable.Range(0, 130)
            .Select(_ =>
                harness.Client.SendAsync(MiracleCell.Discord.Gateway.GatewayOpcode.PresenceUpdate, presence,
                    CancellationToken.None))
            .ToList();
        // Identify plus 109 presence updates use the 110 non-heartbeat places; the rest wait for the window.
        await harness.Gateway.WaitForPayloadsAsync(p => p.Op != 1, 110);
        await harness.Gateway.SendOpAsync(1);
        await harness.Gateway.WaitForPayloadAsync(0, 1);
        var sentBeforeTheWindowMoved = harness.Gateway.Received.Count(p => p.Op == 3);
        harness.Time.Advance(TimeSpan.FromSeconds(60));
        await harness.Gateway.WaitForPayloadsAsync(p => p.Op == 3, 130);
        await Task.WhenAll(sends).WaitAsync(FakeDiscordGateway.Patience);

        Assert.Equal(109, sentBeforeTheWindowMoved);
        Assert.Empty(harness.Gateway.Violations);
        var times = harness.Gateway.Received.Select(p => p.ReceivedAt).Order().ToList();
        var window = (long)(60 * harness.Time.TimestampFrequency);
        Assert.All(times, start => Assert.True(times.Count(t => t >= start && t < start + window) <= 120));
    }

    [Fact]
    public async Task Sending_before_READY_is_refused_with_advice()
    {
        await using var harness = await GatewayClientHarness.CreateAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () =>
                harness.Client.SendAsync(MiracleCell.Discord.Gateway.GatewayOpcode.PresenceUpdate, Json("{}"),
                    CancellationToken.None));

        Assert.Contains("WaitForReadyAsync", error.Message, StringComparison.Ordinal);
    }

    private static System.Text.Json.JsonElement Json(string text) =>
        System.Text.Json.JsonDocument.Parse(Encoding.UTF8.GetBytes(text)).RootElement.Clone();
}
