using MiracleCell.Core.Search;
using MiracleCell.Core.Text;

namespace MiracleCell.Core.Films;

/// <summary>
/// Every film the bot serves, each with its name indexes, by id. The first film is the default: the one a server
/// that has not chosen a film with <c>/club</c> gets.
/// </summary>
public sealed class FilmLibrary
{
    private readonly Dictionary<string, FilmCatalog> _byId;

    /// <param name="packs">The films, the default first; their ids must differ.</param>
    public FilmLibrary(IEnumerable<FilmPack> packs)
    {
        ArgumentNullException.ThrowIfNull(packs);
        Films = [.. packs.Select(pack => new FilmCatalog(pack))];
        if (Films.Count == 0) throw new ArgumentException("A film library holds at least one film.", nameof(packs));
        _byId = new Dictionary<string, FilmCatalog>(StringComparer.OrdinalIgnoreCase);
        foreach (var film in Films)
        {
            if (!_byId.TryAdd(film.Pack.Film.Id, film))
                throw new ArgumentException($"Two films have the id '{film.Pack.Film.Id}'.", nameof(packs));
        }
    }

    /// <summary>A library of one film.</summary>
    public static FilmLibrary Of(FilmPack pack) => new([pack]);

    /// <summary>The films in library order (the default first).</summary>
    public IReadOnlyList<FilmCatalog> Films { get; }

    /// <summary>The film of a server that has not chosen one.</summary>
    public FilmCatalog Default => Films[0];

    public IEnumerable<string> Ids => Films.Select(f => f.Pack.Film.Id);

    /// <summary>The film with this id (case-insensitive), if the library holds it.</summary>
    public FilmCatalog? Find(string? id) =>
        id is not null && _byId.TryGetValue(id.Trim(), out var film) ? film : null;

    /// <summary>The film <paramref name="typed"/> names: its id, or one of its titles in any language.</summary>
    public FilmCatalog? Resolve(string typed)
    {
        ArgumentNullException.ThrowIfNull(typed);
        if (Find(typed) is { } byId) return byId;
        var key = NameNormalizer.Normalize(typed);
        if (key.Length == 0) return null;
        var matches = Films.Where(f => Titles(f).Any(t => NameNormalizer.Normalize(t) == key)).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    /// <summary>
    /// The films whose title in <paramref name="locale"/> (or another title, or id) matches what is typed, best first:
    /// a title or id that starts with it, then one with a word that does, then one that contains it.
    /// Every film, in library order, when nothing is typed.
    /// </summary>
    public IReadOnlyList<FilmCatalog> Suggest(string? typed, Locale locale, int max)
    {
        var key = NameNormalizer.Normalize(typed ?? "");
        if (key.Length == 0) return [.. Films.Take(max)];
        return [.. Films
            .Select((film, index) => (film, index, rank: Rank(film, key, locale)))
            .Where(x => x.rank < int.MaxValue)
            .OrderBy(x => x.rank).ThenBy(x => x.index)
            .Select(x => x.film)
            .Take(max)];
    }

    private static int Rank(FilmCatalog film, string key, Locale locale)
    {
        var own = film.Pack.Film.Titles.Display[locale];
        var others = Titles(film).Append(film.Pack.Film.Id).ToList();
        if (Starts(own, key)) return 0;
        if (others.Any(t => Starts(t, key))) return 1;
        if (Words(own).Any(w => w.StartsWith(key, StringComparison.Ordinal))) return 2;
        if (others.Any(t => Words(t).Any(w => w.StartsWith(key, StringComparison.Ordinal)))) return 3;
        if (others.Prepend(own).Any(t => NameNormalizer.Normalize(t).Contains(key, StringComparison.Ordinal))) return 4;
        return int.MaxValue;
    }

    private static bool Starts(string title, string key) =>
        NameNormalizer.Normalize(title).StartsWith(key, StringComparison.Ordinal);

    private static IEnumerable<string> Words(string title) =>
        title.Split([' ', '-', '.', ':', ','], StringSplitOptions.RemoveEmptyEntries).Select(NameNormalizer.Normalize);

    private static IEnumerable<string> Titles(FilmCatalog film)
    {
        var titles = film.Pack.Film.Titles;
        return [titles.Display.En, titles.Display.Id, titles.Original, titles.OriginalRomanized];
    }
}
