using MiracleCell.Bot.Interactions;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Commands;

/// <summary>Shorthands for command and option declarations with their Indonesian localisations.</summary>
internal static class Define
{
    public static IReadOnlyList<InteractionContextType> GuildsAndDms { get; } =
        [InteractionContextType.Guild, InteractionContextType.BotDm];

    public static IReadOnlyList<int> GuildInstall { get; } = [0];

    public static IReadOnlyDictionary<string, string> Id(string text) =>
        new Dictionary<string, string>(StringComparer.Ordinal) { ["id"] = text };

    public static ApplicationCommand Slash(
        string name, string idName, string description, string idDescription,
        params IReadOnlyList<OptionDeclaration> options) => new()
        {
            Type = ApplicationCommandType.ChatInput,
            Name = name,
            NameLocalizations = Id(idName),
            Description = description,
            DescriptionLocalizations = Id(idDescription),
            Options = options.Count > 0 ? [.. options.Select(o => o.Definition)] : null,
            Contexts = GuildsAndDms,
            IntegrationTypes = GuildInstall,
        };

    public static SubcommandDeclaration Sub(
        string name, string idName, string description, string idDescription,
        params IReadOnlyList<OptionDeclaration> options) =>
        new(Option(ApplicationCommandOptionType.SubCommand, name, idName, description, idDescription) with
        {
            Options = options.Count > 0 ? [.. options.Select(o => o.Definition)] : null,
        });

    public static TextOption Text(
        string name, string idName, string description, string idDescription,
        bool autocomplete = false, int? maxLength = null) =>
        new(TextDefinition(name, idName, description, idDescription, required: false, autocomplete, maxLength));

    public static RequiredTextOption RequiredText(
        string name, string idName, string description, string idDescription,
        bool autocomplete = false, int? maxLength = null) =>
        new(TextDefinition(name, idName, description, idDescription, required: true, autocomplete, maxLength));

    public static FlagOption Flag(string name, string idName, string description, string idDescription) =>
        new(Option(ApplicationCommandOptionType.Boolean, name, idName, description, idDescription));

    public static IntegerOption Integer(
        string name, string idName, string description, string idDescription, int min, int max) =>
        new(Option(ApplicationCommandOptionType.Integer, name, idName, description, idDescription) with
        {
            MinValue = min,
            MaxValue = max,
        });

    /// <summary>A text option with fixed choices: (label, Indonesian label, value sent, what it stands for).</summary>
    public static ChoiceOption<T> Choice<T>(
        string name, string idName, string description, string idDescription,
        params (string Label, string IdLabel, string Value, T Means)[] choices)
        where T : struct =>
        new(Option(ApplicationCommandOptionType.String, name, idName, description, idDescription) with
        {
            Choices = [.. choices.Select(c =>
                ApplicationCommandOptionChoice.Of(c.Label, c.Value) with { NameLocalizations = Id(c.IdLabel) })],
        },
        choices.ToDictionary(c => c.Value, c => c.Means, StringComparer.Ordinal));

    public static UserOption User(string name, string idName, string description, string idDescription) =>
        new(Option(ApplicationCommandOptionType.User, name, idName, description, idDescription));

    private static ApplicationCommandOption TextDefinition(
        string name, string idName, string description, string idDescription,
        bool required, bool autocomplete, int? maxLength) =>
        Option(ApplicationCommandOptionType.String, name, idName, description, idDescription) with
        {
            Required = required ? true : null,
            Autocomplete = autocomplete ? true : null,
            MinLength = maxLength is null ? null : 1,
            MaxLength = maxLength,
        };

    private static ApplicationCommandOption Option(
        ApplicationCommandOptionType type, string name, string idName, string description, string idDescription) =>
            new()
        {
            Type = type,
            Name = name,
            NameLocalizations = Id(idName),
            Description = description,
            DescriptionLocalizations = Id(idDescription),
        };
}
