using MiracleCell.Bot.Commands;
using MiracleCell.Bot.Interactions;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Rendering;

/// <summary>
/// Transitional, for texts still written with <c>T(en, id)</c>: commands and options by their declarations' names in
/// each locale. Texts in the tables name them with placeholders instead (<c>{/help}</c>, <c>{option:recap.part}</c>).
/// </summary>
internal static partial class Strings
{
    private static LocalizedText Help => Slash(HelpCommand.Command);
    private static LocalizedText Cast => Slash(CastCommand.Command);
    private static LocalizedText CastActor => CastCommand.Actor.Names;
    private static LocalizedText Character => Slash(CharacterCommand.Command);
    private static LocalizedText CharacterName => CharacterCommand.Name.Names;
    private static LocalizedText Recap => Slash(RecapCommand.Command);
    private static LocalizedText RecapPart => RecapCommand.Part.Names;
    private static LocalizedText RecapSpoilers => RecapCommand.Spoilers.Names;
    private static LocalizedText Trivia => Slash(TriviaCommand.Command);
    private static LocalizedText TriviaStart => Slash(TriviaCommand.Command, TriviaCommand.Start);
    private static LocalizedText TriviaStop => Slash(TriviaCommand.Command, TriviaCommand.Stop);
    private static LocalizedText TriviaDifficulty => TriviaCommand.Difficulty.Names;
    private static LocalizedText TriviaSpoilers => TriviaCommand.Spoilers.Names;
    private static LocalizedText TriviaWholeFilm => TriviaCommand.WholeFilm.Names;
    private static LocalizedText Club => Slash(ClubCommand.Command);
    private static LocalizedText ClubFilmOption => ClubCommand.Film.Names;
    private static LocalizedText ClubWatchedOption => ClubCommand.Watched.Names;
    private static LocalizedText ClubMineOption => ClubCommand.Mine.Names;
    private static LocalizedText TriviaReset => Slash(TriviaResetCommand.Command);

    /// <summary><c>/command</c> or <c>/command subcommand</c> in every locale.</summary>
    private static LocalizedText Slash(ApplicationCommand command, SubcommandDeclaration? subcommand = null)
    {
        var name = LocalizedNames.Text(command);
        if (subcommand is null) return new LocalizedText("/" + name.En, "/" + name.Id);
        var sub = subcommand.Names;
        return new LocalizedText($"/{name.En} {sub.En}", $"/{name.Id} {sub.Id}");
    }
}
