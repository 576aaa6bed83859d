using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MiracleCell.Discord.Models;
using MiracleCell.Discord.Rest;

namespace MiracleCell.Discord.Gateway;

/// <summary>
/// A Discord gateway (v10, JSON, no compression) connection for one shard that keeps itself alive: it resumes after
/// op 7, op 9 (resumable), dropped sockets, resumable close codes and missed heartbeat ACKs; identifies again with
/// backoff when the session is gone; and stops with <see cref="DiscordGatewayFatalException"/> on close codes 4004
/// and 4010–4014. Events reach <see cref="IGatewayEventSink"/>s.
/// </summary>
public sealed class DiscordGatewayClient
{
    private readonly DiscordOptions _options;
    private readonly IDiscordRestClient _rest;
    private readonly GatewaySettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger<DiscordGatewayClient> _logger;
    private readonly GatewaySessionState _session = new();
    private readonly GatewayEventDispatcher _dispatcher;
    private readonly GatewayJitter _jitter;
    private readonly ReconnectBackoff _backoff;
    private readonly IIdentifyCoordinator _identify;
    private readonly GatewayMetrics? _metrics;
    private readonly int _shardId;
    private int _maxConcurrency = 1;
    private readonly TaskCompletionSource<GatewayReady> _firstReady = new(
        TaskCreationOptions.RunContinuationsAsynchronously);
    private Uri? _discoveredGatewayUrl;
    private volatile GatewayConnection? _connection;
    private volatile GatewayReady? _ready;
    private int _started;

    /// <summary>A client for the first of this process's shards, paced on its own.</summary>
    public DiscordGatewayClient(
        IOptions<DiscordOptions> options,
        IDiscordRestClient rest,
        IEnumerable<IGatewayEventSink> sinks,
        GatewaySettings settings,
        TimeProvider time,
        ILogger<DiscordGatewayClient> logger)
        : this(options.Value, options.Value.OwnShardIds()[0], rest, sinks, settings, time,
            new InProcessIdentifyCoordinator(time, settings), null, logger)
    {
    }

    internal DiscordGatewayClient(
        DiscordOptions options,
        int shardId,
        IDiscordRestClient rest,
        IEnumerable<IGatewayEventSink> sinks,
        GatewaySettings settings,
        TimeProvider time,
        IIdentifyCoordinator identify,
        GatewayMetrics? metrics,
        ILogger<DiscordGatewayClient> logger)
    {
        _options = options;
        _shardId = shardId;
        _identify = identify;
        _metrics = metrics;
        _rest = rest;
        _settings = settings;
        _time = time;
        _logger = logger;
        _dispatcher = new GatewayEventDispatcher([.. sinks], logger);
        _jitter = new GatewayJitter(settings.Random);
        _backoff = new ReconnectBackoff(settings.InitialReconnectDelay, settings.MaxReconnectDelay, _jitter);
    }

    /// <summary>The shard this connection runs.</summary>
    public int ShardId => _shardId;

    /// <summary>True while the connection has a live session (after READY or RESUMED, until it drops).</summary>
    public bool IsConnected => _connection?.IsReady == true;

    /// <summary>The latest READY: session and application id. Null until the first READY.</summary>
    public GatewayReady? Ready => _ready;

    /// <summary>The application's id from READY (interaction follow-ups and command registration need it); null until
    /// READY.</summary>
    public Snowflake? ApplicationId => _ready?.ApplicationId;

    /// <summary>Completes with the first READY; faults if the gateway stops for good before that.</summary>
    public Task<GatewayReady> WaitForReadyAsync(CancellationToken cancellationToken) =>
        _firstReady.Task.WaitAsync(cancellationToken);

    /// <summary>
    /// Sends a payload such as a presence update (op 3). Heartbeats, Identify and Resume belong to the client.
    /// Counted against the send window (waits when it is full); a payload over 4096 bytes throws
    /// <see cref="GatewayPayloadTooLargeException"/> and is not sent.
    /// </summary>
    public Task SendAsync(GatewayOpcode opcode, JsonElement data, CancellationToken cancellationToken)
    {
        if (opcode is GatewayOpcode.Heartbeat or GatewayOpcode.Identify or GatewayOpcode.Resume)
            throw new ArgumentException($"Op {(int)opcode} ({opcode}) is sent by the client itself.", nameof(opcode));
        var connection = _connection
            ?? throw new InvalidOperationException("The gateway is not connected; wait for READY "
                + "(WaitForReadyAsync) and try again.");
        return connection.SendAsync(opcode, GatewayPayloadWriter.Custom(opcode, data), cancellationToken);
    }

    /// <summary>
    /// Connects and keeps the connection alive until <paramref name="stopping"/> is cancelled (then closes with 1000,
    /// ending the session, and returns). Throws <see cref="DiscordGatewayFatalException"/> when Discord refuses the
    /// bot in a way reconnecting cannot fix. Call once.
    /// </summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
            throw new InvalidOperationException("The gateway client is already running; call RunAsync once.");
        var dispatching = _dispatcher.RunAsync(stopping);
        try
        {
            await KeepConnectedAsync(stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping while waiting to reconnect.
        }
        catch (Exception ex)
        {
            _firstReady.TrySetException(ex);
            throw;
        }
        finally
        {
            _firstReady.TrySetCanceled(CancellationToken.None);
            _dispatcher.Complete();
            await dispatching;
        }
    }

