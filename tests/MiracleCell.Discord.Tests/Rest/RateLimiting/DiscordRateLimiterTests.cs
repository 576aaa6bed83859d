using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MiracleCell.Discord.Models;
using MiracleCell.Discord.Rest;
using MiracleCell.Discord.Rest.RateLimiting;
using MiracleCell.Testing;

namespace MiracleCell.Discord.Tests.Rest.RateLimiting;

/// <summary>
/// What the limiter keeps between requests, driven through the real rate-limit handler with Discord's answers played
/// in memory, so that a hundred thousand interactions take a second rather than a minute of loopback HTTP.
/// </summary>
public sealed class DiscordRateLimiterTests : IDisposable
{
    private const int Interactions = 100_000;
    private const int Channels = 20;
    private static readonly Snowflake AppId = new(900_000_000_000_000_001);

    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 20, 0, 0, TimeSpan.Zero));
    private readonly DiscordRateLimiter _limiter;
    private readonly HttpMessageInvoker _http;

    public DiscordRateLimiterTests()
    {
        var options = Options.Create(new DiscordRestOptions());
        _limiter = new DiscordRateLimiter(_clock, options);
        _http = new HttpMessageInvoker(
            new DiscordRateLimitHandler(_limiter, options, _clock, NullLogger<DiscordRateLimitHandler>.Instance)
        {
            InnerHandler = new AnswersWithBuckets(),
        });
    }

    [Fact]
    public async Task After_a_hundred_thousand_interactions_the_limiter_holds_a_bounded_number_of_buckets_and_no_token()
    {
        // 100 interactions a second for 1,000 s: longer than both the 10-minute idle lifetime and a token's 15 minutes.
        for (var i = 1; i <= Interactions; i++)
        {
            var token = $"SECRET-token-{i}-" + new string('x', 200);
            await SendAsync(DiscordRoute.InteractionCallback(new Snowflake((ulong)i), token));
            await SendAsync(DiscordRoute.OriginalResponse(HttpMethod.Patch, AppId, token));
            // Every tenth interaction posts five follow-ups, the last of which spends its token's bucket for 2 s.
            for (var followups = i % 10 == 0 ? 5 : 1; followups > 0; followups--)
                await SendAsync(DiscordRoute.Followup(AppId, token));
            // A channel message every fourth interaction: 25 a second, within the global 50 a second.
            if (i % 4 == 0) await SendAsync(DiscordRoute.ChannelMessages(new Snowflake((ulong)(i / 4 % Channels + 1))));
            _clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        // Each channel's route and its named bucket, plus the follow-up buckets still inside the 2 s they announced as
        // spent (one every 100 ms) and those whose window has reset since the last sweep, a little over a second ago.
        Assert.InRange(_limiter.BucketCount, Channels * 2, Channels * 2 + 40);
        Assert.DoesNotContain(_limiter.BucketKeys, key => key.Contains("SECRET", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_callback_leaves_no_bucket_behind_and_a_webhook_token_none_once_its_request_is_answered()
    {
        await SendAsync(DiscordRoute.InteractionCallback(new Snowflake(1), "SECRET-one"));
        await SendAsync(DiscordRoute.OriginalResponse(HttpMethod.Patch, AppId, "SECRET-one"));

        Assert.Equal(0, _limiter.BucketCount);
    }

    [Fact]
    public async Task A_webhook_token_whose_window_is_spent_keeps_its_bucket_until_the_window_resets()
    {
        var token = "SECRET-spent";
        for (var i = 0; i < 5; i++) await SendAsync(DiscordRoute.Followup(AppId, token));
        Assert.Equal(1, _limiter.BucketCount);

        var waiting = SendAsync(DiscordRoute.Followup(AppId, token));
        Assert.False(waiting.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(2));
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Channel_buckets_idle_for_more_than_ten_minutes_are_let_go()
    {
        await SendAsync(DiscordRoute.ChannelMessages(new Snowflake(1)));
        _clock.Advance(TimeSpan.FromMinutes(11));
        // The sweep runs every 512 requests; callbacks keep nothing, so only the idle channel is left to sweep.
        for (var i = 0; i < 512; i++)
            await SendAsync(DiscordRoute.InteractionCallback(new Snowflake((ulong)i + 1), "t"));

        Assert.Equal(0, _limiter.BucketCount);
    }

    public void Dispose() => _http.Dispose();

    private async Task SendAsync(DiscordRoute route)
    {
        using var request = new HttpRequestMessage(route.Method,
            new Uri(new Uri("http://discord.invalid/api/v10/"), route.Path));
        request.Options.Set(DiscordRoute.OptionKey, route);
        using var response = await _http.SendAsync(request, CancellationToken.None);
        Assert.True(response.IsSuccessStatusCode);
    }

    /// <summary>
    /// Answers as Discord does: a bucket per route with room left, except that a token's follow-ups count down from
    /// five, so the fifth in a row spends the token's bucket for 2 s.
    /// </summary>
    private sealed class AnswersWithBuckets : HttpMessageHandler
    {
        private string? _lastFollowup;
        private int _followupsInARow;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request,
            CancellationToken cancellationToken)
        {
            var route = request.Options.TryGetValue(DiscordRoute.OptionKey, out var known)
                ? known
                : throw new InvalidOperationException("A request without a Discord route.");
            var remaining = 4;
            if (route.Template == "/webhooks/{application_id}/{interaction_token}")
            {
                var path = request.RequestUri!.AbsolutePath;
                _followupsInARow = path == _lastFollowup ? _followupsInARow + 1 : 1;
                _lastFollowup = path;
                remaining = Math.Max(0, 5 - _followupsInARow);
            }

            var response = new HttpResponseMessage(route.Template.EndsWith("/callback", StringComparison.Ordinal)
                ? HttpStatusCode.NoContent
                : HttpStatusCode.OK);
            response.Headers.Add("X-RateLimit-Bucket", $"bucket-of {route.Method.Method} {route.Template}");
            response.Headers.Add("X-RateLimit-Limit", "5");
            response.Headers.Add("X-RateLimit-Remaining", remaining.ToString(CultureInfo.InvariantCulture));
            response.Headers.Add("X-RateLimit-Reset-After", "2");
            return Task.FromResult(response);
        }
    }
}
