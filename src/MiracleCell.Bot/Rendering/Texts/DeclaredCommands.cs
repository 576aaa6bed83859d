using MiracleCell.Bot.Commands;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Rendering.Texts;

/// <summary>
/// The declarations that texts may name. A test holds this list to the commands the bot registers, so a command
/// added with <c>AddCommand</c> but missing here fails there, not in a reply.
/// </summary>
internal static class DeclaredCommands
{
    public static IReadOnlyList<ApplicationCommand> All =>
    [
        HelpCommand.Command, FilmCommand.Command, RecapCommand.Command, CharacterCommand.Command,
        CastCommand.Command, SpoilerCommand.Command, HideSpoilersCommand.Command, TriviaCommand.Command,
        TriviaResetCommand.Command, ClubCommand.Command,
    ];
}
