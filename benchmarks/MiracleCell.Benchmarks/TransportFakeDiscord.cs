using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using MiracleCell.Discord.Models;

namespace MiracleCell.Benchmarks;

/// <summary>
/// The smallest Discord a transport benchmark needs, on loopback: a gateway that says Hello, answers Identify with
/// READY, ACKs heartbeats and sends INTERACTION_CREATE on demand; and a REST side that timestamps each interaction
/// callback as it arrives and accepts command registration.
/// </summary>
internal sealed class TransportFakeDiscord : IAsyncDisposable
{
    public const string Token = "benchmark-token";
    public static readonly Snowflake ApplicationId = new(1_000_000_000_000_001);
    public static readonly Snowflake GuildId = new(1_000_000_000_000_002);

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<Snowflake, TaskCompletionSource<long>> _waiting = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource<long> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<long> _commandsRegistered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebSocket? _socket;
    private long _sequence = 1;
    private long _nextIncrement;
    private int _connections;

    private TransportFakeDiscord(WebApplication app) => _app = app;

    public Uri GatewayUrl { get; private set; } = null!;
    public Uri ApiUrl { get; private set; } = null!;
    public int Connections => _connections;

    /// <summary>Stopwatch timestamp at which READY was sent.</summary>
    public Task<long> Ready => _ready.Task;

    /// <summary>Stopwatch timestamp at which the first command registration arrived.</summary>
    public Task<long> CommandsRegistered => _commandsRegistered.Task;

    public static async Task<TransportFakeDiscord> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new TransportFakeDiscord(app);
        app.UseWebSockets();
        app.Map("/gateway", fake.GatewayAsync);
        app.MapPost("/api/v10/interactions/{id}/{token}/callback", (HttpContext context, string id) => fake.Callback(context, id));
        app.MapPut("/api/v10/applications/{app}/guilds/{guild}/commands", (Delegate)fake.RegisterAsync);
        app.MapPut("/api/v10/applications/{app}/commands", (Delegate)fake.RegisterAsync);
        await app.StartAsync();
        var address = new Uri(app.Urls.First());
        fake.GatewayUrl = new Uri($"ws://127.0.0.1:{address.Port}/gateway");
        fake.ApiUrl = new Uri($"http://127.0.0.1:{address.Port}/api/v10/");
        return fake;
    }

    /// <summary>A fresh interaction id, stamped with the current time so the bot does not drop it as stale.</summary>
    public Snowflake NextInteractionId() =>
        new(Snowflake.FromTime(DateTimeOffset.UtcNow).Value | ((ulong)Interlocked.Increment(ref _nextIncrement) & 0xFFF));

    /// <summary>Sends one <c>/film</c> INTERACTION_CREATE; returns the stopwatch time just before the frame was written and the callback's arrival time.</summary>
    public async Task<(long Sent, Task<long> CallbackArrived)> SendInteractionAsync(Snowflake id)
    {
        var arrived = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[id] = arrived;
        var sequence = Interlocked.Increment(ref _sequence);
        var frame = Encoding.UTF8.GetBytes(
            "{\"op\":0,\"t\":\"INTERACTION_CREATE\",\"s\":" + sequence + ",\"d\":{\"id\":\"" + id + "\",\"application_id\":\"" + ApplicationId + "\",\"type\":2,\"token\":\"tok-" + id + "\",\"version\":1,\"guild_id\":\"" + GuildId + "\",\"channel_id\":\"1000000000000003\",\"locale\":\"en-US\",\"app_permissions\":\"0\",\"member\":{\"permissions\":\"0\",\"user\":{\"id\":\"1000000000000004\",\"username\":\"alice\"}},\"data\":{\"id\":\"1000000000000005\",\"name\":\"film\",\"type\":1}}}");
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

    private IResult Callback(HttpContext context, string id)
    {
        var arrived = Stopwatch.GetTimestamp();
        if (Snowflake.TryParse(id, out var interaction) && _waiting.TryRemove(interaction, out var waiter)) waiter.TrySetResult(arrived);
        _ = context;
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
            do
            {
                received = await socket.ReceiveAsync(buffer.AsMemory(count), CancellationToken.None);
                count += received.Count;
            } while (!received.EndOfMessage && received.MessageType != WebSocketMessageType.Close);
            if (received.MessageType == WebSocketMessageType.Close) break;

            using var payload = JsonDocument.Parse(buffer.AsMemory(0, count));
            switch (payload.RootElement.GetProperty("op").GetInt32())
            {
                case 1:
                    await SendAsync(socket, """{"op":11}""");
                    break;
                case 2:
                    _socket = socket;
                    await SendAsync(socket, "{\"op\":0,\"t\":\"READY\",\"s\":1,\"d\":{\"v\":10,\"session_id\":\"bench-session\",\"resume_gateway_url\":\"" + GatewayUrl + "\",\"application\":{\"id\":\"" + ApplicationId + "\",\"flags\":0},\"user\":{\"id\":\"" + ApplicationId + "\",\"username\":\"MiracleCell\",\"bot\":true},\"guilds\":[]}}");
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
            await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
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
