using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Interactions;

/// <summary>Command, option and choice names as the reader's Discord client shows them.</summary>
public static class LocalizedNames
{
    public static string Of(ApplicationCommand command, Locale locale) =>
        Pick(command.Name, command.NameLocalizations, locale);

    public static string Of(ApplicationCommandOption option, Locale locale) =>
        Pick(option.Name, option.NameLocalizations, locale);

    public static string DescriptionOf(ApplicationCommand command, Locale locale) =>
        Pick(command.Description, command.DescriptionLocalizations, locale);

    private static string Pick(string name, IReadOnlyDictionary<string, string>? localizations, Locale locale) =>
        locale != Locale.English && localizations?.GetValueOrDefault(locale.Code()) is { Length: > 0 } localized
            ? localized
            : name;
}
