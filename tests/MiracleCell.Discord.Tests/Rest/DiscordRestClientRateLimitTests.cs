using MiracleCell.Discord.Models;
using MiracleCell.Discord.Tests.Fakes.Rest;

namespace MiracleCell.Discord.Tests.Rest;

/// <summary>
/// Bucket and global limits, on a clock only the test moves: a request that must wait shows up as a timer due at the
/// wait Discord asked for, and reaches the fake only after the test advances the clock past it.
/// </summary>
public sealed class DiscordRestClientRateLimitTests
{
    private static readonly Snowflake AppId = Snowflake.Parse(FakeDiscordRestServer.ApplicationId);
    private static readonly InteractionResponse Deferred =
        new() { Type = InteractionCallbackType.DeferredChannelMessageWithSource };
    private static readonly MessagePayload Text = new() { Content = "x" };

    private static Task<RestTestHost> StartAsync(ObservableClock clock) => RestTestHost.StartAsync(time: clock);

    [Fact]
    public async Task Request_waits_for_the_reset_when_its_bucket_has_none_remaining_while_other_channels_go_ahead()
    {
        var clock = new ObservableClock();
        await using var host = await StartAsync(clock);
        host.Fake.Enqueue("POST", "/channels/10/messages",
            FakeResponse.WithBucket("messages", limit: 5, remaining: 0, resetAfterSeconds: 4));
        await host.Client.CreateMessageAsync(new Snowflake(10), Text, CancellationToken.None).Within();

        var held = host.Client.CreateMessageAsync(new Snowflake(10), Text, CancellationToken.None);
        await clock.WaitForTimersAsync(TimeSpan.FromSeconds(4));
        await host.Client.CreateMessageAsync(new Snowflake(11), Text, CancellationToken.None).Within();
        Assert.False(held.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(4));
        await held.Within();

        Assert.Equal(
            ["/api/v10/channels/10/messages", "/api/v10/channels/11/messages", "/api/v10/channels/10/messages"],
            host.Fake.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task Before_a_bucket_is_known_its_first_answer_is_awaited_before_the_next_request_goes()
    {
        var clock = new ObservableClock();
        await using var host = await StartAsync(clock);
        host.Fake.Enqueue("POST", "/channels/20/messages",
            FakeResponse.WithBucket("messages", limit: 1, remaining: 0, resetAfterSeconds: 4));

        var first = host.Client.CreateMessageAsync(new Snowflake(20), Text, CancellationToken.None);
        var second = host.Client.CreateMessageAsync(new Snowflake(20), Text, CancellationToken.None);
        var answered = await Task.WhenAny(first, second).Within();
        var parked = answered == first ? second : first;
        await clock.WaitForTimersAsync(TimeSpan.FromSeconds(4));
        Assert.Single(host.Fake.Requests);
        clock.Advance(TimeSpan.FromSeconds(4));
        await parked.Within();

        Assert.Equal(2, host.Fake.Requests.Count);
    }

    [Fact]
    public async Task Routes_discord_puts_in_one_bucket_share_its_limit_within_the_same_channel()
    {
        var clock = new ObservableClock();
        await using var host = await StartAsync(clock);
        host.Fake.Enqueue("DELETE", "/channels/10/messages/1",
            FakeResponse.WithBucket("shared", limit: 5, remaining: 3, resetAfterSeconds: 4));
        host.Fake.Enqueue("PATCH", "/channels/10/messages/2",
            FakeResponse.WithBucket("shared", limit: 5, remaining: 0, resetAfterSeconds: 4));
        await host.Client.DeleteMessageAsync(new Snowflake(10), new Snowflake(1), CancellationToken.None).Within();
        await host.Client.EditMessageAsync(new Snowflake(10), new Snowflake(2), Text, CancellationToken.None).Within();

        var held = host.Client.DeleteMessageAsync(new Snowflake(10), new Snowflake(3), CancellationToken.None);
        await clock.WaitForTimersAsync(TimeSpan.FromSeconds(4));
        Assert.Equal(2, host.Fake.Requests.Count);
        clock.Advance(TimeSpan.FromSeconds(4));
        await held.Within();

        Assert.Equal("/api/v10/channels/10/messages/3", host.Fake.Requests[^1].Path);
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(3, 1)]
    public async Task After_a_429_the_longer_of_header_and_body_wait_is_honoured(double headerSeconds,
        double bodySeconds)
    {
        var clock = new ObservableClock();
        await using var host = await StartAsync(clock);
        host.Fake.Enqueue("POST", "/callback", FakeResponse.RateLimited(headerSeconds, bodySeconds));

        var call = host.Client.CreateInteractionResponseAsync(new Snowflake(1), RestTestHost.InteractionToken, Deferred,
            CancellationToken.None);
        await clock.WaitForTimersAsync(TimeSpan.FromSeconds(3));
        Assert.Single(host.Fake.Requests);
        Assert.DoesNotContain(clock.CreatedTimers, due => due == TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromSeconds(3));
        await call.Within();

        Assert.Equal(2, host.Fake.Requests.Count);
    }

    [Fact]
    public async Task A_global_429_holds_requests_to_every_bucket_until_it_is_over()
    {
        var clock = new ObservableClock();
        await using var host = await StartAsync(clock);
        host.Fake.Enqueue("GET", "/guilds/1/commands",
            FakeResponse.RateLimited(headerSeconds: 3, bodySeconds: 3, global: true));

        var first = host.Client.GetGuildCommandsAsync(AppId, new Snowflake(1), CancellationToken.None);
        await clock.WaitForTimersAsync(TimeSpan.FromSeconds(3));
        var other = host.Client.GetGuildCommandsAsync(AppId, new Snowflake(2), CancellationToken.None);
        await clock.WaitForTimersAsync(TimeSpan.FromSeconds(3), count: 2);
        Assert.Single(host.Fake.Requests);
        clock.Advance(TimeSpan.FromSeconds(3));
        await Task.WhenAll(first, other).Within();

        Assert.Equal(3, host.Fake.Requests.Count);
        Assert.Contains(host.Fake.Requests.Skip(1),
            r => r.Path.EndsWith("/guilds/1/commands", StringComparison.Ordinal));
        Assert.Contains(host.Fake.Requests.Skip(1),
            r => r.Path.EndsWith("/guilds/2/commands", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_callback_that_gets_a_global_429_waits_before_its_retry_although_it_skips_the_global_gate()
    {
        var clock = new ObservableClock();
        await using var host = await StartAsync(clock);
        host.Fake.Enqueue("POST", "/callback",
            FakeResponse.RateLimited(headerSeconds: 2, bodySeconds: 2, global: true));

        var call = host.Client.CreateInteractionResponseAsync(new Snowflake(1), RestTestHost.InteractionToken, Deferred,
            CancellationToken.None);
        await clock.WaitForTimersAsync(TimeSpan.FromSeconds(2));
        Assert.Single(host.Fake.Requests);
        clock.Advance(TimeSpan.FromSeconds(2));
        await call.Within();

        Assert.Equal(2, host.Fake.Requests.Count);
    }

    [Fact]
    public async Task A_bucket_429_does_not_hold_other_buckets()
    {
        var clock = new ObservableClock();
        await using var host = await StartAsync(clock);
        host.Fake.Enqueue("GET", "/guilds/1/commands",
            FakeResponse.RateLimited(headerSeconds: 3, bodySeconds: 3, bucket: "commands"));

        var limited = host.Client.GetGuildCommandsAsync(AppId, new Snowflake(1), CancellationToken.None);
        await clock.WaitForTimersAsync(TimeSpan.FromSeconds(3));
        await host.Client.GetGuildCommandsAsync(AppId, new Snowflake(2), CancellationToken.None).Within();
        Assert.False(limited.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(3));
        await limited.Within();

        Assert.Equal(
            ["/guilds/1/commands", "/guilds/2/commands", "/guilds/1/commands"],
            host.Fake.Requests.Select(r => r.Path[r.Path.IndexOf("/guilds/", StringComparison.Ordinal)..]));
    }

    [Fact]
    public async Task The_global_gate_lets_50_requests_through_per_second_and_interaction_routes_pass_it()
    {
        var clock = new ObservableClock();
        await using var host = await StartAsync(clock);
        var burst = Enumerable.Range(1, 51)
            .Select(channel =>
                host.Client.CreateMessageAsync(new Snowflake((ulong)channel), Text, CancellationToken.None))
            .ToList();
        await host.Fake.WaitForRequestsAsync(50);
        await clock.WaitForTimersAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(50, host.Fake.Requests.Count);

        await host.Client.CreateInteractionResponseAsync(new Snowflake(1), RestTestHost.InteractionToken, Deferred,
            CancellationToken.None)
            .Within();
        await host.Client.CreateFollowupMessageAsync(AppId, RestTestHost.InteractionToken, Text, CancellationToken.None)
            .Within();
        // The 51st message is parked on the one-second timer, so only the exempt routes got past the full gate.
        Assert.Equal(52, host.Fake.Requests.Count);

        clock.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(burst).Within();
        Assert.Equal(53, host.Fake.Requests.Count);
        Assert.Contains("/channels/", host.Fake.Requests[^1].Path, StringComparison.Ordinal);
    }
}

internal static class BoundedWait
{
    /// <summary>Fails the test instead of hanging it when a request never completes.</summary>
    public static Task Within(this Task task) => task.WaitAsync(TimeSpan.FromSeconds(10));

    public static Task<T> Within<T>(this Task<T> task) => task.WaitAsync(TimeSpan.FromSeconds(10));
}
