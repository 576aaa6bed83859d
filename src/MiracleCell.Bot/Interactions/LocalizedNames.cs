using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Interactions;

/// <summary>Command, option and choice names as the reader's Discord client shows them.</summary>
internal static class LocalizedNames
{
    public static string Of(ApplicationCommand command, Locale locale) =>
        Pick(command.Name, command.NameLocalizations, locale);

    public static string Of(ApplicationCommandOption option, Locale locale) =>
        Pick(option.Name, option.NameLocalizations, locale);

    public static string DescriptionOf(ApplicationCommand command, Locale locale) =>
        Pick(command.Description, command.DescriptionLocalizations, locale);

    /// <summary>A command's name in every locale, e.g. (help, bantuan).</summary>
    public static LocalizedText Text(ApplicationCommand command) =>
        new(command.Name, Of(command, Locale.Indonesian));

    /// <summary>An option's name in every locale, e.g. (actor, aktor).</summary>
    public static LocalizedText Text(ApplicationCommandOption option) =>
        new(option.Name, Of(option, Locale.Indonesian));

    private static string Pick(string name, IReadOnlyDictionary<string, string>? localizations, Locale locale) =>
        locale != Locale.English && localizations?.GetValueOrDefault(locale.Code()) is { Length: > 0 } localized
            ? localized
            : name;
}
