namespace MiracleCell.Discord.Models;

/// <summary>A message as Discord returns it (the fields the bot reads).</summary>
public sealed record Message
{
    public required Snowflake Id { get; init; }
    public required Snowflake ChannelId { get; init; }
    public User? Author { get; init; }
    public string? Content { get; init; }
    public IReadOnlyList<Embed>? Embeds { get; init; }
    public IReadOnlyList<Component>? Components { get; init; }
    public MessageFlags? Flags { get; init; }
    public Snowflake? GuildId { get; init; }
}

/// <summary>
/// The body of a message the bot sends: an interaction reply, a follow-up, an edit or a channel message.
/// Null fields are left out of the JSON.
/// </summary>
public sealed record MessagePayload
{
    public string? Content { get; init; }
    public IReadOnlyList<Embed>? Embeds { get; init; }
    public IReadOnlyList<Component>? Components { get; init; }
    public AllowedMentions? AllowedMentions { get; init; }
    public MessageFlags? Flags { get; init; }
}

[Flags]
public enum MessageFlags
{
    None = 0,
    SuppressEmbeds = 1 << 2,
    Ephemeral = 1 << 6,
    SuppressNotifications = 1 << 12,
}

/// <summary>Which mentions in a message may ping. <see cref="None"/> pings nobody.</summary>
public sealed record AllowedMentions
{
    public IReadOnlyList<string> Parse { get; init; } = [];
    public bool? RepliedUser { get; init; }

    public static AllowedMentions None { get; } = new();
}
