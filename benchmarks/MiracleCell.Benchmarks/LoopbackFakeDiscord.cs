using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using MiracleCell.Discord.Models;

namespace MiracleCell.Benchmarks;

/// <summary>
/// The smallest Discord a benchmark needs, on loopback: a gateway that says Hello, answers Identify with READY, ACKs
/// heartbeats and sends INTERACTION_CREATE on demand; and a REST side that timestamps each interaction callback as it
/// arrives and accepts command registration. Benchmarks that need more of the API map their own routes on top.
/// </summary>
internal sealed class LoopbackFakeDiscord : IAsyncDisposable
{
    public const string Token = "benchmark-token";

    /// <summary>
    /// The bot's permissions in every channel (<c>app_permissions</c>): View Channel, Send Messages and Embed Links,
    /// what a trivia night needs; with none the bot rightly refuses to start one.
    /// </summary>
    public const string BotPermissions = "19456";
    public static readonly Snowflake ApplicationId = new(1_000_000_000_000_001);
    public static readonly Snowflake GuildId = new(1_000_000_000_000_002);

    private readonly WebApplication _app;
    private readonly byte[]? _callbackMarker;
    private readonly ConcurrentDictionary<Snowflake, TaskCompletionSource<CallbackArrival>> _waiting = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource<long> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<long> _commandsRegistered = new(
        TaskCreationOptions.RunContinuationsAsynchronously);
    private WebSocket? _socket;
    private long _sequence = 1;
    private long _nextIncrement;
    private int _connections;

    private LoopbackFakeDiscord(WebApplication app, byte[]? callbackMarker)
    {
        _app = app;
        _callbackMarker = callbackMarker;
    }

    public Uri GatewayUrl { get; private set; } = null!;
    public Uri ApiUrl { get; private set; } = null!;
    public int Connections => _connections;

    /// <summary>Stopwatch timestamp at which READY was sent.</summary>
    public Task<long> Ready => _ready.Task;

    /// <summary>Stopwatch timestamp at which the first command registration arrived.</summary>
    public Task<long> CommandsRegistered => _commandsRegistered.Task;

    /// <param name="mapRoutes">Further REST routes (under <c>/api/v10/</c>) a benchmark needs beyond callbacks and
    /// command registration.</param>
    /// <param name="callbackMarker">
    /// When given, each callback's body is read and <see cref="CallbackArrival.HasMarker"/> says whether it contains
    /// these bytes; when not, bodies are left unread so the fake costs as little as it can.
    /// </param>
    public static async Task<LoopbackFakeDiscord> StartAsync(Action<IEndpointRouteBuilder>? mapRoutes = null,
        byte[]? callbackMarker = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new LoopbackFakeDiscord(app, callbackMarker);
        app.UseWebSockets();
        app.Map("/gateway", fake.GatewayAsync);
        app.MapPost("/api/v10/interactions/{id}/{token}/callback", (Delegate)fake.CallbackAsync);
        app.MapPut("/api/v10/applications/{app}/guilds/{guild}/commands", (Delegate)fake.RegisterAsync);
        app.MapPut("/api/v10/applications/{app}/commands", (Delegate)fake.RegisterAsync);
        mapRoutes?.Invoke(app);
        await app.StartAsync();
        var address = new Uri(app.Urls.First());
        fake.GatewayUrl = new Uri($"ws://127.0.0.1:{address.Port}/gateway");
        fake.ApiUrl = new Uri($"http://127.0.0.1:{address.Port}/api/v10/");
        return fake;
    }

    /// <summary>A fresh interaction id, stamped with the current time so the bot does not drop it as stale.</summary>
    public Snowflake NextInteractionId() =>
        new(Snowflake.FromTime(DateTimeOffset.UtcNow).Value
            | ((ulong)Interlocked.Increment(ref _nextIncrement) & 0xFFF));

