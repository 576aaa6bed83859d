namespace MiracleCell.Discord;

/// <summary>The <c>Discord</c> configuration section. Validated at start-up by
/// <c>DiscordOptionsValidator</c>.</summary>
public sealed class DiscordOptions
{
    public const string SectionName = "Discord";

    /// <summary>The bot token from the Developer Portal, without the "Bot " prefix. Also read from
    /// <c>Discord__Token</c>.</summary>
    public string Token { get; set; } = "";

    /// <summary>REST base URL; point it at a local Discord-compatible server for tests.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://discord.com/api/v10/");

    /// <summary>Gateway URL; when unset, the bot asks <c>GET /gateway/bot</c>.</summary>
    public Uri? GatewayUrl { get; set; }

    /// <summary>When set, commands are registered in this guild only (instant updates while developing).</summary>
    public ulong? DevGuildId { get; set; }

    /// <summary>
    /// This process's shard, 0-based, when it runs one. Kept as a synonym of <see cref="ShardIds"/> with one id;
    /// set one of the two.
    /// </summary>
    public int ShardId { get; set; }

    /// <summary>
    /// The shards this process runs, one gateway connection each: ids and ranges such as <c>0-3</c> or <c>0,2</c>.
    /// Empty means the one shard <see cref="ShardId"/>.
    /// </summary>
    public string ShardIds { get; set; } = "";

    /// <summary>How many shards split the guilds in all processes together; 1 for a single shard.</summary>
    public int ShardCount { get; set; } = 1;

    /// <summary>The shards this process runs, sorted: <see cref="ShardIds"/> parsed, or <see cref="ShardId"/>
    /// alone.</summary>
    /// <exception cref="InvalidOperationException">ShardIds cannot be parsed (the validator reports it at
    /// start).</exception>
    public IReadOnlyList<int> OwnShardIds()
    {
        if (string.IsNullOrWhiteSpace(ShardIds)) return [ShardId];
        return ShardIdList.TryParse(ShardIds, out var problem)
            ?? throw new InvalidOperationException($"Discord:ShardIds: {problem}");
    }

    /// <summary>True when this process runs shard <paramref name="shardId"/>.</summary>
    public bool HoldsShard(int shardId) => OwnShardIds().Contains(shardId);

    /// <summary>
    /// True when Discord sends one of this process's shards the events of <paramref name="guildId"/>:
    /// <c>(guild_id &gt;&gt; 22) % shard_count</c> is among <see cref="OwnShardIds"/>.
    /// </summary>
    public bool HandlesGuild(Snowflake guildId) =>
        ShardCount <= 1 || HoldsShard((int)((guildId.Value >> 22) % (ulong)ShardCount));
}
