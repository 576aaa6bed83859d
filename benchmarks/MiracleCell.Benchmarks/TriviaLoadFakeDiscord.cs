using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using MiracleCell.Discord.Models;

namespace MiracleCell.Benchmarks;

/// <summary>
/// A loopback Discord for trivia load: a gateway that sends any INTERACTION_CREATE on demand (slash commands to start
/// games, button clicks to answer), and a REST side that accepts channel messages and edits (learning each channel's
/// game from its question's buttons) and timestamps every interaction callback as it arrives.
/// </summary>
internal sealed partial class TriviaLoadFakeDiscord : IAsyncDisposable
{
    public const string Token = "benchmark-token";
    public static readonly Snowflake ApplicationId = new(1_000_000_000_000_001);
    public static readonly Snowflake GuildId = new(1_000_000_000_000_002);
    public const ulong FirstChannelId = 2_000_000_000_000_000;

    private static readonly byte[] LockedInMarker = Encoding.UTF8.GetBytes("Locked in");

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<ulong, TaskCompletionSource<CallbackArrival>> _waiting = new();
    private readonly ConcurrentDictionary<ulong, OpenQuestion> _questions = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource<long> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<long> _commandsRegistered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _questionsPosted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _questionsExpected = int.MaxValue;
    private WebSocket? _socket;
    private long _sequence = 1;
    private long _nextIncrement;
    private long _nextMessageId = 3_000_000_000_000_000;
    private long _messagesPosted;
    private long _messagesEdited;

    private TriviaLoadFakeDiscord(WebApplication app) => _app = app;

    public Uri GatewayUrl { get; private set; } = null!;
    public Uri ApiUrl { get; private set; } = null!;
    public Task<long> Ready => _ready.Task;
    public Task<long> CommandsRegistered => _commandsRegistered.Task;
    public long MessagesPosted => Interlocked.Read(ref _messagesPosted);
    public long MessagesEdited => Interlocked.Read(ref _messagesEdited);

    /// <summary>The open first question of each channel's game, as learnt from the message the bot posted.</summary>
    public IReadOnlyDictionary<ulong, OpenQuestion> Questions => _questions;

