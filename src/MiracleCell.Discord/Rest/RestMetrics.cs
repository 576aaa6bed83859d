using System.Diagnostics.Metrics;
using MiracleCell.Discord.Gateway;

namespace MiracleCell.Discord.Rest;

/// <summary>
/// REST rate-limit instruments on the <c>MiracleCell</c> meter: how long requests waited for their bucket or the
/// global limit, and the 429s Discord answered. Tagged by the kind of bucket (a channel or guild route, an interaction
/// callback, an interaction's webhook) and never by route, token or id, so the number of series stays fixed.
/// </summary>
public sealed class RestMetrics
{
    /// <summary>Waits shorter than this are a request passing an uncontended bucket, not a rate-limit wait.</summary>
    public static readonly TimeSpan SmallestWait = TimeSpan.FromMilliseconds(1);

    private readonly Histogram<double> _waits;
    private readonly Counter<long> _rateLimited;

    public RestMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(GatewayMetrics.MeterName);
        _waits = meter.CreateHistogram<double>(
            "rest.rate_limit_wait", "s",
            "How long a REST request waited for its rate-limit bucket or the global limit");
        _rateLimited = meter.CreateCounter<long>(
            "rest.rate_limited", "{response}", "REST requests Discord answered with 429 Too Many Requests");
    }

    internal void Waited(BucketLifetime bucket, TimeSpan wait)
    {
        if (wait >= SmallestWait) _waits.Record(wait.TotalSeconds, Tag(bucket));
    }

    internal void RateLimited(BucketLifetime bucket, bool global) =>
        _rateLimited.Add(1, Tag(bucket), new KeyValuePair<string, object?>("scope", global ? "global" : "bucket"));

    private static KeyValuePair<string, object?> Tag(BucketLifetime bucket) => new("bucket", bucket switch
    {
        BucketLifetime.SingleRequest => "interaction_callback",
        BucketLifetime.WhileTokenInUse => "webhook",
        _ => "route",
    });
}
