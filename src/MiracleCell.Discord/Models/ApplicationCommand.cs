using System.Text.Json;

namespace MiracleCell.Discord.Models;

/// <summary>A command definition as sent to the bulk-overwrite endpoints.</summary>
public sealed record ApplicationCommand
{
    /// <summary>Set on commands Discord returns; never sent.</summary>
    public Snowflake? Id { get; init; }
    public ApplicationCommandType Type { get; init; } = ApplicationCommandType.ChatInput;
    public required string Name { get; init; }
    public IReadOnlyDictionary<string, string>? NameLocalizations { get; init; }
    /// <summary>1–100 characters for slash commands; empty for user and message commands.</summary>
    public required string Description { get; init; }
    public IReadOnlyDictionary<string, string>? DescriptionLocalizations { get; init; }
    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }
    /// <summary>A permission bit set as a decimal string; null lets everyone use the command.</summary>
    public string? DefaultMemberPermissions { get; init; }
    public IReadOnlyList<InteractionContextType>? Contexts { get; init; }
    public IReadOnlyList<int>? IntegrationTypes { get; init; }
}

public enum ApplicationCommandType
{
    ChatInput = 1,
    User = 2,
    Message = 3,
}

public sealed record ApplicationCommandOption
{
    public required ApplicationCommandOptionType Type { get; init; }
    public required string Name { get; init; }
    public IReadOnlyDictionary<string, string>? NameLocalizations { get; init; }
    public required string Description { get; init; }
    public IReadOnlyDictionary<string, string>? DescriptionLocalizations { get; init; }
    public bool? Required { get; init; }
    public IReadOnlyList<ApplicationCommandOptionChoice>? Choices { get; init; }
    public IReadOnlyList<ApplicationCommandOption>? Options { get; init; }
    public double? MinValue { get; init; }
    public double? MaxValue { get; init; }
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
    public bool? Autocomplete { get; init; }
}

public enum ApplicationCommandOptionType
{
    SubCommand = 1,
    SubCommandGroup = 2,
    String = 3,
    Integer = 4,
    Boolean = 5,
    User = 6,
    Channel = 7,
    Role = 8,
    Mentionable = 9,
    Number = 10,
    Attachment = 11,
}

/// <summary>A fixed choice on an option, or an autocomplete suggestion.</summary>
public sealed record ApplicationCommandOptionChoice
{
    public required string Name { get; init; }
    public IReadOnlyDictionary<string, string>? NameLocalizations { get; init; }
    /// <summary>A string, integer or double.</summary>
    public required JsonElement Value { get; init; }

    public static ApplicationCommandOptionChoice Of(string name, string value) =>
        new() { Name = name, Value = JsonSerializer.SerializeToElement(value, DiscordJsonContext.Default.String) };

    public static ApplicationCommandOptionChoice Of(string name, long value) =>
        new() { Name = name, Value = JsonSerializer.SerializeToElement(value, DiscordJsonContext.Default.Int64) };
}
