namespace MiracleCell.Discord;

/// <summary>The <c>Discord</c> configuration section. Validated at start-up by <c>DiscordOptionsValidator</c>.</summary>
public sealed class DiscordOptions
{
    public const string SectionName = "Discord";

    /// <summary>The bot token from the Developer Portal, without the "Bot " prefix. Also read from <c>Discord__Token</c>.</summary>
    public string Token { get; set; } = "";

    /// <summary>REST base URL; point it at a local Discord-compatible server for tests.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://discord.com/api/v10/");

    /// <summary>Gateway URL; when unset, the bot asks <c>GET /gateway/bot</c>.</summary>
    public Uri? GatewayUrl { get; set; }

    /// <summary>When set, commands are registered in this guild only (instant updates while developing).</summary>
    public ulong? DevGuildId { get; set; }

    /// <summary>This process's shard, 0-based.</summary>
    public int ShardId { get; set; }

    /// <summary>How many shards split the guilds; 1 for a single process.</summary>
    public int ShardCount { get; set; } = 1;

    /// <summary>True when Discord sends this process's shard the events of <paramref name="guildId"/>: <c>(guild_id &gt;&gt; 22) % shard_count</c>.</summary>
    public bool HandlesGuild(ulong guildId) => ShardCount <= 1 || (guildId >> 22) % (ulong)ShardCount == (ulong)ShardId;
}
