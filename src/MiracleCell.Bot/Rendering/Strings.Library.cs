using System.Globalization;
using MiracleCell.Core.Films;
using MiracleCell.Core.Text;

namespace MiracleCell.Bot.Rendering;

/// <summary>Texts about the film library: choosing a film and listing the films a server can choose.</summary>
internal static partial class Strings
{
    /// <summary>An autocomplete choice of the <c>film</c> option: its title in the reader's language and year.
    /// </summary>
    public static string FilmChoice(Film film, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(film);
        return $"{film.Titles.Display[locale]} ({film.Year.ToString(CultureInfo.InvariantCulture)})";
    }

    public static LocalizedText ClubLibrary { get; } = T("Films to choose from", "Film yang bisa dipilih");

    /// <summary>Under /club when the library holds more than one film.</summary>
    public static LocalizedText ClubLibraryHint { get; } = T(
        "Manage Server: choose the club's film with `film`; anyone can ask about another film with the `film` option "
            + "of /film, /recap, /character, /cast and /trivia start.",
        "Kelola Server: pilih film klub dengan `film`; siapa pun bisa bertanya tentang film lain dengan opsi `film` "
            + "di /film, /ringkasan, /tokoh, /pemeran, dan /kuis mulai.");
}
