using MiracleCell.Core.Films;
using MiracleCell.Core.Text;

namespace MiracleCell.Bot.Rendering;

/// <summary>Turns pack texts into reply items: escaped, spoiler-tagged by level, cited, disputes named.</summary>
public sealed class FilmText(FilmPack pack, Locale locale)
{
    public Locale Locale { get; } = locale;

    public string SourceTitle(string sourceId) => pack.FindSource(sourceId)?.Title ?? sourceId;

    /// <param name="showSpoilers">True only for replies the caller alone sees.</param>
    public ReplyItem Item(SourcedText text, bool showSpoilers = false, bool bullet = true) => new(
        Markdown.Escape(text.Text[Locale]),
        Spoiler: text.Spoiler > SpoilerLevel.None && !showSpoilers,
        Sources: text.Sources,
        SafeNote: text.Disputed ? Disagreement(text.Sources) : null,
        Bullet: bullet);

    /// <summary>"sources disagree: A; B" naming each source, outside the spoiler tag.</summary>
    public string Disagreement(IEnumerable<string> sourceIds) =>
        Strings.SourcesDisagree(string.Join("; ", sourceIds.Select(id => Markdown.Escape(SourceTitle(id)))))[Locale];

    public string CharacterName(string characterId) => pack.FindCharacter(characterId)?.Name ?? characterId;
}
