using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Commands;

/// <summary>Shorthands for command definitions with their Indonesian localisations.</summary>
internal static class Define
{
    public static IReadOnlyList<InteractionContextType> GuildsAndDms { get; } = [InteractionContextType.Guild, InteractionContextType.BotDm];

    public static IReadOnlyList<int> GuildInstall { get; } = [0];

    public static IReadOnlyDictionary<string, string> Id(string text) => new Dictionary<string, string>(StringComparer.Ordinal) { ["id"] = text };

    public static ApplicationCommand Slash(string name, string idName, string description, string idDescription, params IReadOnlyList<ApplicationCommandOption> options) => new()
    {
        Type = ApplicationCommandType.ChatInput,
        Name = name,
        NameLocalizations = Id(idName),
        Description = description,
        DescriptionLocalizations = Id(idDescription),
        Options = options.Count > 0 ? options : null,
        Contexts = GuildsAndDms,
        IntegrationTypes = GuildInstall,
    };

    public static ApplicationCommandOption Text(
        string name, string idName, string description, string idDescription,
        bool required = false, bool autocomplete = false, int? maxLength = null) => new()
        {
            Type = ApplicationCommandOptionType.String,
            Name = name,
            NameLocalizations = Id(idName),
            Description = description,
            DescriptionLocalizations = Id(idDescription),
            Required = required ? true : null,
            Autocomplete = autocomplete ? true : null,
            MinLength = maxLength is null ? null : 1,
            MaxLength = maxLength,
        };

    public static ApplicationCommandOption Flag(string name, string idName, string description, string idDescription) => new()
    {
        Type = ApplicationCommandOptionType.Boolean,
        Name = name,
        NameLocalizations = Id(idName),
        Description = description,
        DescriptionLocalizations = Id(idDescription),
    };
}
