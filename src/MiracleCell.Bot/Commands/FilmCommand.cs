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
internal sealed class FilmCommand(FilmChooser films) : FilmPagesCommand(films), IDeclaredCommand
{
    public const int Color = 0xF2B134;

    public static ApplicationCommand Command { get; } = Define.Slash(
        "film", "film",
        "About the film: titles, year, director, runtime, premise (spoiler-free), remakes",
        "Tentang film: judul, tahun, sutradara, durasi, premis (bebas spoiler), versi adaptasi",
        FilmOption.Film);

    public override ApplicationCommand Definition => Command;

    public override string PageKey => "film";

    protected override IReadOnlyList<MessagePayload> Render(FilmCatalog catalog, Locale locale)
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
