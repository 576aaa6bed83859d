using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MiracleCell.Discord.Tests.Fakes.Rest;

/// <summary>
/// A Discord REST API v10 on loopback. It answers the routes the bot uses the way Discord does (status codes, bodies,
/// rate-limit headers, 401 without bot auth), records every request, and misbehaves on cue: each
/// <see cref="Enqueue"/>d answer is used once, by the first request that matches it.
/// </summary>
public sealed partial class FakeDiscordRestServer : IAsyncDisposable
{
    public const string ApplicationId = "900000000000000001";

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];
    private readonly List<(string Method, string PathPart, FakeResponse Response)> _cues = [];
    private readonly CancellationTokenSource _stopping = new();
    private long _nextId = 1_100_000_000_000_000_000;

    private FakeDiscordRestServer(WebApplication app) => _app = app;

    public Uri ApiBaseUrl { get; private set; } = null!;

    public static async Task<FakeDiscordRestServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeDiscordRestServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.ApiBaseUrl = new Uri($"{address}/api/v10/");
        return server;
    }

    /// <summary>Answers the next <paramref name="method"/> request whose path contains <paramref name="pathPart"/> with
    /// <paramref name="response"/>.</summary>
    public void Enqueue(string method, string pathPart, FakeResponse response)
    {
        lock (_gate) { _cues.Add((method, pathPart, response)); }
    }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (_gate) { return [.. _requests]; } }
    }

    /// <summary>Completes once <paramref name="count"/> requests have arrived; fails, listing what did arrive, after
    /// the timeout.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForRequestsAsync(int count, TimeSpan? timeout = null)
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            if (_requests.Count >= count) return [.. _requests];
            signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
        }

        try
        {
            await signal.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            var arrived = string.Join(", ", Requests.Select(r => $"{r.Method} {r.Path}"));
            throw new TimeoutException(
                $"Expected {count} requests at the fake Discord, got {Requests.Count}: {arrived}");
        }

        return Requests;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(),
            StringComparer.OrdinalIgnoreCase);
        var path = request.Path.Value ?? "";
        FakeResponse? cue;
        lock (_gate)
        {
            var recorded = new RecordedRequest(_requests.Count + 1, request.Method, path, headers, body);
            _requests.Add(recorded);
            cue = TakeCue(recorded);
            foreach (var waiter in _waiters.Where(w => w.Count <= _requests.Count).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Signal.TrySetResult();
            }
        }

        if (cue is { Abort: true })
        {
            context.Abort();
            return;
        }

        if (cue is { Hang: true })
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
            await Task.Delay(Timeout.Infinite, linked.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        var (status, defaultBody, routeBucket) = Answer(request.Method, path, body, headers);
        var answer = cue ?? new FakeResponse { Status = status, Body = defaultBody };
        // A cued plain success keeps the route's own success status (204 for callbacks and deletes).
        context.Response.StatusCode = cue is { Status: 200, Body: null } && status is >= 200 and < 300
            ? status
            : answer.Status;
        var responseHeaders = answer.Headers.Count > 0 || cue is not null
            ? answer.Headers
            : DefaultRateLimitHeaders(routeBucket);
        foreach (var (name, value) in responseHeaders)
        {
            context.Response.Headers[name] = value;
        }

        var responseBody = answer.Body
            ?? (context.Response.StatusCode is >= 200 and < 300 and not 204 ? defaultBody : null);
        if (responseBody is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(responseBody, context.RequestAborted);
        }
    }

    private FakeResponse? TakeCue(RecordedRequest request)
    {
        var index = _cues.FindIndex(c =>
            string.Equals(c.Method, request.Method, StringComparison.OrdinalIgnoreCase)
            && request.Path.Contains(c.PathPart, StringComparison.Ordinal));
        if (index < 0) return null;
        var cue = _cues[index].Response;
        _cues.RemoveAt(index);
        return cue;
    }

    private static Dictionary<string, string> DefaultRateLimitHeaders(string? bucket) => bucket is null
        ? []
        : new Dictionary<string, string>
        {
            ["X-RateLimit-Bucket"] = bucket,
            ["X-RateLimit-Limit"] = "5",
            ["X-RateLimit-Remaining"] = "4",
            ["X-RateLimit-Reset-After"] = "5",
        };

    /// <summary>Discord's usual answer: status, body and the bucket the route belongs to.</summary>
    private (int Status, string? Body, string? Bucket) Answer(string method, string path, string body,
        Dictionary<string, string> headers)
    {
        var route = path.StartsWith("/api/v10/", StringComparison.Ordinal) ? path["/api/v10".Length..] : null;
        if (route is null)
        {
            return (404, """{"message": "404: Not Found", "code": 0}""", null);
        }

        var tokenRoute = route.StartsWith("/interactions/", StringComparison.Ordinal)
            || route.StartsWith("/webhooks/", StringComparison.Ordinal);
        if (!tokenRoute
            && !(headers.TryGetValue("Authorization", out var auth)
                && auth.StartsWith("Bot ", StringComparison.Ordinal)))
        {
            return (401, """{"message": "401: Unauthorized", "code": 0}""", null);
        }

        switch (method)
        {
            case "POST" when CallbackRoute().IsMatch(route):
                return (204, null, "callback");
            case "PATCH" when OriginalRoute().Match(route) is { Success: true }:
                return (200, MessageJson(NextId(), "700000000000000001", body), "webhook-message");
            case "DELETE" when OriginalRoute().IsMatch(route):
                return (204, null, "webhook-message");
            case "POST" when FollowupRoute().IsMatch(route):
                return (200, MessageJson(NextId(), "700000000000000001", body), "webhook");
            case "POST" when ChannelMessagesRoute().Match(route) is { Success: true } created:
                return (200, MessageJson(NextId(), created.Groups["channel"].Value, body), "channel-messages");
            case "PATCH" when ChannelMessageRoute().Match(route) is { Success: true } edited:
                return (200, MessageJson(edited.Groups["message"].Value, edited.Groups["channel"].Value, body),
                    "channel-message-edit");
            case "DELETE" when ChannelMessageRoute().IsMatch(route):
                return (204, null, "channel-message-delete");
            case "GET" when CommandsRoute().IsMatch(route):
                return (200, "[]", "commands");
            case "PUT" when CommandsRoute().IsMatch(route):
                return (200, CommandsWithIds(body), "commands");
            case "GET" when route == "/gateway/bot":
                return (200,
                    """
                    {"url": "wss://gateway.discord.gg", "shards": 2,
                     "session_start_limit": {"total": 1000, "remaining": 998, "reset_after": 14400000,
                       "max_concurrency": 1}}
                    """,
                    null);
            case "GET" when route == "/applications/@me":
                return (200,
                    $$"""{"id": "{{ApplicationId}}", "name": "MiracleCell", "description": "", "bot_public": false}""",
                    null);
            default:
                return (404, """{"message": "404: Not Found", "code": 0}""", null);
        }
    }

    private string NextId() =>
        Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string MessageJson(string id, string channelId, string requestBody)
    {
        var message = new JsonObject { ["id"] = id, ["channel_id"] = channelId, ["type"] = 0, ["tts"] = false };
        if (JsonNode.Parse(requestBody.Length == 0 ? "{}" : requestBody) is JsonObject sent
            && sent["content"] is { } content)
        {
            message["content"] = content.DeepClone();
        }

        return message.ToJsonString();
    }

    private string CommandsWithIds(string requestBody)
    {
        var commands = JsonNode.Parse(requestBody)!.AsArray();
        foreach (var command in commands.OfType<JsonObject>())
        {
            command["id"] = NextId();
            command["application_id"] = ApplicationId;
            command["version"] = NextId();
        }

        return commands.ToJsonString();
    }

    [GeneratedRegex(@"^/interactions/\d+/[^/]+/callback$")]
    private static partial Regex CallbackRoute();

    [GeneratedRegex(@"^/webhooks/\d+/[^/]+/messages/@original$")]
    private static partial Regex OriginalRoute();

    [GeneratedRegex(@"^/webhooks/\d+/[^/]+$")]
    private static partial Regex FollowupRoute();

    [GeneratedRegex(@"^/channels/(?<channel>\d+)/messages$")]
    private static partial Regex ChannelMessagesRoute();

    [GeneratedRegex(@"^/channels/(?<channel>\d+)/messages/(?<message>\d+)$")]
    private static partial Regex ChannelMessageRoute();

    [GeneratedRegex(@"^/applications/\d+(/guilds/\d+)?/commands$")]
    private static partial Regex CommandsRoute();

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
