using System.Net;
using MiracleCell.Discord.Models;
using MiracleCell.Discord.Rest;
using MiracleCell.Discord.Tests.Fakes.Rest;

namespace MiracleCell.Discord.Tests.Rest;

/// <summary>
/// What is repeated and what is not: an interaction callback or a new message is sent once whatever happens,
/// except after a 429; reads, overwrites, edits and deletes are retried after 5xx, dropped connections and timeouts.
/// </summary>
public sealed class DiscordRestClientRetryTests
{
    private static readonly Snowflake AppId = Snowflake.Parse(FakeDiscordRestServer.ApplicationId);
    private static readonly InteractionResponse Deferred =
        new() { Type = InteractionCallbackType.DeferredChannelMessageWithSource };

    private static int CallbacksReceived(RestTestHost host) =>
        host.Fake.Requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/callback", StringComparison.Ordinal));

    [Fact]
    public async Task Callback_answered_500_is_sent_exactly_once_and_the_caller_gets_the_error()
    {
        await using var host = await RestTestHost.StartAsync();
        host.Fake.Enqueue("POST", "/callback", FakeResponse.ServerError(500));

        var error = await Assert.ThrowsAsync<DiscordApiException>(() =>
            host.Client.CreateInteractionResponseAsync(new Snowflake(1), RestTestHost.InteractionToken, Deferred,
                CancellationToken.None));

        Assert.Equal(HttpStatusCode.InternalServerError, error.Status);
        Assert.Equal(1, CallbacksReceived(host));
    }

    [Fact]
    public async Task Callback_that_times_out_is_sent_exactly_once_and_the_caller_gets_a_timeout()
    {
        await using var host = await RestTestHost.StartAsync(rest =>
            rest.RequestTimeout = TimeSpan.FromMilliseconds(300));
        host.Fake.Enqueue("POST", "/callback", FakeResponse.Hanging());

        var error = await Assert.ThrowsAsync<TimeoutException>(() =>
            host.Client.CreateInteractionResponseAsync(new Snowflake(1), RestTestHost.InteractionToken, Deferred,
                CancellationToken.None));

        Assert.Contains("/interactions/{interaction_id}/{interaction_token}/callback", error.Message,
            StringComparison.Ordinal);
        Assert.DoesNotContain(RestTestHost.InteractionToken, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, CallbacksReceived(host));
    }

    [Fact]
    public async Task Callback_whose_connection_drops_is_not_repeated()
    {
        await using var host = await RestTestHost.StartAsync();
        host.Fake.Enqueue("POST", "/callback", FakeResponse.DroppedConnection());

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            host.Client.CreateInteractionResponseAsync(new Snowflake(1), RestTestHost.InteractionToken, Deferred,
                CancellationToken.None));

