using MiracleCell.EndToEnd.Tests.Infrastructure;

namespace MiracleCell.EndToEnd.Tests.Harness;

[Collection(DigitalTwinCollection.Name)]
public sealed class RequestValidationTests(DigitalTwinFixture twin)
{
    private async Task<(long RequestId, IReadOnlyList<Violation> Violations)> PostMessageAsync(object body,
        bool asBot = true)
    {
        var channel = await twin.Control.CreateChannelAsync("validation");
        using var http = ProxyHttp.Create(twin.Endpoints, asBot);
        using var response = await http.PostJsonAsync($"channels/{channel.Id}/messages", body);
        var requestId = response.HarnessRequestId();
        var violations = await twin.Control.GetViolationsAsync(since: requestId - 1);
        return (requestId, violations.Where(violation => violation.RequestId == requestId).ToList());
    }

    [E2EFact]
    public async Task Message_content_of_2001_characters_is_recorded_as_a_body_violation()
    {
        var (requestId, violations) = await PostMessageAsync(new { content = new string('x', 2001) });

        var violation = Assert.Single(violations);
        Assert.Equal("body", violation.Kind);
        Assert.Equal("create_message", violation.OperationId);
        Assert.Equal("POST", violation.Method);
        Assert.EndsWith("/messages", violation.Path, StringComparison.Ordinal);
        Assert.Contains(violation.Errors, error => error.InstancePath == "/content" && error.Keyword == "maxLength");
        Assert.Equal(requestId, violation.RequestId);
    }

    [E2EFact]
    public async Task Embed_title_of_257_characters_is_recorded_as_a_body_violation()
    {
        var (_, violations) = await PostMessageAsync(new { embeds = new[] { new { title = new string('t', 257) } } });

        var violation = Assert.Single(violations);
        Assert.Contains(violation.Errors,
            error => error.InstancePath == "/embeds/0/title" && error.Keyword == "maxLength");
    }

    [E2EFact]
    public async Task Valid_message_with_embed_and_allowed_mentions_passes_and_reaches_the_channel()
    {
        var channel = await twin.Control.CreateChannelAsync("valid-message");
        using var http = ProxyHttp.Create(twin.Endpoints);
        var body = new
        {
            content = new string('x', 2000),
            embeds = new[] { new { title = new string('t', 256), description = "Yong-goo and Ye-sung",
                color = 0xE8B04B } },
            allowed_mentions = new { parse = Array.Empty<string>() },
        };

        using var response = await http.PostJsonAsync($"channels/{channel.Id}/messages", body);
        response.EnsureSuccessStatusCode();

        Assert.DoesNotContain(await twin.Control.GetViolationsAsync(since: response.HarnessRequestId() - 1),
            v => v.RequestId == response.HarnessRequestId());
        var message = Assert.Single(await twin.Control.GetMessagesAsync(channel.Id, minCount: 1));
        Assert.Equal(2000, message.Content.Length);
        Assert.True(message.Author.Bot);
        Assert.Contains("Yong-goo", message.VisibleText(), StringComparison.Ordinal);
        var recorded = Assert.Single(await twin.Control.GetRequestsAsync(since: response.HarnessRequestId() - 1),
            r => r.Id == response.HarnessRequestId());
        Assert.Equal("create_message", recorded.OperationId);
        Assert.Equal(200, recorded.Status);
        Assert.Equal(0, recorded.Body!.Value.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
    }

    [E2EFact]
    public async Task Request_without_bot_token_or_user_agent_is_recorded_for_both()
    {
        var (_, violations) = await PostMessageAsync(new { content = "hello" }, asBot: false);

        Assert.Equal(["authorization", "user-agent"], violations.Select(violation => violation.Kind).Order());
    }

    [E2EFact]
    public async Task Uppercase_command_name_breaks_the_documented_naming_rule()
    {
        using var http = ProxyHttp.Create(twin.Endpoints);
        var commands = new[] { new { name = "Film", description = "Overview", type = 1 } };

        using var response = await http.PutJsonAsync(
            $"applications/{twin.Endpoints.ApplicationId}/guilds/{twin.Endpoints.GuildId}/commands", commands);

        var violations = await twin.Control.GetViolationsAsync(since: response.HarnessRequestId() - 1);
        var violation = Assert.Single(violations, v => v.RequestId == response.HarnessRequestId());
        Assert.Contains(violation.Errors, error => error.InstancePath == "/0/name" && error.Keyword == "pattern");
    }

    [E2EFact]
    public async Task Path_that_is_not_a_discord_operation_is_recorded_as_unknown()
    {
        using var http = ProxyHttp.Create(twin.Endpoints);

        using var response = await http.GetAsync(new Uri("films/miracle-in-cell-no-7", UriKind.Relative));

        var violations = await twin.Control.GetViolationsAsync(since: response.HarnessRequestId() - 1);
        Assert.Equal("unknown-operation",
            Assert.Single(violations, v => v.RequestId == response.HarnessRequestId()).Kind);
    }

    [E2EFact]
    public async Task Operation_the_twin_does_not_implement_is_listed_as_a_twin_gap()
    {
        using var http = ProxyHttp.Create(twin.Endpoints);

        using var response = await http.GetAsync(
            new Uri($"applications/{twin.Endpoints.ApplicationId}/commands", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        var gap = Assert.Single(await twin.Control.GetTwinGapsAsync(since: response.HarnessRequestId() - 1));
        Assert.Equal("list_application_commands", gap.OperationId);
        Assert.DoesNotContain(await twin.Control.GetViolationsAsync(since: response.HarnessRequestId() - 1),
            v => v.RequestId == response.HarnessRequestId());
    }
}
