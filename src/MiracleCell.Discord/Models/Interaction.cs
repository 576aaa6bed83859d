using System.Text.Json.Serialization;

namespace MiracleCell.Discord.Models;

/// <summary>An interaction as Discord delivers it in <c>INTERACTION_CREATE</c>.</summary>
public sealed record Interaction
{
    public required Snowflake Id { get; init; }
    public required Snowflake ApplicationId { get; init; }
    public required InteractionType Type { get; init; }
    public InteractionData? Data { get; init; }
    public Snowflake? GuildId { get; init; }
    public Snowflake? ChannelId { get; init; }
    /// <summary>Present in guilds; the invoking user is <c>member.user</c>.</summary>
    public GuildMember? Member { get; init; }
    /// <summary>Present in DMs only.</summary>
    public User? User { get; init; }
    public required string Token { get; init; }
    public int Version { get; init; } = 1;
    public Message? Message { get; init; }
    public string? AppPermissions { get; init; }
    public string? Locale { get; init; }
    public string? GuildLocale { get; init; }
    public InteractionContextType? Context { get; init; }

    /// <summary>Whoever invoked the interaction, in a guild or a DM.</summary>
    [JsonIgnore]
    public User? Invoker => Member?.User ?? User;
}

public enum InteractionType
{
    Ping = 1,
    ApplicationCommand = 2,
    MessageComponent = 3,
    ApplicationCommandAutocomplete = 4,
    ModalSubmit = 5,
}

public enum InteractionContextType
{
    Guild = 0,
    BotDm = 1,
    PrivateChannel = 2,
}

/// <summary>
/// The <c>data</c> of an interaction. Discord's shape depends on the interaction type; the fields of
/// every shape are here, and those that do not apply stay null.
/// </summary>
public sealed record InteractionData
{
    // Application commands and autocomplete.
    public Snowflake? Id { get; init; }
    public string? Name { get; init; }
    public ApplicationCommandType? Type { get; init; }
    public IReadOnlyList<InteractionDataOption>? Options { get; init; }
    public ResolvedData? Resolved { get; init; }
    public Snowflake? GuildId { get; init; }
    public Snowflake? TargetId { get; init; }

    // Message components and modals.
    public string? CustomId { get; init; }
    public ComponentType? ComponentType { get; init; }
    public IReadOnlyList<string>? Values { get; init; }
}

/// <summary>An option the user filled in; either <see cref="Value"/> or nested <see cref="Options"/>.</summary>
public sealed record InteractionDataOption
{
    public required string Name { get; init; }
    public required ApplicationCommandOptionType Type { get; init; }
    /// <summary>A string, integer, double or boolean, as JSON.</summary>
    public System.Text.Json.JsonElement? Value { get; init; }
    public IReadOnlyList<InteractionDataOption>? Options { get; init; }
    public bool? Focused { get; init; }
}

public sealed record ResolvedData
{
    public IReadOnlyDictionary<string, User>? Users { get; init; }
    public IReadOnlyDictionary<string, GuildMember>? Members { get; init; }
    public IReadOnlyDictionary<string, Message>? Messages { get; init; }
}
