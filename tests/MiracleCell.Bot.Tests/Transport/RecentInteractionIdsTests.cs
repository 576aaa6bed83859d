using MiracleCell.Bot.Transport;
using MiracleCell.Discord.Models;
using MiracleCell.Testing;

namespace MiracleCell.Bot.Tests.Transport;

public sealed class RecentInteractionIdsTests
{
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 20, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_second_delivery_of_an_id_is_refused_while_it_is_remembered()
    {
        var recent = new RecentInteractionIds(_time, TimeSpan.FromMinutes(15));

        Assert.True(recent.TryAdd(new Snowflake(1)));
        _time.Advance(TimeSpan.FromMinutes(14));
        Assert.False(recent.TryAdd(new Snowflake(1)));
        Assert.True(recent.TryAdd(new Snowflake(2)));
    }

    [Fact]
    public void An_id_is_forgotten_once_it_is_older_than_the_time_to_remember_it()
    {
        var recent = new RecentInteractionIds(_time, TimeSpan.FromMinutes(15));
        recent.TryAdd(new Snowflake(1));
        _time.Advance(TimeSpan.FromMinutes(16));

        Assert.True(recent.TryAdd(new Snowflake(2)));
        Assert.Equal(1, recent.Count);
    }

    [Fact]
    public void After_a_hundred_thousand_interactions_within_the_time_window_it_holds_no_more_than_its_capacity()
    {
        var recent = new RecentInteractionIds(_time, TimeSpan.FromMinutes(15));
        for (ulong id = 1; id <= 100_000; id++)
        {
            Assert.True(recent.TryAdd(new Snowflake(id)));
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(RecentInteractionIds.DefaultCapacity, recent.Count);
        // The newest ids are the ones kept: a repeat of the last one is still refused, the first is forgotten.
        Assert.False(recent.TryAdd(new Snowflake(100_000)));
        Assert.False(recent.TryAdd(new Snowflake(100_000 - RecentInteractionIds.DefaultCapacity + 1)));
        Assert.True(recent.TryAdd(new Snowflake(1)));
    }

    [Fact]
    public void At_a_steady_rate_it_holds_only_the_ids_of_the_time_window()
    {
        var recent = new RecentInteractionIds(_time, TimeSpan.FromSeconds(10), capacity: 100_000);
        for (ulong id = 1; id <= 100_000; id++)
        {
            recent.TryAdd(new Snowflake(id));
            _time.Advance(TimeSpan.FromMilliseconds(10));
        }

        // 100 a second for 10 s (the clock moved once more after the last id).
        Assert.InRange(recent.Count, 999, 1001);
    }

    [Fact]
    public void Ids_remembered_while_the_ring_grows_past_a_wrapped_oldest_end_stay_remembered_and_expire_in_order()
    {
        var recent = new RecentInteractionIds(_time, TimeSpan.FromSeconds(10), capacity: 1000);
        for (ulong id = 1; id <= 200; id++)
        {
            recent.TryAdd(new Snowflake(id));
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }
        // Ids 1-100 are now over 10 s old and go with the next id; the ring then wraps and grows.
        _time.Advance(TimeSpan.FromMilliseconds(9_900));
        for (ulong id = 201; id <= 600; id++) Assert.True(recent.TryAdd(new Snowflake(id)));

        Assert.Equal(500, recent.Count);
        Assert.False(recent.TryAdd(new Snowflake(101)));
        Assert.False(recent.TryAdd(new Snowflake(600)));
        Assert.True(recent.TryAdd(new Snowflake(50)));
        _time.Advance(TimeSpan.FromMilliseconds(150));
        // 101-200 were seen first, so they expire first; 201-600 and 50 are younger.
        Assert.True(recent.TryAdd(new Snowflake(601)));
        Assert.Equal(402, recent.Count);
        Assert.True(recent.TryAdd(new Snowflake(150)));
        Assert.False(recent.TryAdd(new Snowflake(201)));
    }

    [Fact]
    public void A_capacity_of_zero_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new RecentInteractionIds(_time, TimeSpan.FromMinutes(1), capacity: 0));
    }
}
