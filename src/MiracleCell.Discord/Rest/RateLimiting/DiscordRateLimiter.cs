using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace MiracleCell.Discord.Rest.RateLimiting;

/// <summary>
/// Keeps every bucket the bot has met and the global limit. Before Discord names a route's bucket, the route is its own
/// bucket (method + template + major id); once an answer carries <c>X-RateLimit-Bucket</c>, every route Discord puts in
/// that bucket shares one state per major resource.
/// </summary>
internal sealed class DiscordRateLimiter
{
    private const int PruneEvery = 512;
    private static readonly TimeSpan IdleBucketLifetime = TimeSpan.FromMinutes(10);

    private readonly TimeProvider _time;
    private readonly GlobalRateLimit _global;
    private readonly ConcurrentDictionary<string, RateLimitBucket> _byRoute = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RateLimitBucket> _byHash = new(StringComparer.Ordinal);
    private int _acquisitions;

    public DiscordRateLimiter(TimeProvider time, IOptions<DiscordRestOptions> options)
    {
        _time = time;
        _global = new GlobalRateLimit(time, options.Value.GlobalRequestsPerSecond);
    }

    /// <summary>Waits until the route's bucket and, unless exempt, the global limit allow one more request.</summary>
    public async ValueTask<BucketLease> AcquireAsync(DiscordRoute route, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _acquisitions) % PruneEvery == 0)
        {
            PruneIdleBuckets();
        }

        while (true)
        {
            var bucket = _byRoute.GetOrAdd(route.RouteKey, _ => new RateLimitBucket(_time));
            var lease = await bucket.EnterAsync(cancellationToken);
            if (!_byRoute.TryGetValue(route.RouteKey, out var current) || !ReferenceEquals(current, bucket))
            {
                // While this request queued, an answer moved the route into a bucket Discord named: queue there.
                lease.Dispose();
                continue;
            }

            try
            {
                if (!route.ExemptFromGlobalLimit)
                {
                    await _global.WaitTurnAsync(cancellationToken);
                }

                return lease;
            }
            catch
            {
                lease.Dispose();
                throw;
            }
        }
    }

    /// <summary>Reads the rate-limit headers of an answer into the bucket they describe.</summary>
    public RateLimitBucket Observe(DiscordRoute route, BucketLease lease, HttpResponseMessage response)
    {
        var bucket = lease.Bucket;
        var hash = Header(response.Headers, "X-RateLimit-Bucket");
        if (hash is not null)
        {
            bucket = _byHash.GetOrAdd($"{hash}:{route.MajorId}", bucket);
            bucket.Hash = hash;
            _byRoute[route.RouteKey] = bucket;
        }

        bucket.Update(
            IntHeader(response.Headers, "X-RateLimit-Limit"),
            IntHeader(response.Headers, "X-RateLimit-Remaining"),
            SecondsHeader(response.Headers, "X-RateLimit-Reset-After"));
        return bucket;
    }

    /// <summary>
    /// A 429: stop the bucket and, for a global 429, everything bound by the global limit, for <paramref name="wait"/>.
    /// The bucket is stopped either way so that a route exempt from the global gate still waits before its own retry.
    /// </summary>
    public void OnRateLimited(RateLimitBucket bucket, TimeSpan wait, bool global)
    {
        bucket.Block(wait);
        if (global)
        {
            _global.Block(wait);
        }
    }

    internal static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static int? IntHeader(HttpResponseHeaders headers, string name) =>
        int.TryParse(Header(headers, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    internal static TimeSpan? SecondsHeader(HttpResponseHeaders headers, string name) =>
        double.TryParse(Header(headers, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
        && seconds >= 0 && double.IsFinite(seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;

    private void PruneIdleBuckets()
    {
        var now = _time.GetTimestamp();
        foreach (var (key, bucket) in _byRoute)
        {
            if (bucket.IsIdle && bucket.WaitBeforeNext is null && _time.GetElapsedTime(bucket.LastUsed, now) > IdleBucketLifetime)
            {
                _byRoute.TryRemove(key, out _);
            }
        }

        foreach (var (key, bucket) in _byHash)
        {
            if (bucket.IsIdle && bucket.WaitBeforeNext is null && _time.GetElapsedTime(bucket.LastUsed, now) > IdleBucketLifetime)
            {
                _byHash.TryRemove(key, out _);
            }
        }
    }
}
