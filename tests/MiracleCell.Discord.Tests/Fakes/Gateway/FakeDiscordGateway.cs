using System.Buffers;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MiracleCell.Discord.Tests.Fakes.Gateway;

/// <summary>
/// A Discord gateway on loopback that speaks the real protocol — Hello, heartbeat ACKs, READY with a session id and
/// a resume_gateway_url pointing back here, Resume with replay of missed dispatches then RESUMED, sequence numbers —
/// and misbehaves on cue. It records every payload it receives and enforces Discord's send limits
/// (4096 bytes: close 4002; 120 per 60 s: close 4008), noting each violation.
/// </summary>
public sealed class FakeDiscordGateway : IAsyncDisposable
{
    public const string ApplicationId = "1014713820157284412";
    public const string BotUserId = "1014713820157284413";

    private readonly Lock _gate = new();
    private readonly WebApplication _app;
    private readonly TimeProvider _clock;
    private readonly List<ReceivedPayload> _received = [];
    private readonly List<FakeGatewayConnection> _connections = [];
    private readonly Dictionary<string, FakeSession> _sessions = [];
    private readonly List<(Func<IReadOnlyList<ReceivedPayload>, bool> Done,
        TaskCompletionSource Signal)> _payloadWaiters = [];
    private readonly List<(int Count, TaskCompletionSource Signal)> _connectionWaiters = [];
    private readonly List<string> _violations = [];
    private readonly Dictionary<int, FakeSession> _sessionByShard = [];
    private FakeSession? _currentSession;
    private int _sessionCounter;

    private FakeDiscordGateway(WebApplication app, TimeProvider clock)
    {
        _app = app;
        _clock = clock;
    }

    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public Uri GatewayUrl { get; private set; } = null!;
    public Uri ResumeUrl { get; private set; } = null!;

    /// <summary>heartbeat_interval sent in Hello, in milliseconds.</summary>
    public int HeartbeatIntervalMs { get; set; } = 41_250;
    /// <summary>Do not answer heartbeats (the client should declare the connection a zombie).</summary>
    public bool WithholdAcks { get; set; }
    /// <summary>Answer Identify with READY; when false, Identify goes unanswered.</summary>
    public bool AnswerIdentify { get; set; } = true;
    /// <summary>Answer Identify by closing with this code (e.g. 4004).</summary>
    public int? CloseOnIdentifyWith { get; set; }
    /// <summary>Answer Resume by closing with this code.</summary>
    public int? CloseOnResumeWith { get; set; }
    /// <summary>On Resume, also replay this many dispatches the client already acknowledged (it must drop
    /// them).</summary>
    public int ReplayOverlap { get; set; }

    public static async Task<FakeDiscordGateway> StartAsync(TimeProvider clock)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeDiscordGateway(app, clock);
        app.UseWebSockets();
        app.Run(fake.AcceptAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        fake.GatewayUrl = new Uri($"ws://127.0.0.1:{port}/gateway");
        fake.ResumeUrl = new Uri($"ws://127.0.0.1:{port}/resume");
        return fake;
    }

    public IReadOnlyList<ReceivedPayload> Received
    {
        get { lock (_gate) { return [.. _received]; } }
    }

    public IReadOnlyList<FakeGatewayConnection> Connections
    {
        get { lock (_gate) { return [.. _connections]; } }
    }

    /// <summary>Breaches of Discord's limits by the client (oversized payloads, rate limit); empty when it
    /// behaved.</summary>
    public IReadOnlyList<string> Violations
    {
        get { lock (_gate) { return [.. _violations]; } }
    }

    public IEnumerable<ReceivedPayload> ReceivedOn(int connectionIndex) =>
        Received.Where(p => p.ConnectionIndex == connectionIndex);

    /// <summary>Waits until at least <paramref name="count"/> received payloads match.</summary>
    public async Task<IReadOnlyList<ReceivedPayload>> WaitForPayloadsAsync(Func<ReceivedPayload, bool> match,
        int count = 1)
    {
        TaskCompletionSource signal = new(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            bool Done(IReadOnlyList<ReceivedPayload> all) => all.Count(match) >= count;
            if (Done(_received)) return [.. _received.Where(match)];
            _payloadWaiters.Add((Done, signal));
        }
        await Wait(signal.Task, $"{count} payload(s) matching the condition; received so "
            + $"far:\n{string.Join("\n", Received)}");
        return [.. Received.Where(match)];
    }

    public async Task<ReceivedPayload> WaitForPayloadAsync(int connectionIndex, int op) =>
        (await WaitForPayloadsAsync(p => p.ConnectionIndex == connectionIndex && p.Op == op))[0];

