using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace MiracleCell.Discord.Gateway;

/// <summary>Everything a connection needs from the client; one instance lives as long as the client.</summary>
internal sealed record GatewayConnectionContext(
    string Token,
    int ShardId,
    int ShardCount,
    GatewaySettings Settings,
    GatewaySessionState Session,
    GatewayEventDispatcher Dispatcher,
    Action<GatewayReady> OnReady,
    GatewayJitter Jitter,
    TimeProvider Time,
    ILogger Logger);

/// <summary>
/// One socket's life: Hello, heartbeats, Identify or Resume, dispatches, and how it ended. A new instance per
/// connection, so heartbeat-ACK tracking always starts fresh.
/// </summary>
internal sealed partial class GatewayConnection(GatewayConnectionContext context, Uri url,
    bool resume) : IAsyncDisposable
{
    private const int ShutdownCloseCode = 1000;
    // Any code but 1000/1001 keeps the session resumable.
    private const int ReconnectCloseCode = GatewayCloseCodes.UnknownError;

    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _receiveCancellation = new(Timeout.InfiniteTimeSpan, context.Time);
    private readonly ILogger _logger = context.Logger;
    private GatewaySender? _sender;
    private ITimer? _heartbeatTimer;
    private ConnectionOutcome? _requestedEnd;
    private int _awaitingAck;
    private bool _helloSeen;
    private volatile bool _reachedSession;

    /// <summary>True once READY or RESUMED arrived: the session accepts other payloads.</summary>
    public bool IsReady => _reachedSession && _requestedEnd is null;

    public async Task<ConnectionOutcome> RunAsync(CancellationToken shutdown)
    {
        try
        {
            await _socket.ConnectAsync(GatewayUri.ForConnection(url), shutdown);
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
            return new ConnectionOutcome(ConnectionEnd.Shutdown, "the application is stopping");
        }
        catch (Exception ex) when (ex is WebSocketException or HttpRequestException or IOException)
        {
            _logger.LogWarning("Could not connect to the Discord gateway at {Host}: {Error}", url.Authority,
                ex.Message);
            return new ConnectionOutcome(ConnectionEnd.Resume, "could not connect") { ConnectFailed = true };
        }

        var limiter = new GatewaySendRateLimiter(
            context.Time, GatewayLimits.MaxSendsPerWindow, context.Settings.NonHeartbeatSendLimit,
            GatewayLimits.SendWindow);
        _sender = new GatewaySender(_socket, limiter, _logger);
        using var onShutdown = shutdown.Register(() =>
            RequestEnd(new ConnectionOutcome(ConnectionEnd.Shutdown, "the application is stopping"),
                ShutdownCloseCode));
        using var reader = new GatewayMessageReader();
        try
        {
            while (true)
            {
                var message = await reader.ReceiveAsync(_socket, _receiveCancellation.Token);
                if (message is not { } bytes) return Finish(EndAfterServerClose());
                await HandleMessageAsync(bytes);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException)
        {
            if (_requestedEnd is { } requested) return Finish(requested);
            _logger.LogInformation("The Discord gateway connection dropped ({Error}); resuming", ex.Message);
            return Finish(new ConnectionOutcome(ConnectionEnd.Resume, "the connection dropped"));
        }
        finally
        {
            _heartbeatTimer?.Dispose();
        }
    }

    /// <summary>Sends a payload other than heartbeat, Identify or Resume on this connection.</summary>
    public Task SendAsync(GatewayOpcode opcode, byte[] payload, CancellationToken cancellationToken)
    {
        if (_sender is null || !IsReady)
            throw new InvalidOperationException("The gateway is not connected; wait for READY "
                + "(DiscordGatewayClient.WaitForReadyAsync) and try again.");
        return _sender.SendAsync(opcode, payload, cancellationToken);
    }

    private ConnectionOutcome Finish(ConnectionOutcome outcome) => outcome with { ReachedSession = _reachedSession };

    private ConnectionOutcome EndAfterServerClose()
    {
        if (_requestedEnd is { } requested) return requested;
        var code = (int?)_socket.CloseStatus;
        var description = _socket.CloseStatusDescription;
        switch (GatewayCloseCodes.ActionFor(code))
        {
            case GatewayCloseAction.Stop:
                return new ConnectionOutcome(ConnectionEnd.Fatal, $"close code {code}", code);
            case GatewayCloseAction.Identify:
                _logger.LogInformation("Discord ended the session (close code {CloseCode}: "
                    + "{Description}); identifying again", code, description);
                return new ConnectionOutcome(ConnectionEnd.Identify, $"close code {code}", code);
            default:
                _logger.LogInformation("Discord closed the gateway connection (close code {CloseCode}: "
                    + "{Description}); resuming", code, description);
                return new ConnectionOutcome(ConnectionEnd.Resume, $"close code {code}", code);
        }
    }

    private async Task HandleMessageAsync(ReadOnlyMemory<byte> bytes)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException ex)
        {
            // Never log the frame itself: dispatches carry interaction tokens.
            LogNotJson(_logger, bytes.Length, ex.Message);
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("op"u8, out var opElement)
                || opElement.ValueKind != JsonValueKind.Number
                || !opElement.TryGetInt32(out var op))
            {
                LogNoOpcode(_logger, bytes.Length);
                return;
            }
            var data = root.TryGetProperty("d"u8, out var d) ? d : default;

            switch ((GatewayOpcode)op)
            {
                case GatewayOpcode.Dispatch:
                    HandleDispatch(root, data);
                    break;
                case GatewayOpcode.Heartbeat:
                    await SendHeartbeatAsync();
                    break;
                case GatewayOpcode.HeartbeatAck:
                    Volatile.Write(ref _awaitingAck, 0);
                    break;
                case GatewayOpcode.Reconnect:
                    _logger.LogInformation("Discord asked the bot to reconnect (op 7); resuming");
                    RequestEnd(new ConnectionOutcome(ConnectionEnd.Resume, "op 7 reconnect"), ReconnectCloseCode);
                    break;
                case GatewayOpcode.InvalidSession:
                    var resumable = data.ValueKind == JsonValueKind.True;
                    _logger.LogInformation("Discord invalidated the session (op 9, resumable: {Resumable}); {Next}",
                        resumable, resumable ? "resuming" : "identifying again");
                    RequestEnd(
                        new ConnectionOutcome(resumable ? ConnectionEnd.Resume : ConnectionEnd.Identify,
                            $"op 9 invalid session (resumable: {resumable})"),
                        ReconnectCloseCode);
                    break;
                case GatewayOpcode.Hello:
                    await OnHelloAsync(data);
                    break;
                default:
                    LogIgnoredOpcode(_logger, op);
                    break;
            }
        }
    }

    private async Task OnHelloAsync(JsonElement data)
    {
        if (_helloSeen)
        {
            _logger.LogDebug("Ignored a second Hello on one connection");
            return;
        }
        _helloSeen = true;
        if (data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty("heartbeat_interval", out var intervalElement)
            || !intervalElement.TryGetDouble(out var intervalMs)
            || intervalMs <= 0)
        {
            _logger.LogWarning("Hello carried no usable heartbeat_interval; reconnecting");
            RequestEnd(new ConnectionOutcome(ConnectionEnd.Resume, "malformed Hello"), ReconnectCloseCode);
            return;
        }

        // The timer is armed before Identify/Resume goes out: the first beat after interval × jitter, then every
        // interval.
        var interval = TimeSpan.FromMilliseconds(intervalMs);
        _heartbeatTimer = context.Time.CreateTimer(_ => OnHeartbeatDue(), null, interval * context.Jitter.Next(),
            interval);

        if (resume)
        {
            var (sessionId, _, lastSequence) = context.Session.ResumePoint;
            _logger.LogInformation("Resuming the gateway session from sequence {Sequence}", lastSequence);
            await _sender!.SendAsync(GatewayOpcode.Resume,
                GatewayPayloadWriter.Resume(context.Token, sessionId, lastSequence), _receiveCancellation.Token);
        }
        else
        {
            context.Session.Reset();
            _logger.LogInformation("Identifying as shard {ShardId} of {ShardCount} with intents {Intents}",
                context.ShardId, context.ShardCount, context.Settings.Intents);
            await _sender!.SendAsync(
                GatewayOpcode.Identify,
                GatewayPayloadWriter.Identify(context.Token, context.Settings, context.ShardId, context.ShardCount),
                _receiveCancellation.Token);
        }
    }

    private void HandleDispatch(JsonElement root, JsonElement data)
    {
        long? sequence = root.TryGetProperty("s"u8, out var s) && s.ValueKind == JsonValueKind.Number
            && s.TryGetInt64(out var value)
            ? value
            : null;
        var name = root.TryGetProperty("t"u8, out var t) && t.ValueKind == JsonValueKind.String
            ? GatewayEventNames.Read(t)
            : null;
        if (sequence is { } seq && !context.Session.TryAdvance(seq))
        {
            LogReplayedDispatch(_logger, name, seq);
            return;
        }
        if (name is null)
        {
            LogUnnamedDispatch(_logger);
            return;
        }

        if (name == GatewayEventNames.Ready)
        {
            if (GatewayReady.TryParse(data) is not { } ready)
            {
                _logger.LogWarning("READY lacked session_id, resume_gateway_url or application.id; identifying again");
                RequestEnd(new ConnectionOutcome(ConnectionEnd.Identify, "malformed READY"), ReconnectCloseCode);
                return;
            }
            context.Session.Start(ready);
            _reachedSession = true;
            _logger.LogInformation("Gateway ready: application {ApplicationId}, shard {ShardId} of {ShardCount}",
                ready.ApplicationId, context.ShardId, context.ShardCount);
            context.OnReady(ready);
        }
        else if (name == GatewayEventNames.Resumed)
        {
            _reachedSession = true;
            _logger.LogInformation("Gateway session resumed at sequence {Sequence}", sequence);
        }

        context.Dispatcher.Publish(
            new GatewayDispatch(name, sequence, data.ValueKind == JsonValueKind.Undefined ? default : data.Clone()));
    }

    private void OnHeartbeatDue()
    {
        if (_requestedEnd is not null) return;
        if (Interlocked.Exchange(ref _awaitingAck, 1) == 1)
        {
            _logger.LogWarning("Discord did not acknowledge the last heartbeat: the connection is dead; "
                + "reconnecting to resume");
            RequestEnd(new ConnectionOutcome(ConnectionEnd.Resume, "heartbeat not acknowledged"), ReconnectCloseCode);
            return;
        }
        _ = SendHeartbeatAsync();
    }

    private async Task SendHeartbeatAsync()
    {
        try
        {
            await _sender!.SendAsync(GatewayOpcode.Heartbeat,
                GatewayPayloadWriter.Heartbeat(context.Session.LastSequence), _receiveCancellation.Token);
        }
        catch (Exception ex)
        {
            _logger.LogDebug("A heartbeat could not be sent: {Error}", ex.Message);
        }
    }

    /// <summary>
    /// Ends the connection on the client's initiative: sends the close frame, then waits (bounded) for Discord's
    /// answering close frame, which ends the receive loop.
    /// </summary>
    private void RequestEnd(ConnectionOutcome outcome, int closeCode)
    {
        if (Interlocked.CompareExchange(ref _requestedEnd, outcome, null) is not null) return;
        _ = CloseAsync(closeCode, outcome.Reason);
    }

    private async Task CloseAsync(int closeCode, string reason)
    {
        try
        {
            using var timeout = new CancellationTokenSource(context.Settings.CloseHandshakeTimeout, context.Time);
            if (_sender is not null) await _sender.CloseOutputAsync(closeCode, reason, timeout.Token);
            _receiveCancellation.CancelAfter(context.Settings.CloseHandshakeTimeout);
        }
        catch (Exception ex)
        {
            _logger.LogDebug("Closing the gateway connection failed: {Error}", ex.Message);
            try { await _receiveCancellation.CancelAsync(); }
            catch (ObjectDisposedException) { }
        }
    }

    public ValueTask DisposeAsync()
    {
        _heartbeatTimer?.Dispose();
        _sender?.Dispose();
        _socket.Dispose();
        _receiveCancellation.Dispose();
        return ValueTask.CompletedTask;
    }
}
