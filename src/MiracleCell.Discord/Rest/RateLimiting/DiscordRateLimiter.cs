using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace MiracleCell.Discord.Rest.RateLimiting;

/// <summary>
/// Keeps the buckets the bot is using and the global limit. Before Discord names a route's bucket, the route is its own
/// bucket (method + template + major id); once an answer carries <c>X-RateLimit-Bucket</c>, every route Discord puts in
/// that bucket shares one state per major resource. Interaction routes keep nothing once they are done: a callback's
/// bucket lives as long as its one request, and a webhook token's only while it is in use or a limit it announced
/// holds, so memory does not grow with the number of interactions answered.
/// </summary>
internal sealed class DiscordRateLimiter
{
    private const int SweepEvery = 512;
    private static readonly TimeSpan IdleBucketLifetime = TimeSpan.FromMinutes(10);

    /// <summary>Discord's interaction tokens expire after 15 minutes; a wait announced for one is moot after
    /// that.</summary>
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15);

    private readonly TimeProvider _time;
    private readonly RestMetrics? _metrics;
    private readonly GlobalRateLimit _global;
    private readonly ConcurrentDictionary<string, RateLimitBucket> _byRoute = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RateLimitBucket> _byHash = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RateLimitBucket> _byToken = new(StringComparer.Ordinal);
    private int _acquisitions;

    public DiscordRateLimiter(TimeProvider time, IOptions<DiscordRestOptions> options, RestMetrics? metrics = null)
    {
        _time = time;
        _metrics = metrics;
        _global = new GlobalRateLimit(time, options.Value.GlobalRequestsPerSecond);
    }

    /// <summary>How many buckets are kept between requests, for tests that check memory stays flat.</summary>
    internal int BucketCount => _byRoute.Count + _byHash.Count + _byToken.Count;

    internal IEnumerable<string> BucketKeys => _byRoute.Keys.Concat(_byHash.Keys).Concat(_byToken.Keys);

    /// <summary>
    /// Waits until the route's bucket and, unless exempt, the global limit allow one more request.
    /// <paramref name="previous"/> is the bucket of this request's previous attempt after a 429: a callback's own
    /// bucket is kept nowhere else, so its retry waits out the 429 there.
    /// </summary>
    public async ValueTask<BucketLease> AcquireAsync(DiscordRoute route, RateLimitBucket? previous,
        CancellationToken cancellationToken)
    {
        if (_metrics is null) return await EnterAsync(route, previous, cancellationToken);
        var started = _time.GetTimestamp();
        var lease = await EnterAsync(route, previous, cancellationToken);
        _metrics.Waited(route.BucketLifetime, _time.GetElapsedTime(started));
        return lease;
    }

    private async ValueTask<BucketLease> EnterAsync(DiscordRoute route, RateLimitBucket? previous,
        CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _acquisitions) % SweepEvery == 0)
        {
            Sweep();
        }

        if (route.BucketLifetime == BucketLifetime.SingleRequest)
        {
            var own = await (previous ?? new RateLimitBucket(_time)).EnterAsync(cancellationToken);
            return await PassGlobalLimitAsync(route, own, cancellationToken);
        }

        var buckets = route.BucketLifetime == BucketLifetime.Shared ? _byRoute : _byToken;
        while (true)
        {
            var bucket = buckets.GetOrAdd(route.RouteKey, static (_, time) => new RateLimitBucket(time), _time);
            var lease = await bucket.EnterAsync(cancellationToken);
            if (!buckets.TryGetValue(route.RouteKey, out var current) || !ReferenceEquals(current, bucket))
            {
                // While this request queued, an answer moved the route into a bucket Discord named, or the bucket was
                // let go as idle: queue in the one that is current.
                lease.Dispose();
                continue;
            }

            return await PassGlobalLimitAsync(route, lease, cancellationToken);
        }
    }

    private async ValueTask<BucketLease> PassGlobalLimitAsync(DiscordRoute route, BucketLease lease,
        CancellationToken cancellationToken)
    {
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

    /// <summary>Reads the rate-limit headers of an answer into the bucket they describe.</summary>
    public RateLimitBucket Observe(DiscordRoute route, BucketLease lease, HttpResponseMessage response)
    {
        var bucket = lease.Bucket;
        var hash = Header(response.Headers, "X-RateLimit-Bucket");
        if (hash is not null && route.BucketLifetime == BucketLifetime.Shared)
        {
            bucket = _byHash.GetOrAdd($"{hash}:{route.MajorId}", bucket);
            _byRoute[route.RouteKey] = bucket;
        }

        // An interaction route's bucket is its own: there is nothing to share it with once the interaction is over.
        bucket.Hash = hash ?? bucket.Hash;
        bucket.Update(
            IntHeader(response.Headers, "X-RateLimit-Limit"),
            IntHeader(response.Headers, "X-RateLimit-Remaining"),
            SecondsHeader(response.Headers, "X-RateLimit-Reset-After"));
        return bucket;
    }

    /// <summary>
    /// After a request's lease is disposed: lets a webhook token's bucket go when no request is in it and it holds no
    /// wait, so a bucket lives while its token is in use rather than for minutes after.
    /// </summary>
    public void Release(DiscordRoute route, RateLimitBucket bucket)
    {
        if (route.BucketLifetime == BucketLifetime.WhileTokenInUse && bucket.IsIdle && bucket.WaitBeforeNext is null)
        {
            _byToken.TryRemove(new KeyValuePair<string, RateLimitBucket>(route.RouteKey, bucket));
        }
    }

    /// <summary>
    /// A 429: stop the bucket and, for a global 429, everything bound by the global limit, for <paramref name="wait"/>.
    /// The bucket is stopped either way so that a route exempt from the global gate still waits before its own retry.
    /// </summary>
    public void OnRateLimited(DiscordRoute route, RateLimitBucket bucket, TimeSpan wait, bool global)
    {
        _metrics?.RateLimited(route.BucketLifetime, global);
        bucket.Block(wait);
        if (global)
        {
            _global.Block(wait);
        }
    }

    /// <summary>
    /// The header's first value as Discord sent it. Read without validation: validating parses and copies every
    /// value on every answer, and these are plain numbers and names that the callers parse themselves.
    /// </summary>
    internal static string? Header(HttpResponseHeaders headers, string name)
    {
        if (!headers.NonValidated.TryGetValues(name, out var values)) return null;
        foreach (var value in values) return value;
        return null;
    }

    private static int? IntHeader(HttpResponseHeaders headers, string name) =>
        int.TryParse(Header(headers, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    internal static TimeSpan? SecondsHeader(HttpResponseHeaders headers, string name) =>
        double.TryParse(Header(headers, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
        && seconds >= 0 && double.IsFinite(seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;

    private void Sweep()
    {
        var now = _time.GetTimestamp();
        RemoveWhere(_byRoute, bucket => IsIdleFor(bucket, now, IdleBucketLifetime));
        RemoveWhere(_byHash, bucket => IsIdleFor(bucket, now, IdleBucketLifetime));
        RemoveWhere(_byToken, bucket => IsIdleFor(bucket, now, TimeSpan.Zero)
            || (bucket.IsIdle && _time.GetElapsedTime(bucket.LastUsed, now) > TokenLifetime));
    }

    private bool IsIdleFor(RateLimitBucket bucket, long now, TimeSpan lifetime) =>
        bucket.IsIdle && bucket.WaitBeforeNext is null && _time.GetElapsedTime(bucket.LastUsed, now) >= lifetime;

    private static void RemoveWhere(ConcurrentDictionary<string, RateLimitBucket> buckets,
        Func<RateLimitBucket, bool> expired)
    {
        foreach (var entry in buckets)
        {
            if (expired(entry.Value))
            {
                // Only the bucket seen: one that replaced it meanwhile stays.
                buckets.TryRemove(entry);
            }
        }
    }
}