    private async Task KeepConnectedAsync(CancellationToken stopping)
    {
        var consecutiveFailures = 0;
        var failedResumes = 0;
        var context = new GatewayConnectionContext(
            _options.Token, _shardId, _options.ShardCount, _settings, _session, _dispatcher,
            OnReady, _jitter, _time, _logger);

        while (!stopping.IsCancellationRequested)
        {
            var resume = _session.CanResume;
            var delay = _backoff.DelayFor(consecutiveFailures);
            if (delay > TimeSpan.Zero)
            {
                _logger.LogInformation("Shard {ShardId}: reconnecting to the Discord gateway in {Delay:0.0} s",
                    _shardId, delay.TotalSeconds);
                await Task.Delay(delay, _time, stopping);
            }

            Uri url;
            if (resume)
            {
                url = _session.ResumePoint.ResumeUrl;
            }
            else
            {
                if (await ResolveGatewayUrlAsync(stopping) is not { } gatewayUrl)
                {
                    consecutiveFailures++;
                    continue;
                }
                url = gatewayUrl;
                await _identify.WaitTurnAsync(_shardId, _maxConcurrency, stopping);
            }

            var connection = new GatewayConnection(context, url, resume);
            ConnectionOutcome outcome;
            try
            {
                _connection = connection;
                outcome = await connection.RunAsync(stopping);
            }
            finally
            {
                _connection = null;
                await connection.DisposeAsync();
            }

            if (outcome.End != ConnectionEnd.Shutdown) _metrics?.Reconnecting(_shardId);
            switch (outcome.End)
            {
                case ConnectionEnd.Shutdown:
                    _logger.LogInformation("Disconnected from the Discord gateway: the application is stopping");
                    return;
                case ConnectionEnd.Fatal:
                    throw new DiscordGatewayFatalException(outcome.CloseCode ?? 0);
            }

            consecutiveFailures = outcome.ReachedSession ? 0 : consecutiveFailures + 1;
            failedResumes = !resume || outcome.ReachedSession ? 0 : failedResumes + 1;
            if (outcome.End == ConnectionEnd.Identify || failedResumes >= _settings.MaxFailedResumes)
            {
                if (failedResumes >= _settings.MaxFailedResumes)
                    _logger.LogWarning("{Count} resumes in a row failed; starting a new session", failedResumes);
                _session.Reset();
                failedResumes = 0;
                // A new session right after losing one: back off so a flapping gateway is not hammered with identifies.
                consecutiveFailures = Math.Max(consecutiveFailures, 1);
            }
            if (!resume && outcome.ConnectFailed && _options.GatewayUrl is null)
                _discoveredGatewayUrl = null; // Ask GET /gateway/bot again: the cached URL did not work.
        }
    }

    private void OnReady(GatewayReady ready)
    {
        _ready = ready;
        _firstReady.TrySetResult(ready);
    }

    /// <summary>The configured URL, or the one GET /gateway/bot names; null after a transient failure (retry with
    /// backoff).</summary>
    private async Task<Uri?> ResolveGatewayUrlAsync(CancellationToken stopping)
    {
        if (_options.GatewayUrl is { } configured) return configured;
        if (_discoveredGatewayUrl is { } cached) return cached;
        try
        {
            var info = await _rest.GetGatewayBotAsync(stopping);
            var limit = info.SessionStartLimit;
            _logger.LogInformation(
                "Discord recommends {RecommendedShards} shard(s) and allows {MaxConcurrency} identify(s) per 5 s; this "
                    + "is shard {ShardId} of {ShardCount}; {Remaining} of {Total} session starts left today",
                info.Shards, limit.MaxConcurrency, _shardId, _options.ShardCount, limit.Remaining, limit.Total);
            if (_options.ShardCount < info.Shards)
                _logger.LogWarning("Discord:ShardCount is {ShardCount} but Discord recommends {RecommendedShards}; "
                    + "raise it if Discord closes with 4011", _options.ShardCount, info.Shards);
            _maxConcurrency = Math.Max(1, limit.MaxConcurrency);
            _discoveredGatewayUrl = info.Url;
            return info.Url;
        }
        catch (DiscordApiException ex) when (ex.Status == HttpStatusCode.Unauthorized)
        {
            throw new DiscordGatewayFatalException(
                "Discord rejected the bot token (HTTP 401 from GET /gateway/bot): check Discord:Token — copy the token "
                    + "again from the Developer Portal (Bot page), without a \"Bot \" prefix.", ex);
        }
        catch (Exception ex) when (ex is DiscordApiException or HttpRequestException
            || (ex is TaskCanceledException && !stopping.IsCancellationRequested))
        {
            _logger.LogWarning("Could not ask Discord for the gateway URL (GET /gateway/bot): {Error}", ex.Message);
            return null;
        }
    }
}
