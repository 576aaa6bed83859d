using System.Collections.Concurrent;
using System.Globalization;
using MiracleCell.Bot.Clubs;
using MiracleCell.Bot.Interactions;
using MiracleCell.Bot.Rendering;
using MiracleCell.Core.Films;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Commands;

/// <summary>
/// <c>/film [film]</c>: titles, year, director, runtime, the spoiler-free premise, production facts and remakes of a
/// film of the library (the server's current film by default). The reply depends only on the film and the reader's
/// language, so each film's pages are rendered once per locale and kept.
/// </summary>
internal sealed class FilmCommand(FilmChooser films)
    : SlashCommand<FilmOptions>, IAutocompleteCommand, IPagedCommand, IDeclaredCommand
{
    public const int Color = 0xF2B134;

    private readonly ConcurrentDictionary<(string FilmId, Locale Locale), IReadOnlyList<MessagePayload>> _pages = new();

    public static ApplicationCommand Command { get; } = Define.Slash(
        "film", "film",
        "About the film: titles, year, director, runtime, premise (spoiler-free), remakes",
        "Tentang film: judul, tahun, sutradara, durasi, premis (bebas spoiler), versi adaptasi",
        FilmOption.Film);

    public override ApplicationCommand Definition => Command;

    public override AcknowledgementMode Acknowledgement => AcknowledgementMode.Immediate;

    public string PageKey => "film";

    public override FilmOptions Bind(GivenOptions given) => new(FilmOption.Film.Read(given));

    protected override async ValueTask<CommandResult> HandleAsync(
        CommandContext context, FilmOptions options, CancellationToken cancellationToken)
    {
        var catalog = await films.ChooseAsync(context.Interaction, options.Film, cancellationToken);
        return await PagedReply.First(this, FilmChooser.State(catalog, "-"), context.Locale);
    }

    public ValueTask<IReadOnlyList<ApplicationCommandOptionChoice>> AutocompleteAsync(
        AutocompleteContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(films.Choices(context.Typed, context.Locale));

    public IReadOnlyList<MessagePayload> RenderPages(string state, Locale locale)
    {
        var (catalog, _) = films.FromState(state);
        var film = catalog.Pack.Film;
        return _pages.GetOrAdd(
            (film.Id, locale), static (key, catalog) => Render(catalog, key.Locale), catalog);
    }

    private static IReadOnlyList<MessagePayload> Render(FilmCatalog catalog, Locale locale)
    {
        var film = catalog.Pack.Film;
        var text = new FilmText(catalog.Pack, locale);
        ReplyItem Plain(string safe, IReadOnlyList<string>? sources = null) =>
            new(safe, Sources: sources, Bullet: false);

        var titles = film.Titles;
        var sections = new List<ReplySection>
        {
            new(Strings.OriginalTitle[locale], [Plain($"{Markdown.Escape(titles.Original)} "
                + $"({Markdown.Escape(titles.OriginalRomanized)}): "
                + $"“{Markdown.Escape(titles.OriginalMeaning[locale])}”")]),
            new(Strings.Released[locale],
                [Plain(film.ReleaseDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), film.ReleaseSources)],
                Inline: true),
            new(Strings.Runtime[locale], [Plain(Strings.Minutes(film.RuntimeMinutes)[locale])], Inline: true),
            new(Strings.Director[locale], [Plain(Markdown.Escape(film.Director))], Inline: true),
            new(Strings.Country[locale], [Plain(Markdown.Escape(film.Country[locale]))], Inline: true),
            new(Strings.Genres[locale], [Plain(Markdown.Escape(string.Join(", ", film.Genres.Select(g => g[locale]))))],
                Inline: true),
            new(Strings.AboutTheFilm[locale], [.. film.Facts.Select(f => text.Item(f))]),
            new(Strings.Remakes[locale], [.. film.Remakes.Select(r => Remake(r, locale))]),
        };

        var document = new ReplyDocument(
            $"{Markdown.Escape(film.Titles.Display[locale])} ({film.Year.ToString(CultureInfo.InvariantCulture)})",
            [text.Item(film.Premise, bullet: false)],
            sections,
            Color,
            Footnote: Strings.FilmHint[locale]);
        return ReplyRenderer.Render(document, text.SourceTitle, locale);
    }

    private static ReplyItem Remake(Remake remake, Locale locale)
    {
        var line = $"{Markdown.Escape(remake.Country[locale])} {remake.Year.ToString(CultureInfo.InvariantCulture)}: "
            + $"*{Markdown.Escape(remake.Title)}*";
        if (remake.Director is { } director) line += $", {Markdown.Escape(Strings.DirectedBy(director)[locale])}";
        if (remake.Note is { } note) line += $". {Markdown.Escape(note[locale])}";
        return new ReplyItem(line, Sources: remake.Sources);
    }
}

/// <summary>The options of <c>/film</c>: the film, or null for the server's current film.</summary>
internal sealed record FilmOptions(string? Film);
