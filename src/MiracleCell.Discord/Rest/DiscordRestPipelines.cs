using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace MiracleCell.Discord.Rest;

/// <summary>
/// The Polly pipelines around one logical request. Requests that are safe to repeat (GET, PUT overwrite, PATCH, DELETE)
/// retry 5xx answers, transport failures and timeouts with jittered exponential backoff. POSTs — interaction callbacks,
/// follow-ups, channel messages — run once: Discord may have acted on a request whose answer was lost, and a second
/// callback fails with 40060 while a second message is a duplicate. 429s are handled below, by the rate limiter.
/// </summary>
internal sealed partial class DiscordRestPipelines
{
    internal static readonly ResiliencePropertyKey<DiscordRoute> RouteProperty = new("MiracleCell.Discord.Route");

    public DiscordRestPipelines(IOptions<DiscordRestOptions> options, TimeProvider time,
        ILogger<DiscordRestPipelines> logger)
    {
        var settings = options.Value;
        if (settings.MaxRetries == 0)
        {
            Repeatable = ResiliencePipeline.Empty;
            return;
        }

        Repeatable = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutException>()
                    .Handle<DiscordApiException>(e => e.Status >= HttpStatusCode.InternalServerError),
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryBaseDelay,
                MaxDelay = settings.RetryMaxDelay,
                OnRetry = args =>
                {
                    var route = args.Context.Properties.TryGetValue(RouteProperty, out var known)
                        ? known.ToString()
                        : "a Discord request";
                    LogRetrying(logger, route, args.AttemptNumber + 2, settings.MaxRetries + 1,
                        args.RetryDelay.TotalMilliseconds, args.Outcome.Exception?.Message ?? "no answer");
                    return default;
                },
            })
            .Build();
    }

    public ResiliencePipeline Repeatable { get; }

    public static ResiliencePipeline Once => ResiliencePipeline.Empty;

    public ResiliencePipeline For(DiscordRoute route) => route.IsRepeatable ? Repeatable : Once;

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Retrying {Route} (attempt {Attempt} of {MaxAttempts}) in {DelayMs:F0} ms after: {Failure}")]
    private static partial void LogRetrying(
        ILogger logger, string? route, int attempt, int maxAttempts, double delayMs, string failure);
}
