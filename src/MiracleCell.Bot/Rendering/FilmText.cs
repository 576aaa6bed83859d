using MiracleCell.Core.Films;
using MiracleCell.Core.Text;

namespace MiracleCell.Bot.Rendering;

/// <summary>
/// Turns pack texts into reply items at a watch progress: escaped, cited, disputes named, and everything past the
/// progress inside a spoiler tag (a part past it is "Part 15", its title only inside a tag).
/// </summary>
internal sealed class FilmText(FilmPack pack, Locale locale, WatchProgress progress)
{
    public FilmText(FilmPack pack, Locale locale) : this(pack, locale, WatchProgress.Nothing)
    {
    }

    public Locale Locale { get; } = locale;

    public WatchProgress Progress { get; } = progress;

    public string SourceTitle(string sourceId) => pack.FindSource(sourceId)?.Title ?? sourceId;

    /// <param name="showSpoilers">True only for replies the caller alone sees.</param>
    public ReplyItem Item(SourcedText text, bool showSpoilers = false, bool bullet = true) =>
        Make(text, hidden: !showSpoilers && !Progress.Covers(pack, text), bullet);

    /// <summary>A recap beat: plain when its part (and the part it names as revealing it) is within the
    /// progress.</summary>
    public ReplyItem Beat(RecapPart part, SourcedText beat, bool showSpoilers = false) =>
        Make(beat, hidden: !showSpoilers && !BeatVisible(part, beat), bullet: true);

    public bool BeatVisible(RecapPart part, SourcedText beat)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(beat);
        if (beat.Spoiler == SpoilerLevel.None && part.Order == 1) return true;
        return Progress.Covers(part) && Progress.Covers(pack, beat.Reveals);
    }

    public bool Visible(SourcedText text) => Progress.Covers(pack, text);

    public bool Visible(Relationship relationship)
    {
        ArgumentNullException.ThrowIfNull(relationship);
        return relationship.Spoiler == SpoilerLevel.None
            || (relationship.Reveals is not null && Progress.Covers(pack, relationship.Reveals));
    }

    /// <summary>"Part 15" past the progress; its title, escaped, within it. Safe for titles, choices and
    /// labels.</summary>
    public string PartLabel(RecapPart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        return Progress.Covers(part) ? Markdown.Escape(part.Title[Locale]) : Strings.PartNumber(part.Order)[Locale];
    }

    /// <summary>The part's title, escaped, inside a spoiler tag when it lies past the progress.</summary>
    public string PartTitle(RecapPart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        var title = Markdown.Escape(part.Title[Locale]);
        return Progress.Covers(part) ? title : $"||{title}||";
    }

    /// <summary>"sources disagree: A; B" naming each source, outside the spoiler tag.</summary>
    public string Disagreement(IEnumerable<string> sourceIds) =>
        Strings.SourcesDisagree(string.Join("; ", sourceIds.Select(id => Markdown.Escape(SourceTitle(id)))))[Locale];

    public string CharacterName(string characterId) => pack.FindCharacter(characterId)?.Name ?? characterId;

    private ReplyItem Make(SourcedText text, bool hidden, bool bullet) => new(
        Markdown.Escape(text.Text[Locale]),
        Spoiler: hidden,
        Sources: text.Sources,
        SafeNote: text.Disputed ? Disagreement(text.Sources) : null,
        Bullet: bullet);
}
