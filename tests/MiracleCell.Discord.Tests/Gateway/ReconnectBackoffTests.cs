using MiracleCell.Discord.Gateway;

namespace MiracleCell.Discord.Tests.Gateway;

public sealed class ReconnectBackoffTests
{
    [Fact]
    public void There_is_no_delay_after_a_healthy_connection_ended() =>
        Assert.Equal(TimeSpan.Zero, Backoff(0.9).DelayFor(0));

    [Theory]
    [InlineData(1, 500)]
    [InlineData(2, 1000)]
    [InlineData(3, 2000)]
    [InlineData(6, 16000)]
    [InlineData(7, 30000)]
    [InlineData(40, 30000)]
    public void The_delay_doubles_per_failure_up_to_the_cap(int failures, int expectedMsAtLowestJitter) =>
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMsAtLowestJitter), Backoff(0).DelayFor(failures));

    [Fact]
    public void Jitter_scales_the_delay_between_half_and_all_of_it()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(2000), Backoff(0).DelayFor(3));
        Assert.Equal(TimeSpan.FromMilliseconds(3000), Backoff(0.5).DelayFor(3));
    }

    private static ReconnectBackoff Backoff(double jitter) =>
        new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), new GatewayJitter(new FixedRandom(jitter)));

    private sealed class FixedRandom(double value) : Random
    {
        public override double NextDouble() => value;
    }
}