    /// <summary>
    /// Sends one INTERACTION_CREATE of <paramref name="type"/> whose <c>data</c> is the JSON <paramref name="data"/>;
    /// returns the stopwatch time just before the frame was written and the callback's arrival.
    /// </summary>
    public async Task<(long Sent, Task<CallbackArrival> Callback)> SendInteractionAsync(
        Snowflake id, int type, Snowflake channelId, Snowflake userId, string username, string data)
    {
        var arrived = new TaskCompletionSource<CallbackArrival>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[id] = arrived;
        var sequence = Interlocked.Increment(ref _sequence);
        var frame = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"{{\"op\":0,\"t\":\"INTERACTION_CREATE\",\"s\":{sequence},\"d\":{{\"id\":\"{id}\","
                + $"\"application_id\":\"{ApplicationId}\",\"type\":{type},\"token\":\"tok-{id}\",\"version\":1,"
                + $"\"guild_id\":\"{GuildId}\",\"channel_id\":\"{channelId}\",\"locale\":\"en-US\","
                + $"\"app_permissions\":\"{BotPermissions}\",\"member\":{{\"permissions\":\"0\","
                + $"\"user\":{{\"id\":\"{userId}\",\"username\":\"{username}\"}}}},\"data\":{data}}}}}"));
        await _sendLock.WaitAsync();
        try
        {
            var sent = Stopwatch.GetTimestamp();
            await _socket!.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            return (sent, arrived.Task);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task<IResult> CallbackAsync(HttpContext context, string id)
    {
        var arrived = Stopwatch.GetTimestamp();
        var hasMarker = false;
        if (_callbackMarker is not null)
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            hasMarker = body.GetBuffer().AsSpan(0, (int)body.Length).IndexOf(_callbackMarker) >= 0;
        }
        if (Snowflake.TryParse(id, out var interaction) && _waiting.TryRemove(interaction, out var waiter))
            waiter.TrySetResult(new CallbackArrival(arrived, hasMarker));
        return Results.NoContent();
    }

    private async Task<IResult> RegisterAsync(HttpContext context)
    {
        _commandsRegistered.TrySetResult(Stopwatch.GetTimestamp());
        using var body = new StreamReader(context.Request.Body);
        return Results.Content(await body.ReadToEndAsync(), "application/json");
    }

    private async Task GatewayAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }
        Interlocked.Increment(ref _connections);
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await SendAsync(socket, """{"op":10,"d":{"heartbeat_interval":45000}}""");
        var buffer = new byte[16 * 1024];
        while (socket.State == WebSocketState.Open)
        {
            var count = 0;
            ValueWebSocketReceiveResult received;
            try
            {
                do
                {
                    received = await socket.ReceiveAsync(buffer.AsMemory(count), CancellationToken.None);
                    count += received.Count;
                } while (!received.EndOfMessage && received.MessageType != WebSocketMessageType.Close);
            }
            catch (WebSocketException)
            {
                break;
            }
            if (received.MessageType == WebSocketMessageType.Close) break;

            using var payload = JsonDocument.Parse(buffer.AsMemory(0, count));
            switch (payload.RootElement.GetProperty("op").GetInt32())
            {
                case 1:
                    await SendAsync(socket, """{"op":11}""");
                    break;
                case 2:
                    _socket = socket;
                    await SendAsync(socket, "{\"op\":0,\"t\":\"READY\",\"s\":1,\"d\":{\"v\":10,"
                        + "\"session_id\":\"bench-session\",\"resume_gateway_url\":\"" + GatewayUrl
                            + "\",\"application\":{\"id\":\"" + ApplicationId + "\",\"flags\":0},\"user\":{\"id\":\""
                            + ApplicationId + "\",\"username\":\"MiracleCell\",\"bot\":true},\"guilds\":[]}}");
                    _ready.TrySetResult(Stopwatch.GetTimestamp());
                    break;
            }
        }
    }

    private async Task SendAsync(WebSocket socket, string json)
    {
        await _sendLock.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true,
                CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _sendLock.Dispose();
    }
}

/// <summary>When a callback arrived (stopwatch timestamp) and whether its body held the fake's callback
/// marker.</summary>
internal readonly record struct CallbackArrival(long At, bool HasMarker);
