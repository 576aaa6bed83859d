using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MiracleCell.Bot.Health;
using MiracleCell.Bot.Hosting;
using MiracleCell.Discord;
using MiracleCell.Discord.Gateway;
using MiracleCell.Discord.Models;
using MiracleCell.Discord.Rest;
using MiracleCell.Discord.Tests.Fakes.Gateway;
using MiracleCell.Storage;
using MiracleCell.Testing;
using Moq;

namespace MiracleCell.Bot.Tests.Health;

public sealed class HealthListenerTests : IAsyncLifetime
{
    private const string Token = "MTAxNDcxMzgyMDE1NzI4NDQxMg.GxYz12.fake-token-for-tests_only";
    private readonly ManualTimeProvider _time = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly HttpClient _http = new();
    private readonly Mock<IHostApplicationLifetime> _lifetime = new();
    private readonly BotExitCode _exitCode = new();
    private readonly ReadyCounter _readies = new(2);
    private ServiceProvider _services = null!;
    private FakeDiscordGateway _gateway = null!;
    private GatewayShardSet _shards = null!;
    private string _url = "";

    public async Task InitializeAsync()
    {
        _gateway = await FakeDiscordGateway.StartAsync(_time);
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var options = new DiscordOptions { Token = Token, GatewayUrl = _gateway.GatewayUrl, ShardIds = "0-1",
            ShardCount = 2 };
        var settings = new GatewaySettings { InitialReconnectDelay = TimeSpan.Zero, IdentifyInterval = TimeSpan.Zero };
        _shards = new GatewayShardSet(
            Options.Create(options), Mock.Of<IDiscordRestClient>(), [_readies], settings, _time,
            new InProcessIdentifyCoordinator(_time, settings), new GatewayMetrics(Meters),
            NullLogger<DiscordGatewayClient>.Instance);
        _url = $"http://127.0.0.1:{FreePort()}";
    }

    private System.Diagnostics.Metrics.IMeterFactory Meters =>
        _services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();

    [Fact]
    public async Task Healthz_answers_while_the_process_runs_and_readyz_waits_for_every_shard()
    {
        using var listener = await StartListenerAsync();

        Assert.Equal((HttpStatusCode.OK, "ok\n"), await GetAsync("/healthz"));
        var (status, body) = await GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("gateway: 0 of 2 shard(s) connected", body, StringComparison.Ordinal);

        var running = _shards.RunAsync(_stopping.Token);
        await _readies.AllReady.WaitAsync(FakeDiscordGateway.Patience);

        Assert.Equal((HttpStatusCode.OK, "ready\n"), await GetAsync("/readyz"));
        await _stopping.CancelAsync();
        await running.WaitAsync(FakeDiscordGateway.Patience);
    }

