using System.Net;
using MiracleCell.Discord.Models;
using MiracleCell.Discord.Rest;
using MiracleCell.Discord.Tests.Fakes.Rest;

namespace MiracleCell.Discord.Tests.Rest;

/// <summary>Discord's refusals become typed, readable exceptions, and no token ever shows in an exception or a log
/// line.</summary>
public sealed class DiscordRestClientErrorTests
{
    private static readonly Snowflake AppId = Snowflake.Parse(FakeDiscordRestServer.ApplicationId);

    private const string InvalidFormBody = """
        {"code": 50035, "message": "Invalid Form Body", "errors": {"data": {"embeds": {"0": {"description": {
          "_errors": [{"code": "BASE_TYPE_MAX_LENGTH", "message": "Must be 4096 or fewer in length."}]}}},
          "content": {"_errors": [{"code": "BASE_TYPE_MAX_LENGTH", "message": "Must be 2000 or fewer in length."}]}}}}
        """;

    [Fact]
    public async Task Invalid_form_body_names_every_offending_field_by_its_json_path()
    {
        await using var host = await RestTestHost.StartAsync();
        host.Fake.Enqueue("POST", "/callback", FakeResponse.Json(400, InvalidFormBody));

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => host.Client.CreateInteractionResponseAsync(
            new Snowflake(1), RestTestHost.InteractionToken,
            new InteractionResponse { Type = InteractionCallbackType.ChannelMessageWithSource },
            CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Equal(50035, error.Code);
        Assert.Equal("Invalid Form Body", error.DiscordMessage);
        Assert.Equal("POST", error.Method);
        Assert.Equal("/interactions/{interaction_id}/{interaction_token}/callback", error.Route);
        Assert.Equal(
            [
                new DiscordFieldError("data.embeds.0.description", "BASE_TYPE_MAX_LENGTH",
                    "Must be 4096 or fewer in length."),
                new DiscordFieldError("data.content", "BASE_TYPE_MAX_LENGTH", "Must be 2000 or fewer in length."),
            ],
            error.FieldErrors);
        Assert.Contains("data.embeds.0.description: Must be 4096 or fewer in length. (BASE_TYPE_MAX_LENGTH)",
            error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_is_reported_as_the_answer_it_is_and_never_followed()
    {
        await using var host = await RestTestHost.StartAsync();
        host.Fake.Enqueue("POST", "/callback", new FakeResponse
        {
            Status = 302,
            Headers = new Dictionary<string, string> { ["Location"] = "/api/v10/channels/42/messages" },
        });

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => host.Client.CreateInteractionResponseAsync(
            new Snowflake(1), RestTestHost.InteractionToken,
            new InteractionResponse { Type = InteractionCallbackType.ChannelMessageWithSource },
            CancellationToken.None));

        Assert.Equal(HttpStatusCode.Found, error.Status);
        Assert.Single(host.Fake.Requests);
    }

    [Fact]
    public async Task Unknown_interaction_comes_back_with_discords_code()
    {
        await using var host = await RestTestHost.StartAsync();
        host.Fake.Enqueue("POST", "/callback",
            FakeResponse.Json(404, """{"message": "Unknown interaction", "code": 10062}"""));

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => host.Client.CreateInteractionResponseAsync(
            new Snowflake(1), RestTestHost.InteractionToken,
            new InteractionResponse { Type = InteractionCallbackType.DeferredChannelMessageWithSource },
            CancellationToken.None));

        Assert.Equal(10062, error.Code);
        Assert.Empty(error.FieldErrors);
    }

    [Theory]
    [InlineData(502, "<html><body><h1>502 Bad Gateway</h1>\n</body></html>", "502 Bad Gateway")]
    [InlineData(400, """{"message": "Invalid Form Bo""", "{\"message\": \"Invalid Form Bo")]
    [InlineData(500, "", "no body")]
    public async Task A_body_that_is_not_a_discord_error_still_gives_status_and_a_snippet(int status, string body,
        string expectedInMessage)
    {
        await using var host = await RestTestHost.StartAsync(rest => rest.MaxRetries = 0);
        host.Fake.Enqueue("GET", "/gateway/bot", FakeResponse.Json(status, body));

        var error = await Assert.ThrowsAsync<DiscordApiException>(() =>
            host.Client.GetGatewayBotAsync(CancellationToken.None));

        Assert.Equal((HttpStatusCode)status, error.Status);
        Assert.Contains($"Discord answered {status} to GET /gateway/bot", error.Message, StringComparison.Ordinal);
        Assert.Contains(expectedInMessage, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_success_with_malformed_json_is_reported_as_unreadable_not_as_a_null_result()
    {
        await using var host = await RestTestHost.StartAsync();
        host.Fake.Enqueue("POST", "/channels/4/messages", FakeResponse.Json(200, """{"id": "12", "channel_id": """));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() =>
            host.Client.CreateMessageAsync(new Snowflake(4), new MessagePayload { Content = "x" },
                CancellationToken.None));

        Assert.Contains("POST /channels/{channel_id}/messages", error.Message, StringComparison.Ordinal);
        Assert.Contains("Message", error.Message, StringComparison.Ordinal);
        Assert.Single(host.Fake.Requests);
    }

    [Fact]
    public async Task An_empty_bot_token_fails_with_instructions_before_sending()
    {
        await using var fake = await FakeDiscordRestServer.StartAsync();
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        services.AddDiscordRest(discord => discord.ApiBaseUrl = fake.ApiBaseUrl);
        await using var provider =
            Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(
            services);
        var client = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<IDiscordRestClient>(provider);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            client.GetCurrentApplicationAsync(CancellationToken.None));

        Assert.Contains("Discord:Token", error.Message, StringComparison.Ordinal);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task Tokens_never_appear_in_exceptions_or_logs_even_when_discord_echoes_them()
    {
        await using var host = await RestTestHost.StartAsync(rest =>
            rest.RequestTimeout = TimeSpan.FromMilliseconds(300));
        var echo = $$"""
            {"message": "Bad token {{RestTestHost.InteractionToken}} / {{RestTestHost.BotToken}}",
             "code": 50027}
            """;
        host.Fake.Enqueue("PATCH", "/messages/@original", FakeResponse.ServerError(500));
        host.Fake.Enqueue("PATCH", "/messages/@original", FakeResponse.Hanging());
        host.Fake.Enqueue("PATCH", "/messages/@original", FakeResponse.RateLimited(0.01, 0.01));
        host.Fake.Enqueue("PATCH", "/messages/@original", FakeResponse.Json(401, echo));
        for (var i = 0; i < 4; i++)
        {
            host.Fake.Enqueue("GET", "/gateway/bot", FakeResponse.Json(500, $"<html>{RestTestHost.BotToken}</html>"));
        }

        var editError = await Assert.ThrowsAsync<DiscordApiException>(() => host.Client.EditOriginalResponseAsync(
            AppId, RestTestHost.InteractionToken, new MessagePayload { Content = "x" }, CancellationToken.None));
        var gatewayError = await Assert.ThrowsAsync<DiscordApiException>(() =>
            host.Client.GetGatewayBotAsync(CancellationToken.None));

        Assert.Equal(50027, editError.Code);
        Assert.Contains("Bad token [redacted] / [redacted]", editError.Message, StringComparison.Ordinal);
        Assert.Contains("<html>[redacted]</html>", gatewayError.Message, StringComparison.Ordinal);
        Exception[] errors = [editError, gatewayError];
        Assert.NotEmpty(host.Logs.Logs);
        Assert.Contains(host.Logs.Logs,
            log =>
                log.Level == Microsoft.Extensions.Logging.LogLevel.Warning
                    && log.Message.Contains("rate-limited", StringComparison.Ordinal));
        Assert.Contains(host.Logs.Logs,
            log =>
                log.Level == Microsoft.Extensions.Logging.LogLevel.Debug
                    && log.Message.Contains("answered 500", StringComparison.Ordinal));
        foreach (var text in errors.Select(e => e.ToString()).Concat(host.Logs.Logs.Select(log => log.ToString())))
        {
            Assert.DoesNotContain(RestTestHost.InteractionToken, text, StringComparison.Ordinal);
            Assert.DoesNotContain(RestTestHost.BotToken, text, StringComparison.Ordinal);
        }
    }
}
