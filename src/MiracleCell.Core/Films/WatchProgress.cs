using System.Globalization;

namespace MiracleCell.Core.Films;

/// <summary>
/// How far a club (or one member) has watched a film: parts 1..<see cref="PartsWatched"/> are seen. What lies past it
/// is shown only inside a spoiler tag, never in a title, a choice or a label.
/// </summary>
/// <param name="PartsWatched">0 for nothing watched, k for parts 1..k, <see cref="int.MaxValue"/> for the whole
/// film.</param>
public readonly record struct WatchProgress(int PartsWatched)
{
    /// <summary>The default for a server that has set nothing: every part's content stays hidden.</summary>
    public static WatchProgress Nothing { get; } = new(0);

    public static WatchProgress Finished { get; } = new(int.MaxValue);

    public bool IsFinished => PartsWatched == int.MaxValue;

    /// <summary>The progress as kept in a store or a custom_id: the count of parts, or int.MaxValue.</summary>
    public static WatchProgress FromStored(int? partsWatched) =>
        partsWatched is { } parts ? new WatchProgress(Math.Max(0, parts)) : Nothing;

    public bool Covers(RecapPart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        return part.Order <= PartsWatched;
    }

    /// <summary>
    /// Whether an item revealed by the part <paramref name="revealsPartId"/> may be shown plainly. Null (spoiler-free)
    /// always may; an id the pack does not know never may.
    /// </summary>
    public bool Covers(FilmPack pack, string? revealsPartId)
    {
        ArgumentNullException.ThrowIfNull(pack);
        if (revealsPartId is null) return true;
        return pack.Recap.FirstOrDefault(p => p.Id == revealsPartId) is { } part && Covers(part);
    }

    /// <summary>Whether a text may be shown untagged: spoiler-free, or revealed by a part within the
    /// progress.</summary>
    public bool Covers(FilmPack pack, SourcedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Spoiler == SpoilerLevel.None || (text.Reveals is not null && Covers(pack, text.Reveals));
    }

    /// <summary>Whether a question may be asked: spoiler-free, or about a part within the progress.</summary>
    public bool Covers(FilmPack pack, TriviaQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question.Spoiler == SpoilerLevel.None
            || (question.Reveals is not null && Covers(pack, question.Reveals));
    }

    /// <summary>The same progress clamped to the film: at most every part, "finished" staying finished.</summary>
    public WatchProgress For(FilmPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        return IsFinished || PartsWatched <= pack.Recap.Count ? this : new WatchProgress(pack.Recap.Count);
    }

    /// <summary>"0", "7" or "f": short enough for a custom_id.</summary>
    public string ToToken() => IsFinished ? "f" : PartsWatched.ToString(CultureInfo.InvariantCulture);

    public static WatchProgress? FromToken(string token) =>
        token == "f" ? Finished
        : int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var parts) ? new WatchProgress(parts)
        : null;

    public override string ToString() => IsFinished ? "finished" : $"{PartsWatched} part(s) watched";
}
