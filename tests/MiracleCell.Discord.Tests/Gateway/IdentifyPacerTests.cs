using MiracleCell.Discord.Gateway;
using MiracleCell.Testing;

namespace MiracleCell.Discord.Tests.Gateway;

public sealed class IdentifyPacerTests
{
    private readonly ManualTimeProvider _time = new();

    [Theory]
    [InlineData(0, 1, 0)]
    [InlineData(3, 1, 15)]
    [InlineData(3, 2, 5)]
    [InlineData(7, 4, 5)]
    [InlineData(8, 4, 10)]
    public void The_first_identify_waits_for_the_shards_bucket(int shardId, int maxConcurrency, int expectedSeconds)
    {
        var pacer = new IdentifyPacer(_time, TimeSpan.FromSeconds(5), shardId);
        pacer.UseMaxConcurrency(maxConcurrency);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), pacer.NextWait());
    }

    [Fact]
    public async Task A_second_identify_waits_until_five_seconds_after_the_first()
    {
        var pacer = new IdentifyPacer(_time, TimeSpan.FromSeconds(5), 0);
        await pacer.WaitTurnAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(2));

        var second = pacer.WaitTurnAsync(CancellationToken.None);
        Assert.False(second.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(3));
        await second.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.FromSeconds(5), pacer.NextWait());
    }
}
