using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MiracleCell.Bot.Hosting;
using MiracleCell.Bot.Trivia;
using MiracleCell.Discord.Gateway;
using MiracleCell.Storage;
using Prometheus;

namespace MiracleCell.Bot.Health;

/// <summary>
/// The optional HTTP listener (<c>Health:Urls</c>): <c>/healthz</c> answers while the process runs, <c>/readyz</c>
/// when every shard of the process has a session and every <see cref="IReadinessCheck"/> passes, and
/// <c>/metrics</c> exports the <c>MiracleCell</c> meter in Prometheus text format. Registered only when the setting
/// names an address, so a bot without it pays nothing.
/// </summary>
internal sealed class HealthListener(
    IOptions<HealthOptions> options,
    GatewayShardSet shards,
    IEnumerable<IReadinessCheck> checks,
    IMeterFactory meterFactory,
    IServiceProvider services,
    IHostApplicationLifetime lifetime,
    BotExitCode exitCode,
    ILogger<HealthListener> logger) : BackgroundService
{
    /// <summary>Answers while the process runs (a liveness probe).</summary>
    public const string LivePath = "/healthz";

    /// <summary>Answers 200 once every shard has a session and every readiness check passes (a readiness
    /// probe).</summary>
    public const string ReadyPath = "/readyz";

    /// <summary>Prometheus text format.</summary>
    public const string MetricsPath = "/metrics";

    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(2);
    private readonly IReadinessCheck[] _checks = [.. checks];

    private readonly HttpListener _listener = new();
    private readonly CollectorRegistry _registry = Metrics.NewCustomRegistry();
    private IDisposable? _adapter;

    /// <summary>Binds the addresses before the host finishes starting, so a port in use is reported at once.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var prefix in options.Value.Prefixes()) _listener.Prefixes.Add(prefix);
        try
        {
            _listener.Start();
        }
        catch (HttpListenerException exception)
        {
            logger.LogCritical(
                "Health:Urls: cannot listen on {Urls} ({Problem}): choose a free port or another address. "
                    + "The bot is stopping.",
                options.Value.Urls, exception.Message);
            exitCode.Set(ExitCodes.Configuration);
            lifetime.StopApplication();
            return Task.CompletedTask;
        }

        _adapter = MeterAdapter.StartListening(new MeterAdapterOptions
        {
            Registry = _registry,
            MetricFactory = Metrics.WithCustomRegistry(_registry),
            InstrumentFilterPredicate = instrument => instrument.Meter.Name == GatewayMetrics.MeterName,
            ResolveHistogramBuckets = _ => [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        });
        AddGauges();
        logger.LogInformation("Health and metrics listening on {Urls}", options.Value.Urls);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var closing = stoppingToken.Register(StopListening);
        while (!stoppingToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
            {
                break; // Stopped.
            }
            try
            {
                await AnswerAsync(context, _registry, stoppingToken);
            }
            catch (Exception exception) when (exception is HttpListenerException or IOException)
            {
                logger.LogDebug("A health request ended early: {Problem}", exception.Message);
            }
            finally
            {
                context.Response.Close();
            }
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _adapter?.Dispose();
        _listener.Close();
    }

    private void StopListening()
    {
        if (_listener.IsListening) _listener.Stop();
    }

    private void AddGauges()
    {
        var meter = meterFactory.Create(GatewayMetrics.MeterName);
        meter.CreateObservableGauge("gateway.shards_connected", () => shards.ConnectedCount,
            "{shard}", "Shards of this process with a live gateway session");
        meter.CreateObservableGauge("runtime.gc_heap_size", () => GC.GetGCMemoryInfo().HeapSizeBytes,
            "By", "Managed heap size after the last garbage collection (live objects and fragmentation)");
        // Resolved only once start-up has finished: the coordinator needs the content, which may still be loading.
        if (services.GetService(typeof(IServiceProviderIsService)) is IServiceProviderIsService known
            && known.IsService(typeof(TriviaCoordinator)))
        {
            var gate = services.GetService(typeof(StartupGate)) as StartupGate;
            meter.CreateObservableGauge<int>("trivia.running_games",
                () => gate is { IsOpen: false }
                    ? []
                    : [new Measurement<int>(
                        ((TriviaCoordinator)services.GetService(typeof(TriviaCoordinator))!).RunningGames)],
                "{game}", "Trivia nights running in this process");
        }
    }

    private async Task AnswerAsync(HttpListenerContext context, CollectorRegistry registry, CancellationToken stopping)
    {
        var response = context.Response;
        switch (context.Request.Url?.AbsolutePath)
        {
            case LivePath:
                await WriteTextAsync(response, HttpStatusCode.OK, "ok\n", stopping);
                break;
            case ReadyPath:
                var problems = await ReadinessProblemsAsync(stopping);
                await WriteTextAsync(
                    response,
                    problems.Count == 0 ? HttpStatusCode.OK : HttpStatusCode.ServiceUnavailable,
                    problems.Count == 0 ? "ready\n" : string.Join('\n', problems) + "\n",
                    stopping);
                break;
            case MetricsPath:
                response.StatusCode = (int)HttpStatusCode.OK;
                response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
                await registry.CollectAndExportAsTextAsync(response.OutputStream, stopping);
                break;
            default:
                await WriteTextAsync(response, HttpStatusCode.NotFound,
                    "not found: try /healthz, /readyz or /metrics\n", stopping);
                break;
        }
    }

    private async Task<List<string>> ReadinessProblemsAsync(CancellationToken stopping)
    {
        var problems = new List<string>();
        var connected = shards.ConnectedCount;
        if (connected < shards.Clients.Count)
            problems.Add($"gateway: {connected} of {shards.Clients.Count} shard(s) connected");
        foreach (var check in _checks)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            timeout.CancelAfter(CheckTimeout);
            bool ready;
            try
            {
                ready = await check.IsReadyAsync(timeout.Token);
            }
            catch (Exception exception) when (exception is not OperationCanceledException
                || !stopping.IsCancellationRequested)
            {
                logger.LogDebug("Readiness check {Name} failed: {Problem}", check.Name, exception.Message);
                ready = false;
            }
            if (!ready) problems.Add($"{check.Name}: not reachable");
        }
        return problems;
    }

    private static async Task WriteTextAsync(HttpListenerResponse response, HttpStatusCode status, string text,
        CancellationToken stopping)
    {
        var body = Encoding.UTF8.GetBytes(text);
        response.StatusCode = (int)status;
        response.ContentType = "text/plain; charset=utf-8";
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body, stopping);
    }
}