    public static async Task<TriviaLoadFakeDiscord> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new TriviaLoadFakeDiscord(app);
        app.UseWebSockets();
        app.Map("/gateway", fake.GatewayAsync);
        app.MapPost("/api/v10/interactions/{id}/{token}/callback", (Delegate)fake.CallbackAsync);
        app.MapPut("/api/v10/applications/{app}/guilds/{guild}/commands", (Delegate)fake.RegisterAsync);
        app.MapPut("/api/v10/applications/{app}/commands", (Delegate)fake.RegisterAsync);
        app.MapPost("/api/v10/channels/{channel}/messages", (Delegate)fake.PostMessageAsync);
        app.MapPatch("/api/v10/channels/{channel}/messages/{message}", (HttpContext _, string channel, string message) => fake.Edited(channel, message));
        app.MapPatch("/api/v10/webhooks/{app}/{token}/messages/{message}", (HttpContext _) => fake.Edited(FirstChannelId.ToString(CultureInfo.InvariantCulture), "1"));
        app.MapPost("/api/v10/webhooks/{app}/{token}", (HttpContext _) => fake.Edited(FirstChannelId.ToString(CultureInfo.InvariantCulture), "1"));
        await app.StartAsync();
        var address = new Uri(app.Urls.First());
        fake.GatewayUrl = new Uri($"ws://127.0.0.1:{address.Port}/gateway");
        fake.ApiUrl = new Uri($"http://127.0.0.1:{address.Port}/api/v10/");
        return fake;
    }

    /// <summary>Completes when <paramref name="count"/> channels have an open first question.</summary>
    public Task WhenQuestionsPostedAsync(int count)
    {
        Volatile.Write(ref _questionsExpected, count);
        if (_questions.Count >= count) _questionsPosted.TrySetResult();
        return _questionsPosted.Task;
    }

    public static ulong ChannelOf(int game) => FirstChannelId + (ulong)game;

    /// <summary>A fresh interaction id stamped with the current time, so the bot does not drop it as stale.</summary>
    public Snowflake NextInteractionId() =>
        new(Snowflake.FromTime(DateTimeOffset.UtcNow).Value | ((ulong)Interlocked.Increment(ref _nextIncrement) & 0xFFF));

    /// <summary><c>/trivia start questions:5 seconds:60</c> in a channel, as <paramref name="userId"/>.</summary>
    public Task<(long Sent, Task<CallbackArrival> Callback)> SendTriviaStartAsync(ulong channelId, ulong userId)
    {
        const string data = "{\"id\":\"1000000000000005\",\"name\":\"trivia\",\"type\":1,\"options\":[{\"name\":\"start\",\"type\":1,\"options\":[{\"name\":\"questions\",\"type\":4,\"value\":5},{\"name\":\"seconds\",\"type\":4,\"value\":60}]}]}";
        return SendInteractionAsync(NextInteractionId(), 2, channelId, userId, data);
    }

    /// <summary>A click on an answer button; returns the time just before the frame was written and the callback's arrival.</summary>
    public Task<(long Sent, Task<CallbackArrival> Callback)> SendClickAsync(Snowflake id, ulong channelId, ulong userId, string customId) =>
        SendInteractionAsync(id, 3, channelId, userId, "{\"custom_id\":\"" + customId + "\",\"component_type\":2}");

    private async Task<(long Sent, Task<CallbackArrival> Callback)> SendInteractionAsync(Snowflake id, int type, ulong channelId, ulong userId, string data)
    {
        var arrived = new TaskCompletionSource<CallbackArrival>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[id.Value] = arrived;
        var sequence = Interlocked.Increment(ref _sequence);
        var frame = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"{{\"op\":0,\"t\":\"INTERACTION_CREATE\",\"s\":{sequence},\"d\":{{\"id\":\"{id}\",\"application_id\":\"{ApplicationId}\",\"type\":{type},\"token\":\"tok-{id}\",\"version\":1,\"guild_id\":\"{GuildId}\",\"channel_id\":\"{channelId}\",\"locale\":\"en-US\",\"app_permissions\":\"0\",\"member\":{{\"permissions\":\"0\",\"user\":{{\"id\":\"{userId}\",\"username\":\"player{userId}\"}}}},\"data\":{data}}}}}"));
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
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var lockedIn = body.GetBuffer().AsSpan(0, (int)body.Length).IndexOf(LockedInMarker) >= 0;
        if (Snowflake.TryParse(id, out var interaction) && _waiting.TryRemove(interaction.Value, out var waiter))
            waiter.TrySetResult(new CallbackArrival(arrived, lockedIn));
        return Results.NoContent();
    }

    private async Task<IResult> RegisterAsync(HttpContext context)
    {
        _commandsRegistered.TrySetResult(Stopwatch.GetTimestamp());
        using var body = new StreamReader(context.Request.Body);
        return Results.Content(await body.ReadToEndAsync(), "application/json");
    }

    private async Task<IResult> PostMessageAsync(HttpContext context, string channel)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var messageId = (ulong)Interlocked.Increment(ref _nextMessageId);
        Interlocked.Increment(ref _messagesPosted);
        var button = FirstQuestionButton().Match(body);
        if (button.Success && ulong.TryParse(channel, CultureInfo.InvariantCulture, out var channelId))
        {
            _questions[channelId] = new OpenQuestion(long.Parse(button.Groups[1].Value, CultureInfo.InvariantCulture), messageId);
            if (_questions.Count >= Volatile.Read(ref _questionsExpected)) _questionsPosted.TrySetResult();
        }
        return Message(channel, messageId.ToString(CultureInfo.InvariantCulture));
    }

    private IResult Edited(string channel, string message)
    {
        Interlocked.Increment(ref _messagesEdited);
        return Message(channel, message);
    }

    private static IResult Message(string channel, string message) =>
        Results.Content($"{{\"id\":\"{message}\",\"channel_id\":\"{channel}\",\"content\":\"\"}}", "application/json");

    [GeneratedRegex("\"custom_id\":\"trivia:(\\d+):0:A\"")]
    private static partial Regex FirstQuestionButton();

    private async Task GatewayAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }
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

/// <summary>A game's first question: the game id in its buttons and the message that carries them.</summary>
internal sealed record OpenQuestion(long GameId, ulong MessageId);

/// <summary>When a callback arrived (stopwatch timestamp) and whether it locked an answer in.</summary>
internal readonly record struct CallbackArrival(long At, bool LockedIn);
