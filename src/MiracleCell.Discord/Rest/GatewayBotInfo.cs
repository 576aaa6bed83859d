namespace MiracleCell.Discord.Rest;

/// <summary>The answer of <c>GET /gateway/bot</c>: where to connect, how many shards, how fast to identify.</summary>
public sealed record GatewayBotInfo
{
    public required Uri Url { get; init; }
    public int Shards { get; init; } = 1;
    public required SessionStartLimit SessionStartLimit { get; init; }
}

public sealed record SessionStartLimit
{
    public int Total { get; init; }
    public int Remaining { get; init; }
    /// <summary>Milliseconds until <see cref="Remaining"/> resets.</summary>
    public long ResetAfter { get; init; }
    /// <summary>How many shards may identify per 5 seconds.</summary>
    public int MaxConcurrency { get; init; } = 1;
}

/// <summary>The answer of <c>GET /applications/@me</c> (the fields the bot reads).</summary>
public sealed record CurrentApplication
{
    public required Snowflake Id { get; init; }
    public required string Name { get; init; }
}