        Assert.Equal(1, CallbacksReceived(host));
    }

    [Fact]
    public async Task Callback_is_sent_again_after_a_429_because_discord_did_not_process_it()
    {
        await using var host = await RestTestHost.StartAsync();
        host.Fake.Enqueue("POST", "/callback", FakeResponse.RateLimited(headerSeconds: 0.05, bodySeconds: 0.05));

        await host.Client.CreateInteractionResponseAsync(new Snowflake(1), RestTestHost.InteractionToken, Deferred,
            CancellationToken.None);

        Assert.Equal(2, CallbacksReceived(host));
        Assert.Equal(host.Fake.Requests[0].Body, host.Fake.Requests[1].Body);
    }

    [Fact]
    public async Task New_channel_message_answered_503_is_not_sent_twice()
    {
        await using var host = await RestTestHost.StartAsync();
        host.Fake.Enqueue("POST", "/channels/9/messages", FakeResponse.ServerError(503));

        var error = await Assert.ThrowsAsync<DiscordApiException>(() =>
            host.Client.CreateMessageAsync(new Snowflake(9), new MessagePayload { Content = "Question 1" },
                CancellationToken.None));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.Status);
        Assert.Single(host.Fake.Requests);
    }

    [Fact]
    public async Task Follow_up_answered_500_is_not_sent_twice()
    {
        await using var host = await RestTestHost.StartAsync();
        host.Fake.Enqueue("POST", "/webhooks/", FakeResponse.ServerError(500));

        await Assert.ThrowsAsync<DiscordApiException>(() =>
            host.Client.CreateFollowupMessageAsync(AppId, RestTestHost.InteractionToken,
                new MessagePayload { Content = "x" }, CancellationToken.None));

        Assert.Single(host.Fake.Requests);
    }

    [Fact]
    public async Task Get_is_retried_after_5xx_answers_until_it_succeeds()
    {
        await using var host = await RestTestHost.StartAsync();
        host.Fake.Enqueue("GET", "/commands", FakeResponse.ServerError(502));
        host.Fake.Enqueue("GET", "/commands", FakeResponse.ServerError(500));

        var commands = await host.Client.GetGlobalCommandsAsync(AppId, CancellationToken.None);

        Assert.Empty(commands);
        Assert.Equal(3, host.Fake.Requests.Count);
    }

    [Fact]
    public async Task Get_is_retried_after_a_dropped_connection_and_after_a_timeout()
    {
        await using var host = await RestTestHost.StartAsync(rest =>
            rest.RequestTimeout = TimeSpan.FromMilliseconds(300));
        host.Fake.Enqueue("GET", "/gateway/bot", FakeResponse.DroppedConnection());
        host.Fake.Enqueue("GET", "/gateway/bot", FakeResponse.Hanging());

        var gateway = await host.Client.GetGatewayBotAsync(CancellationToken.None);

        Assert.Equal(new Uri("wss://gateway.discord.gg"), gateway.Url);
        Assert.Equal(3, host.Fake.Requests.Count);
    }

    [Fact]
    public async Task Edit_of_the_original_response_is_retried_after_a_5xx()
    {
        await using var host = await RestTestHost.StartAsync();
        host.Fake.Enqueue("PATCH", "/messages/@original", FakeResponse.ServerError(500));

        var message = await host.Client.EditOriginalResponseAsync(AppId, RestTestHost.InteractionToken,
            new MessagePayload { Content = "done" }, CancellationToken.None);

        Assert.Equal("done", message.Content);
        Assert.Equal(2, host.Fake.Requests.Count);
    }

    [Fact]
    public async Task Retries_stop_after_the_configured_number_and_the_last_error_reaches_the_caller()
    {
        await using var host = await RestTestHost.StartAsync(rest => rest.MaxRetries = 2);
        for (var i = 0; i < 5; i++)
        {
            host.Fake.Enqueue("DELETE", "/channels/3/messages/4", FakeResponse.ServerError(500));
        }

        var error = await Assert.ThrowsAsync<DiscordApiException>(() =>
            host.Client.DeleteMessageAsync(new Snowflake(3), new Snowflake(4), CancellationToken.None));

        Assert.Equal(HttpStatusCode.InternalServerError, error.Status);
        Assert.Equal(3, host.Fake.Requests.Count);
    }

    [Fact]
    public async Task Client_errors_are_not_retried()
    {
        await using var host = await RestTestHost.StartAsync();
        host.Fake.Enqueue("GET", "/commands",
            FakeResponse.Json(403, """{"message": "Missing Access", "code": 50001}"""));

        var error = await Assert.ThrowsAsync<DiscordApiException>(() =>
            host.Client.GetGlobalCommandsAsync(AppId, CancellationToken.None));

        Assert.Equal(50001, error.Code);
        Assert.Single(host.Fake.Requests);
    }

    [Fact]
    public async Task A_429_that_keeps_coming_back_reaches_the_caller_after_the_configured_repeats()
    {
        await using var host = await RestTestHost.StartAsync(rest => rest.MaxRateLimitRetries = 1);
        host.Fake.Enqueue("POST", "/callback", FakeResponse.RateLimited(0.01, 0.01));
        host.Fake.Enqueue("POST", "/callback", FakeResponse.RateLimited(0.01, 0.01));

        var error = await Assert.ThrowsAsync<DiscordApiException>(() =>
            host.Client.CreateInteractionResponseAsync(new Snowflake(1), RestTestHost.InteractionToken, Deferred,
                CancellationToken.None));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.Status);
        Assert.Equal(2, CallbacksReceived(host));
    }

    [Fact]
    public async Task Caller_cancellation_stops_a_request_without_retrying_it()
    {
        await using var host = await RestTestHost.StartAsync();
        host.Fake.Enqueue("GET", "/gateway/bot", FakeResponse.Hanging());
        using var cancel = new CancellationTokenSource();

        var call = host.Client.GetGatewayBotAsync(cancel.Token);
        await host.Fake.WaitForRequestsAsync(1);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(host.Fake.Requests);
    }
}