    public async Task<FakeGatewayConnection> WaitForConnectionAsync(int index)
    {
        TaskCompletionSource signal = new(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_connections.Count > index) return _connections[index];
            _connectionWaiters.Add((index + 1, signal));
        }
        await Wait(signal.Task, $"connection #{index}");
        return Connections[index];
    }

    /// <summary>Sends a dispatch on the current session. With <paramref name="deliver"/> false it is numbered and kept
    /// (as if lost on the wire), to be replayed on Resume.</summary>
    public Task<long> SendDispatchAsync(string eventName, string dataJson, bool deliver = true)
    {
        FakeSession session;
        lock (_gate)
            session = _currentSession
                ?? throw new InvalidOperationException("No session: the client has not identified.");
        return SendDispatchAsync(session, eventName, dataJson, deliver);
    }

    private async Task<long> SendDispatchAsync(FakeSession session, string eventName, string dataJson,
        bool deliver = true)
    {
        FakeGatewayConnection? target;
        string json;
        long sequence;
        lock (_gate)
        {
            sequence = session.LastSequence + 1;
            json = $"{{\"op\":0,\"s\":{sequence},\"t\":\"{eventName}\",\"d\":{dataJson}}}";
            session.Dispatches.Add((sequence, json));
            target = deliver ? _connections.LastOrDefault(c => c.Session == session && !c.Severed) : null;
        }
        if (target is not null) await target.SendTextAsync(json);
        return sequence;
    }

    public Task<long> SendInteractionAsync(ulong interactionId, string extraFields = "", bool deliver = true) =>
        SendDispatchAsync("INTERACTION_CREATE", InteractionJson(interactionId, extraFields), deliver);

    public static string InteractionJson(ulong interactionId, string extraFields = "") =>
        $"{{\"id\":\"{interactionId.ToString(CultureInfo.InvariantCulture)}\","
            + $"\"application_id\":\"{ApplicationId}\",\"type\":2," +
        $"\"token\":\"interaction-token-{interactionId.ToString(CultureInfo.InvariantCulture)}\",\"version\":1," +
        $"\"data\":{{\"id\":\"42\",\"name\":\"film\",\"type\":1}},\"channel_id\":\"7\","
            + $"\"guild_id\":\"8\"{extraFields}}}";

    /// <summary>Sends raw text on the newest connection, split over <paramref name="frames"/> WebSocket
    /// frames.</summary>
    public Task SendRawAsync(string text, int frames = 1) => Latest().SendTextAsync(text, frames);

    public Task SendOpAsync(int op, string dataJson = "null") => SendRawAsync($"{{\"op\":{op},\"d\":{dataJson}}}");

    public Task CloseLatestAsync(int code) => Latest().CloseAsync(code, "closed by the fake gateway");

    public void DropLatest() => Latest().Drop();

    private FakeGatewayConnection Latest()
    {
        lock (_gate) { return _connections[^1]; }
    }

    private async Task AcceptAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        FakeGatewayConnection connection;
        lock (_gate)
        {
            connection = new FakeGatewayConnection(_connections.Count, http.Request.Path.Value ?? "",
                http.Request.QueryString.Value ?? "", socket, http);
            _connections.Add(connection);
            Release(_connectionWaiters, w => _connections.Count >= w.Count, w => w.Signal);
        }
        await connection.SendTextAsync($"{{\"op\":10,\"d\":{{\"heartbeat_interval\":{HeartbeatIntervalMs}}},"
            + $"\"s\":null,\"t\":null}}");
        int? clientCloseCode = null;
        var buffer = new ArrayBufferWriter<byte>();
        try
        {
            while (true)
            {
                buffer.Clear();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.GetMemory(4096), CancellationToken.None);
                    buffer.Advance(result.Count);
                } while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    clientCloseCode = (int?)socket.CloseStatus;
                    await connection.CloseAsync((int)(socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure), "bye");
                    break;
                }
                await OnPayloadAsync(connection, buffer.WrittenMemory);
            }
        }
        catch (Exception)
        {
            // Dropped or aborted: Ended tells the test.
        }
        finally
        {
            connection.MarkEnded(clientCloseCode);
        }
    }

    private async Task OnPayloadAsync(FakeGatewayConnection connection, ReadOnlyMemory<byte> bytes)
    {
        using var document = JsonDocument.Parse(bytes);
        var root = document.RootElement;
        var op = root.GetProperty("op").GetInt32();
        var data = root.TryGetProperty("d", out var d) ? d.Clone() : default;
        var payload = new ReceivedPayload(connection.Index, op, data, bytes.Length, _clock.GetTimestamp());

        string? violation = null;
        lock (_gate)
        {
            _received.Add(payload);
            var windowStart = payload.ReceivedAt - (long)(60 * _clock.TimestampFrequency);
            var inWindow = _received.Count(p => p.ConnectionIndex == connection.Index && p.ReceivedAt > windowStart);
            if (bytes.Length > 4096) violation = $"payload of {bytes.Length} bytes (close 4002)";
            else if (inWindow > 120) violation = $"{inWindow} payloads within 60 s (close 4008)";
            if (violation is not null) _violations.Add(violation);
        }

        // Answer first, then let waiting tests see the payload: what a test sends next goes out after the answer.
        if (violation is not null)
        {
            await connection.CloseAsync(violation.Contains("4002", StringComparison.Ordinal) ? 4002 : 4008, violation);
        }
        else
        {
            switch (op)
            {
                case 1:
                    if (!WithholdAcks) await connection.SendTextAsync("{\"op\":11}");
                    break;
                case 2:
                    if (AnswerIdentify) await OnIdentifyAsync(connection, ShardOf(data));
                    break;
                case 6:
                    await OnResumeAsync(connection, data);
                    break;
            }
        }
        lock (_gate) { Release(_payloadWaiters, w => w.Done(_received), w => w.Signal); }
    }

    private static int ShardOf(JsonElement identify) =>
        identify.ValueKind == JsonValueKind.Object && identify.TryGetProperty("shard", out var shard)
            ? shard[0].GetInt32()
            : 0;

    private async Task OnIdentifyAsync(FakeGatewayConnection connection, int shardId)
    {
        if (CloseOnIdentifyWith is { } code)
        {
            await connection.CloseAsync(code, "identify refused");
            return;
        }
        FakeSession session;
        lock (_gate)
        {
            session = new FakeSession($"session-{++_sessionCounter}");
            _sessions[session.Id] = session;
            // A new session of a shard ends that shard's old one; other shards' sessions live on.
            if (_sessionByShard.TryGetValue(shardId, out var previous)) previous.Invalidated = true;
            _sessionByShard[shardId] = session;
            _currentSession = session;
            connection.Session = session;
        }
        var ready =
            $"{{\"v\":10,\"user\":{{\"id\":\"{BotUserId}\",\"username\":\"MiracleCell\",\"bot\":true}},\"guilds\":[]," +
            $"\"session_id\":\"{session.Id}\",\"resume_gateway_url\":\"{ResumeUrl}\",\"shard\":[0,1]," +
            $"\"application\":{{\"id\":\"{ApplicationId}\",\"flags\":0}},\"a_field_from_the_future\":{{\"x\":1}}}}";
        await SendDispatchAsync(session, "READY", ready);
    }

    private async Task OnResumeAsync(FakeGatewayConnection connection, JsonElement data)
    {
        if (CloseOnResumeWith is { } code)
        {
            await connection.CloseAsync(code, "resume refused");
            return;
        }
        var sessionId = data.GetProperty("session_id").GetString()!;
        var seq = data.GetProperty("seq").GetInt64();
        List<string> replay;
        lock (_gate)
        {
            if (!_sessions.TryGetValue(sessionId, out var session) || session.Invalidated || seq > session.LastSequence)
            {
                replay = [];
                connection.Session = null;
            }
            else
            {
                connection.Session = session;
                _currentSession = session;
                var from = Math.Max(0, seq - ReplayOverlap);
                replay = [.. session.Dispatches.Where(x => x.Sequence > from).Select(x => x.Json)];
            }
        }
        if (connection.Session is null)
        {
            await connection.SendTextAsync("{\"op\":9,\"d\":false}");
            return;
        }
        foreach (var json in replay) await connection.SendTextAsync(json);
        await SendDispatchAsync(connection.Session, "RESUMED", "{}");
    }

    /// <summary>Ends the current session, as Discord does after op 9 false.</summary>
    public void InvalidateSession()
    {
        lock (_gate)
        {
            if (_currentSession is not null) _currentSession.Invalidated = true;
        }
    }

    private static void Release<T>(List<T> waiters, Func<T, bool> done, Func<T, TaskCompletionSource> signalOf)
    {
        for (var i = waiters.Count - 1; i >= 0; i--)
        {
            if (!done(waiters[i])) continue;
            var signal = signalOf(waiters[i]);
            waiters.RemoveAt(i);
            signal.TrySetResult();
        }
    }

    private static async Task Wait(Task task, string what)
    {
        try
        {
            await task.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The fake gateway waited {Patience.TotalSeconds} s for {what}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in Connections) connection.Drop();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
