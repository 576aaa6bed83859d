using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MiracleCell.Discord.Rest.RateLimiting;

/// <summary>
/// Holds each request until its bucket and the global limit allow it, learns the limits from every answer, and after a
/// 429 waits the longer of <c>Retry-After</c> and the body's <c>retry_after</c> before sending the same request again —
/// a 429 means Discord did not process it, so even an interaction callback may be repeated here.
/// </summary>
internal sealed partial class DiscordRateLimitHandler(
    DiscordRateLimiter limiter,
    IOptions<DiscordRestOptions> options,
    TimeProvider time,
    ILogger<DiscordRateLimitHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(DiscordRoute.OptionKey, out var route))
        {
            throw new InvalidOperationException(
                "A request reached the Discord rate limiter without a Discord route; send requests "
                    + "through DiscordRestClient.");
        }

        RateLimitBucket? bucket = null;
        for (var rateLimitedTimes = 0; ; rateLimitedTimes++)
        {
            HttpResponseMessage response;
            RateLimitAnswer? rateLimit = null;
            var started = time.GetTimestamp();
            using (var lease = await limiter.AcquireAsync(route, bucket, cancellationToken))
            {
                response = await base.SendAsync(request, cancellationToken);
                bucket = limiter.Observe(route, lease, response);
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    try
                    {
                        // Block before letting the next queued request into the bucket.
                        rateLimit = await ReadRateLimitAsync(response, cancellationToken);
                        limiter.OnRateLimited(route, bucket, rateLimit.Wait, rateLimit.Global);
                    }
                    catch
                    {
                        response.Dispose();
                        throw;
                    }
                }
            }

            limiter.Release(route, bucket);
            if (logger.IsEnabled(LogLevel.Debug))
            {
                LogAnswered(logger, route.Method.Method, route.Template, (int)response.StatusCode,
                    time.GetElapsedTime(started).TotalMilliseconds, bucket.Hash ?? "unnamed",
                    bucket.Remaining?.ToString(CultureInfo.InvariantCulture) ?? "unknown");
            }

            if (rateLimit is null)
            {
                return response;
            }

            var giveUp = rateLimitedTimes >= options.Value.MaxRateLimitRetries
                || rateLimit.Wait > options.Value.MaxRateLimitWait;
            LogRateLimited(logger, route.Method.Method, route.Template, rateLimit.Scope, rateLimit.Global,
                bucket.Hash ?? "unnamed", giveUp ? "giving up instead of retrying" : "retrying",
                rateLimit.Wait.TotalMilliseconds);
            if (giveUp)
            {
                return response;
            }

            response.Dispose();
        }
    }

    /// <summary>
    /// The wait Discord asked for. The header and the body can disagree (discord-api-docs#7394), so the longer one
    /// wins; a 429 without either still waits a moment rather than hammering the bucket.
    /// </summary>
    internal static async Task<RateLimitAnswer> ReadRateLimitAsync(HttpResponseMessage response,
        CancellationToken cancellationToken)
    {
        var headerWait = DiscordRateLimiter.SecondsHeader(response.Headers, "Retry-After");
        var global = string.Equals(DiscordRateLimiter.Header(response.Headers, "X-RateLimit-Global"), "true",
            StringComparison.OrdinalIgnoreCase);
        var scope = DiscordRateLimiter.Header(response.Headers, "X-RateLimit-Scope") ?? (global ? "global" : "unknown");
        TimeSpan? bodyWait = null;

        await response.Content.LoadIntoBufferAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("retry_after", out var retryAfter) && retryAfter.TryGetDouble(out var seconds)
                    && seconds >= 0 && double.IsFinite(seconds))
                {
                    bodyWait = TimeSpan.FromSeconds(seconds);
                }

                global |= root.TryGetProperty("global", out var globalElement)
                    && globalElement.ValueKind == JsonValueKind.True;
            }
        }
        catch (JsonException)
        {
            // A 429 from a proxy may carry HTML; the header still tells how long to wait.
        }

        var wait = Max(headerWait, bodyWait) ?? TimeSpan.FromSeconds(1);
        return new RateLimitAnswer(wait, global, global ? "global" : scope);
    }

    private static TimeSpan? Max(TimeSpan? a, TimeSpan? b) =>
        a is null ? b : b is null ? a : a.Value >= b.Value ? a : b;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Discord {Method} {Route} answered {Status} in {ElapsedMs:F0} ms "
        + "(bucket {Bucket}, remaining {Remaining})")]
    private static partial void LogAnswered(ILogger logger, string method, string route, int status, double elapsedMs,
        string bucket, string remaining);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord rate-limited {Method} {Route} (scope {Scope}, global "
        + "{Global}, bucket {Bucket}); {Action} after {WaitMs:F0} ms")]
    private static partial void LogRateLimited(ILogger logger, string method, string route, string scope, bool global,
        string bucket, string action, double waitMs);
}

internal sealed record RateLimitAnswer(TimeSpan Wait, bool Global, string Scope);
