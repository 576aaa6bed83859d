using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MiracleCell.Bot.Interactions;
using MiracleCell.Bot.Rendering;
using MiracleCell.Core.Films;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;
using MiracleCell.Storage;

namespace MiracleCell.Bot.Clubs;

/// <summary>
/// Which film of the library a reply is about: the one the <c>film</c> option names, else the server's current film
/// (chosen with <c>/club</c>), else the library's default. A club store that cannot be read gives the default.
/// </summary>
internal sealed class FilmChooser(FilmLibrary library, IServiceProvider services, ILogger<FilmChooser> logger)
{
    public FilmLibrary Library => library;

    /// <summary>The film <paramref name="typed"/> names, or the server's current film when nothing is typed.</summary>
    /// <exception cref="UserErrorException">No film of the library answers to <paramref name="typed"/>.</exception>
    public async ValueTask<FilmCatalog> ChooseAsync(
        Interaction interaction, string? typed, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(typed) ? await CurrentAsync(interaction, cancellationToken) : Named(typed);

    /// <summary>
    /// The film for the choices of an option typed beside <c>film</c>: the one typed there while it names a film
    /// (it may be half typed), else the server's current film.
    /// </summary>
    public async ValueTask<FilmCatalog> BesideAsync(
        Interaction interaction, string? typed, CancellationToken cancellationToken) =>
        (string.IsNullOrWhiteSpace(typed) ? null : library.Resolve(typed))
            ?? await CurrentAsync(interaction, cancellationToken);

    /// <summary>The film <paramref name="typed"/> names (id or title).</summary>
    /// <exception cref="UserErrorException">No film of the library answers to it.</exception>
    public FilmCatalog Named(string typed) => library.Resolve(typed) ?? throw new UserErrorException(
        new UserError(UserErrorKind.BadOption, Strings.UnknownFilm(typed, library.Ids)));

    /// <summary>The server's current film; the default outside a server, where none is set, or when it left.</summary>
    public async ValueTask<FilmCatalog> CurrentAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        // One film: nothing to look up.
        if (library.Films.Count == 1 || interaction.GuildId is not { } guild
            || services.GetService<IClubStore>() is not { } store)
            return library.Default;
        try
        {
            var club = await store.GetClubAsync(guild, cancellationToken);
            return library.Find(club.CurrentFilmId) ?? library.Default;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Club settings of guild {GuildId} unreadable; replying about the default film",
                guild);
            return library.Default;
        }
    }

    /// <summary>Autocomplete choices for a <c>film</c> option: titles in the reader's language, ids as values.
    /// </summary>
    public IReadOnlyList<ApplicationCommandOptionChoice> Choices(string? typed, Locale locale) =>
        [.. library.Suggest(typed, locale, InteractionRouter.MaxAutocompleteChoices)
            .Select(film => ApplicationCommandOptionChoice.Of(
                ReplyRenderer.Fit(Strings.FilmChoice(film.Pack.Film, locale), MessageLimits.ChoiceName),
                film.Pack.Film.Id))];

    /// <summary>A paged reply's state with the film it is about: <c>{film id}/{state}</c>.</summary>
    public static string State(FilmCatalog film, string state)
    {
        ArgumentNullException.ThrowIfNull(film);
        return $"{film.Pack.Film.Id}/{state}";
    }

    /// <summary>
    /// The film and state of a page button; a state without a film (a button from before the library) is the
    /// default film's.
    /// </summary>
    /// <exception cref="UserErrorException">The film is no longer in the library.</exception>
    public (FilmCatalog Film, string State) FromState(string state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var slash = state.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0) return (library.Default, state);
        var film = library.Find(state[..slash])
            ?? throw new UserErrorException(new UserError(UserErrorKind.Unusable, Strings.UnknownButton));
        return (film, state[(slash + 1)..]);
    }
}
