namespace MiracleCell.Discord.Models;

public sealed record User
{
    public required Snowflake Id { get; init; }
    public required string Username { get; init; }
    public string? GlobalName { get; init; }
    public string? Discriminator { get; init; }
    public bool? Bot { get; init; }
}

public sealed record GuildMember
{
    /// <summary>Absent on members inside <c>resolved</c>.</summary>
    public User? User { get; init; }
    public string? Nick { get; init; }
    /// <summary>The member's permissions in the channel, a bit set as a decimal string.</summary>
    public string? Permissions { get; init; }
}
