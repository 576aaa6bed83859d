using MiracleCell.Discord.Gateway;
using MiracleCell.Testing;

namespace MiracleCell.Discord.Tests.Gateway;

public sealed class GatewaySendRateLimiterTests
{
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public async Task Other_sends_stop_at_their_limit_and_resume_when_the_oldest_leaves_the_window()
    {
        var limiter = new GatewaySendRateLimiter(_time, 5, 3, TimeSpan.FromSeconds(60));
        for (var i = 0; i < 3; i++)
        {
            await limiter.WaitAsync(isHeartbeat: false, CancellationToken.None);
            _time.Advance(TimeSpan.FromSeconds(10));
        }

        var fourth = limiter.WaitAsync(isHeartbeat: false, CancellationToken.None).AsTask();
        Assert.False(fourth.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(fourth.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        await fourth.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Heartbeats_use_the_headroom_other_sends_leave()
    {
        var limiter = new GatewaySendRateLimiter(_time, 5, 3, TimeSpan.FromSeconds(60));
        for (var i = 0; i < 3; i++) await limiter.WaitAsync(isHeartbeat: false, CancellationToken.None);

        var heartbeats = new[] { limiter.WaitAsync(true, CancellationToken.None).AsTask(),
            limiter.WaitAsync(true, CancellationToken.None).AsTask() };
        var beyondTheLimit = limiter.WaitAsync(true, CancellationToken.None).AsTask();

        Assert.All(heartbeats, h => Assert.True(h.IsCompletedSuccessfully));
        Assert.False(beyondTheLimit.IsCompleted);
    }

    [Fact]
    public async Task A_waiting_send_can_be_cancelled()
    {
        var limiter = new GatewaySendRateLimiter(_time, 1, 1, TimeSpan.FromSeconds(60));
        await limiter.WaitAsync(false, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = limiter.WaitAsync(false, cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public void A_non_heartbeat_limit_above_the_total_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new GatewaySendRateLimiter(_time, 120, 121, TimeSpan.FromSeconds(60)));
}
