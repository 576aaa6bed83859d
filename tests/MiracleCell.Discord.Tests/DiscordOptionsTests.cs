namespace MiracleCell.Discord.Tests;

public sealed class DiscordOptionsTests
{
    [Fact]
    public void A_single_shard_handles_every_guild()
    {
        var options = new DiscordOptions();

        Assert.True(options.HandlesGuild(new Snowflake(1)));
        Assert.True(options.HandlesGuild(new Snowflake(ulong.MaxValue)));
    }

    [Theory]
    [InlineData(0UL, 0)]
    [InlineData(4_194_303UL, 0)]             // below 2^22: the timestamp part is 0
    [InlineData(4_194_304UL, 1)]             // 2^22
    [InlineData(175_928_847_299_117_063UL, 0)] // a real-sized id: (id >> 22) % 2 == 0
    public void A_guild_belongs_to_the_shard_Discord_computes_from_its_id(ulong id, int shard)
    {
        var guild = new Snowflake(id);
        Assert.True(new DiscordOptions { ShardId = shard, ShardCount = 2 }.HandlesGuild(guild));
        Assert.False(new DiscordOptions { ShardId = 1 - shard, ShardCount = 2 }.HandlesGuild(guild));
    }

    [Fact]
    public void A_process_running_several_shards_handles_the_guilds_of_each()
    {
        var options = new DiscordOptions { ShardIds = "1,3", ShardCount = 4 };
        Snowflake GuildOn(int shard) => new((ulong)shard << 22);

        Assert.Equal([1, 3], options.OwnShardIds());
        Assert.True(options.HandlesGuild(GuildOn(1)));
        Assert.True(options.HandlesGuild(GuildOn(3)));
        Assert.False(options.HandlesGuild(GuildOn(0)));
        Assert.False(options.HandlesGuild(GuildOn(2)));
    }

    [Fact]
    public void Shard_id_alone_is_a_set_of_one() =>
        Assert.Equal([2], new DiscordOptions { ShardId = 2, ShardCount = 3 }.OwnShardIds());
}
