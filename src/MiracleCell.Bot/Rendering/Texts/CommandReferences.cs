using MiracleCell.Bot.Interactions;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Rendering.Texts;

/// <summary>
/// Resolves a text's references to commands, options and choices, written with their English names
/// (<c>/trivia start</c>, <c>recap.part</c>, <c>trivia.start.spoilers.allow</c>), into the names the reader's
/// Discord client shows (<c>/kuis mulai</c>, <c>bagian</c>, <c>izinkan</c>), from the declarations.
/// </summary>
internal sealed class CommandReferences(IReadOnlyList<ApplicationCommand> declarations)
{
    /// <summary>The reference in <paramref name="locale"/>, or null when it names nothing declared.</summary>
    public string? Resolve(TextPart reference, Locale locale) => reference.Kind switch
    {
        TextPartKind.Command => Command(reference.Value[1..].Split(' '), locale),
        TextPartKind.Option => Option(reference.Value.Split('.'), locale),
        TextPartKind.Choice => Choice(reference.Value.Split('.'), locale),
        _ => null,
    };

    private string? Command(string[] path, Locale locale)
    {
        var command = declarations.FirstOrDefault(c =>
            c.Type == ApplicationCommandType.ChatInput && c.Name == path[0]);
        if (command is null) return null;
        var names = new List<string> { LocalizedNames.Of(command, locale) };
        var options = command.Options;
        foreach (var name in path.Skip(1))
        {
            var sub = options?.FirstOrDefault(o => o.Name == name && o.Type is ApplicationCommandOptionType.SubCommand
                or ApplicationCommandOptionType.SubCommandGroup);
            if (sub is null) return null;
            names.Add(LocalizedNames.Of(sub, locale));
            options = sub.Options;
        }
        return "/" + string.Join(' ', names);
    }

    private string? Option(string[] path, Locale locale) =>
        Find(path) is { Type: not (ApplicationCommandOptionType.SubCommand
            or ApplicationCommandOptionType.SubCommandGroup) } option
            ? LocalizedNames.Of(option, locale)
            : null;

    private string? Choice(string[] path, Locale locale)
    {
        if (path.Length < 3 || Find(path[..^1]) is not { Choices: { } choices }) return null;
        var choice = choices.FirstOrDefault(c => c.Value.ToString() == path[^1]);
        if (choice is null) return null;
        return locale != Locale.English && choice.NameLocalizations?.GetValueOrDefault(locale.Code()) is
            { Length: > 0 } localized
            ? localized
            : choice.Name;
    }

    /// <summary>The option at command.[subcommand.]option, by English names.</summary>
    private ApplicationCommandOption? Find(string[] path)
    {
        if (path.Length < 2) return null;
        var options = declarations.FirstOrDefault(c =>
            c.Type == ApplicationCommandType.ChatInput && c.Name == path[0])?.Options;
        ApplicationCommandOption? found = null;
        foreach (var name in path.Skip(1))
        {
            found = options?.FirstOrDefault(o => o.Name == name);
            if (found is null) return null;
            options = found.Options;
        }
        return found;
    }
}
