using MiracleCell.Bot.Interactions;

namespace MiracleCell.Bot.Commands;

/// <summary>
/// The <c>film</c> option of <c>/film</c>, <c>/recap</c>, <c>/character</c>, <c>/cast</c> and <c>/trivia start</c>:
/// a film of the library, chosen by autocomplete; left out, the server's current film.
/// </summary>
internal static class FilmOption
{
    public static TextOption Film { get; } = Define.Text(
        "film", "film",
        "Which film of the library (default: the club's current film)",
        "Film mana dari pustaka (bawaan: film klub saat ini)",
        autocomplete: true, maxLength: 100);

    /// <summary>The film typed beside the option being autocompleted (a part, a name), if any.</summary>
    public static string? Beside(AutocompleteContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Given is { } given && !context.Focuses(Film) ? Film.Read(given) : null;
    }
}
