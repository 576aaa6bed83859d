using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MiracleCell.Discord.Gateway;
using MiracleCell.Discord.Rest;
using MiracleCell.Testing;
using Moq;

namespace MiracleCell.Discord.Tests.Fakes.Gateway;

/// <summary>
/// A <see cref="DiscordGatewayClient"/> running against a <see cref="FakeDiscordGateway"/> on a clock that moves only
/// when the test advances it; reconnect backoff and identify pacing are zero so reconnects need no clock moves.
/// </summary>
public sealed class GatewayClientHarness : IAsyncDisposable
{
    public const string Token = "MTAxNDcxMzgyMDE1NzI4NDQxMg.GxYz12.fake-token-for-tests_only";

    private readonly CancellationTokenSource _stopping = new();

    private GatewayClientHarness(FakeDiscordGateway gateway, ManualTimeProvider time, DiscordGatewayClient client,
        RecordingEventSink sink, Mock<IDiscordRestClient> rest, DiscordOptions options, GatewaySettings settings)
    {
        Discord = options;
        Settings = settings;
        Gateway = gateway;
        Time = time;
        Client = client;
        Sink = sink;
        Rest = rest;
    }

    public FakeDiscordGateway Gateway { get; }
    public ManualTimeProvider Time { get; }
    public DiscordGatewayClient Client { get; }
    public RecordingEventSink Sink { get; }
    public Mock<IDiscordRestClient> Rest { get; }
    public DiscordOptions Discord { get; }
    public GatewaySettings Settings { get; }
    public Task Running { get; private set; } = Task.CompletedTask;

    /// <summary>Heartbeats start after half an interval (jitter 0.5).</summary>
    public TimeSpan FirstHeartbeatDelay => TimeSpan.FromMilliseconds(Gateway.HeartbeatIntervalMs * 0.5);
    public TimeSpan HeartbeatInterval => TimeSpan.FromMilliseconds(Gateway.HeartbeatIntervalMs);

    public static async Task<GatewayClientHarness> CreateAsync(
        Action<DiscordOptions>? configure = null,
        Action<GatewaySettings>? configureSettings = null,
        ILogger<DiscordGatewayClient>? logger = null)
    {
        var time = new ManualTimeProvider();
        var gateway = await FakeDiscordGateway.StartAsync(time);
        var options = new DiscordOptions { Token = Token, GatewayUrl = gateway.GatewayUrl };
        configure?.Invoke(options);
        var settings = new GatewaySettings
        {
            InitialReconnectDelay = TimeSpan.Zero,
            IdentifyInterval = TimeSpan.Zero,
            Random = new FixedRandom(0.5),
        };
        configureSettings?.Invoke(settings);
        var sink = new RecordingEventSink();
        var rest = new Mock<IDiscordRestClient>(MockBehavior.Strict);
        var client = new DiscordGatewayClient(Options.Create(options), rest.Object, [sink], settings, time,
            logger ?? NullLogger<DiscordGatewayClient>.Instance);
        return new GatewayClientHarness(gateway, time, client, sink, rest, options, settings);
    }

    /// <summary>
    /// A shard set over the same fake gateway, clock and sink, for <see cref="DiscordOptions.ShardIds"/>; it does not
    /// start <see cref="Client"/>. Identifies are paced by an in-process coordinator at <see cref="Settings"/>'
    /// interval.
    /// </summary>
    public GatewayShardSet CreateShardSet(IIdentifyCoordinator? identify = null) => new(
        Options.Create(Discord), Rest.Object, [Sink], Settings, Time,
        identify ?? new InProcessIdentifyCoordinator(Time, Settings), new GatewayMetrics(new TestMeterFactory()),
        NullLogger<DiscordGatewayClient>.Instance);

    public GatewayClientHarness Start()
    {
        Running = Task.Run(() => Client.RunAsync(_stopping.Token));
        return this;
    }

    /// <summary>Starts the client and waits until READY was delivered on the first connection.</summary>
    public async Task<GatewayClientHarness> StartReadyAsync()
    {
        Start();
        await Sink.WaitForDispatchAsync("READY");
        return this;
    }

    /// <summary>Stops the client as Ctrl-C would and waits for it to finish.</summary>
    public async Task StopAsync()
    {
        await _stopping.CancelAsync();
        await Running.WaitAsync(FakeDiscordGateway.Patience);
    }

    /// <summary>Waits for the client to give up, returning what it threw.</summary>
    public async Task<Exception?> WaitForExitAsync()
    {
        try
        {
            await Running.WaitAsync(FakeDiscordGateway.Patience);
            return null;
        }
        catch (TimeoutException)
        {
            throw;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try { await Running.WaitAsync(FakeDiscordGateway.Patience); }
        catch (Exception) { }
        await Gateway.DisposeAsync();
        _stopping.Dispose();
    }

    private sealed class FixedRandom(double value) : Random
    {
        public override double NextDouble() => value;
    }
}