    [Fact]
    public async Task Readyz_names_a_readiness_check_that_fails()
    {
        using var listener = await StartListenerAsync(new FixedCheck("store", ready: false),
            new FixedCheck("other", ready: true));

        var (status, body) = await GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("store: not reachable", body, StringComparison.Ordinal);
        Assert.DoesNotContain("other", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_exports_interactions_by_command_and_the_shards_in_Prometheus_text()
    {
        using var listener = await StartListenerAsync();
        var sink = new InteractionMetrics(new HandlingSink(), Meters, _time);

        await sink.OnInteractionCreateAsync(Interaction("film"), CancellationToken.None);
        await sink.OnInteractionCreateAsync(Interaction("film"), CancellationToken.None);
        var (status, body) = await GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("# TYPE miraclecell_interactions_duration", body, StringComparison.Ordinal);
        Assert.Matches("miraclecell_interactions_duration[a-z_]*_count\\{[^}]*command=\"film\"[^}]*\\} 2", body);
        Assert.Contains("miraclecell_gateway_shards_connected", body, StringComparison.Ordinal);
        Assert.Matches("(?m)^miraclecell_runtime_gc_heap_size[a-z_]* [0-9]", body);
    }

    [Fact]
    public async Task Metrics_exports_REST_rate_limit_waits_and_429s_by_kind_of_bucket()
    {
        using var listener = await StartListenerAsync();
        var rest = new MiracleCell.Discord.Rest.RestMetrics(Meters);

        rest.Waited(MiracleCell.Discord.Rest.BucketLifetime.SingleRequest, TimeSpan.FromSeconds(1.5));
        rest.RateLimited(MiracleCell.Discord.Rest.BucketLifetime.Shared, global: true);
        var (_, body) = await GetAsync("/metrics");

        Assert.Matches("miraclecell_rest_rate_limit_wait[a-z_]*_count\\{[^}]*bucket=\"interaction_callback\"[^}]*\\} 1",
            body);
        Assert.Matches("miraclecell_rest_rate_limited[a-z_]*\\{[^}]*bucket=\"route\"[^}]*scope=\"global\"[^}]*\\} 1",
            body);
    }

    [Fact]
    public async Task An_unknown_path_is_not_found()
    {
        using var listener = await StartListenerAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/")).Status);
    }

    [Fact]
    public async Task A_port_in_use_stops_the_bot_with_exit_code_78()
    {
        var port = new Uri(_url).Port;
        using var occupant = new HttpListener();
        occupant.Prefixes.Add(_url + "/");
        occupant.Start();
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _lifetime.Setup(l => l.StopApplication()).Callback(stopped.SetResult);

        using var listener = await StartListenerAsync();
        await stopped.Task.WaitAsync(FakeDiscordGateway.Patience);

        Assert.Equal(ExitCodes.Configuration, _exitCode.Code);
        Assert.True(port > 0);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9090", true)]
    [InlineData("http://+:9090/", true)]
    [InlineData("http://127.0.0.1:9090;http://[::1]:9091", true)]
    [InlineData("https://127.0.0.1:9090", false)]
    [InlineData("http://127.0.0.1", false)]
    [InlineData("http://127.0.0.1:9090/health", false)]
    [InlineData("9090", false)]
    public void Health_urls_are_checked_at_start(string urls, bool valid)
    {
        var result = new HealthOptionsValidator().Validate(null, new HealthOptions { Urls = urls });

        Assert.Equal(valid, result.Succeeded);
        if (!valid) Assert.StartsWith("Health:Urls has '", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_health_urls_no_listener_is_registered()
    {
        var services = new ServiceCollection();
        services.AddHealthEndpoints(new ConfigurationBuilder().Build());

        Assert.DoesNotContain(services, d => d.ImplementationType == typeof(HealthListener));
    }

    private async Task<HealthListener> StartListenerAsync(params IReadinessCheck[] checks)
    {
        var listener = new HealthListener(
            Options.Create(new HealthOptions { Urls = _url }), _shards, checks, Meters, _services,
            _lifetime.Object, _exitCode, NullLogger<HealthListener>.Instance);
        await listener.StartAsync(CancellationToken.None);
        return listener;
    }

    private async Task<(HttpStatusCode Status, string Body)> GetAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(_url + path));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static Interaction Interaction(string command) =>
        System.Text.Json.JsonSerializer.Deserialize(
            FakeDiscordGateway.InteractionJson(1).Replace("\"film\"", $"\"{command}\"", StringComparison.Ordinal),
            MiracleCell.Discord.Models.DiscordJsonContext.Default.Interaction)!;

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _gateway.DisposeAsync();
        await _services.DisposeAsync();
        _http.Dispose();
        _stopping.Dispose();
    }

    private sealed class FixedCheck(string name, bool ready) : IReadinessCheck
    {
        public string Name => name;
        public Task<bool> IsReadyAsync(CancellationToken cancellationToken) => Task.FromResult(ready);
    }

    private sealed class HandlingSink : IGatewayEventSink
    {
        public Task OnInteractionCreateAsync(Interaction interaction, CancellationToken cancellationToken) =>
            Task.CompletedTask;
    }

    private sealed class ReadyCounter(int expected) : IGatewayEventSink
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _count;

        public Task AllReady => _all.Task;

        public ValueTask OnReadyAsync(GatewayReady ready, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _count) >= expected) _all.TrySetResult();
            return ValueTask.CompletedTask;
        }
    }
}
