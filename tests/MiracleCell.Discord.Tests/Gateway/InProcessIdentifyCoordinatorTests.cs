using MiracleCell.Discord.Gateway;
using MiracleCell.Testing;

namespace MiracleCell.Discord.Tests.Gateway;

public sealed class InProcessIdentifyCoordinatorTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private readonly ManualTimeProvider _time = new();

    [Theory]
    [InlineData(0, 1, 0)]
    [InlineData(3, 1, 15)]
    [InlineData(3, 2, 5)]
    [InlineData(7, 4, 5)]
    [InlineData(8, 4, 10)]
    public async Task A_shards_first_identify_waits_for_its_buckets_slot_from_start(int shardId, int maxConcurrency,
        int seconds)
    {
        var coordinator = new InProcessIdentifyCoordinator(_time, Interval);

        var turn = coordinator.WaitTurnAsync(shardId, maxConcurrency, CancellationToken.None);
        if (seconds > 0)
        {
            _time.Advance(TimeSpan.FromSeconds(seconds) - TimeSpan.FromMilliseconds(1));
            Assert.False(turn.IsCompleted);
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }

        await turn.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_second_identify_in_the_same_bucket_waits_a_full_interval_after_the_first()
    {
        var coordinator = new InProcessIdentifyCoordinator(_time, Interval);
        await coordinator.WaitTurnAsync(0, 1, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(2));

        var again = coordinator.WaitTurnAsync(0, 1, CancellationToken.None);
        Assert.False(again.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(3));

        await again.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Shards_in_different_buckets_identify_together()
    {
        var coordinator = new InProcessIdentifyCoordinator(_time, Interval);

        await coordinator.WaitTurnAsync(0, 2, CancellationToken.None);
        await coordinator.WaitTurnAsync(1, 2, CancellationToken.None);
    }

    [Fact]
    public async Task Shards_of_one_bucket_queue_one_interval_apart_in_call_order()
    {
        var coordinator = new InProcessIdentifyCoordinator(_time, Interval);
        await coordinator.WaitTurnAsync(0, 2, CancellationToken.None);

        var reconnect = coordinator.WaitTurnAsync(0, 2, CancellationToken.None); // claims 5 s
        var shardTwo = coordinator.WaitTurnAsync(2, 2, CancellationToken.None);  // its slot is 5 s too, so 10 s
        _time.Advance(Interval);
        await reconnect.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(shardTwo.IsCompleted);
        _time.Advance(Interval);

        await shardTwo.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
