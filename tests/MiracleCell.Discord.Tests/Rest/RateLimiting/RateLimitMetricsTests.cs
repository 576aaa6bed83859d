using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.Options;
using MiracleCell.Discord.Models;
using MiracleCell.Discord.Rest;
using MiracleCell.Discord.Rest.RateLimiting;
using MiracleCell.Discord.Tests.Fakes.Gateway;
using MiracleCell.Testing;

namespace MiracleCell.Discord.Tests.Rest.RateLimiting;

/// <summary>The rate-limit waits and 429s the limiter reports on the MiracleCell meter, tagged by kind of bucket
/// only.</summary>
public sealed class RateLimitMetricsTests : IDisposable
{
    private readonly ManualTimeProvider _clock = new();
    private readonly TestMeterFactory _meters = new();
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> _recorded = [];
    private readonly DiscordRateLimiter _limiter;

    public RateLimitMetricsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // Only this test's meter: other tests record on meters of the same name at the same time.
            if (_meters.Created(instrument.Meter) && instrument.Name.StartsWith("rest.", StringComparison.Ordinal))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
        _limiter = new DiscordRateLimiter(_clock, Options.Create(new DiscordRestOptions()), new RestMetrics(_meters));
    }

    [Fact]
    public async Task A_request_held_back_by_a_429_records_its_wait_and_the_429_by_kind_of_bucket()
    {
        var route = DiscordRoute.ChannelMessages(new Snowflake(42));
        RateLimitBucket bucket;
        using (var lease = await _limiter.AcquireAsync(route, null, CancellationToken.None))
        {
            using var tooMany = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            bucket = _limiter.Observe(route, lease, tooMany);
            _limiter.OnRateLimited(route, bucket, TimeSpan.FromSeconds(2), global: false);
        }
        Assert.DoesNotContain(_recorded, r => r.Instrument == "rest.rate_limit_wait");

        var retry = _limiter.AcquireAsync(route, bucket, CancellationToken.None).AsTask();
        Assert.False(retry.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(2));
        (await retry.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();

        var wait = Assert.Single(_recorded, r => r.Instrument == "rest.rate_limit_wait");
        Assert.Equal(2.0, wait.Value);
        Assert.Equal(new Dictionary<string, object?> { ["bucket"] = "route" }, wait.Tags);
        var limited = Assert.Single(_recorded, r => r.Instrument == "rest.rate_limited");
        Assert.Equal(new Dictionary<string, object?> { ["bucket"] = "route", ["scope"] = "bucket" }, limited.Tags);
    }

    [Fact]
    public async Task Interaction_routes_are_tagged_by_kind_and_carry_no_token()
    {
        var callback = DiscordRoute.InteractionCallback(new Snowflake(7), "SECRET-token");
        using (var lease = await _limiter.AcquireAsync(callback, null, CancellationToken.None))
        {
            using var tooMany = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            _limiter.OnRateLimited(callback, _limiter.Observe(callback, lease, tooMany), TimeSpan.FromSeconds(1),
                global: true);
        }

        var limited = Assert.Single(_recorded);
        Assert.Equal(new Dictionary<string, object?> { ["bucket"] = "interaction_callback", ["scope"] = "global" },
            limited.Tags);
        Assert.DoesNotContain(limited.Tags.Values,
            value => value is string text && text.Contains("SECRET", StringComparison.Ordinal));
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags) copy[tag.Key] = tag.Value;
        lock (_recorded) _recorded.Add((instrument.Name, value, copy));
    }

    public void Dispose()
    {
        _listener.Dispose();
        _meters.Dispose();
    }
}
