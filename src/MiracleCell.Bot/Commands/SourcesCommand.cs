using System.Globalization;
using MiracleCell.Bot.Clubs;
using MiracleCell.Bot.Interactions;
using MiracleCell.Bot.Rendering;
using MiracleCell.Core.Films;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Commands;

/// <summary>
/// <c>/sources [film]</c>: the documents a film's pack is written from, the titles its replies cite, with each
/// one's language and, where it is public, its link. A club checking a fact starts here.
/// </summary>
internal sealed class SourcesCommand(FilmChooser films) : FilmPagesCommand(films), IDeclaredCommand
{
    public const int Color = 0x7289DA;

    public static ApplicationCommand Command { get; } = Define.Slash(
        "sources", "sumber",
        "The documents the film's facts come from, with links",
        "Dokumen asal fakta-fakta film, dengan tautan",
        FilmOption.Film);

    public override ApplicationCommand Definition => Command;

    public override string PageKey => "sources";

    protected override IReadOnlyList<MessagePayload> Render(FilmCatalog catalog, Locale locale)
    {
        var film = catalog.Pack.Film;
        var title = $"{Strings.Sources[locale]}: {Markdown.Escape(film.Titles.Display[locale])} "
            + $"({film.Year.ToString(CultureInfo.InvariantCulture)})";
        var document = new ReplyDocument(title, [.. film.Sources.Select(Line)], [], Color);
        return ReplyRenderer.Render(document, id => catalog.Pack.FindSource(id)?.Title ?? id, locale);
    }

    // Titles and links are the pack's own words about public pages: nothing in them is a spoiler.
    private static ReplyItem Line(SourceDocument source)
    {
        var name = source.Url is { } url
            ? $"[{Markdown.Escape(source.Title)}]({url})"
            : $"**{Markdown.Escape(source.Title)}**";
        return new ReplyItem($"{name} ({source.Language})");
    }
}
