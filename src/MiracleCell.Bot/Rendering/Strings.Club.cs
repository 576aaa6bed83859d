using MiracleCell.Bot.Rendering.Texts;
using MiracleCell.Core.Films;
using MiracleCell.Core.Text;

namespace MiracleCell.Bot.Rendering;

/// <summary>Texts about watch progress: neutral part labels, what is held back, and the club setting.</summary>
internal static partial class Strings
{
    private static readonly TableText PartNumberText = Get("progress.part_number", "order");

    /// <summary>The label of a part past the reader's progress: its number only.</summary>
    public static LocalizedText PartNumber(int order) => PartNumberText.Format(N(order));

    private static readonly TableText PartNumberOfText = Get("progress.part_number_of", "order", "count");

    public static LocalizedText PartNumberOf(int order, int count) => PartNumberOfText.Format(N(order), N(count));

    private static readonly TableText WholeFilm = Get("progress.whole_film");
    private static readonly TableText NothingYet = Get("progress.nothing");
    private static readonly TableText UpToPart = Get("progress.up_to", "watched", "count");

    public static LocalizedText ProgressName(WatchProgress progress, int partCount) =>
        progress.IsFinished || progress.PartsWatched >= partCount
            ? WholeFilm
            : progress.PartsWatched == 0
                ? NothingYet
                : UpToPart.Format(N(progress.PartsWatched), N(partCount));

    private static readonly PluralText PastProgressText = Plural("progress.past", "count", "watched");

    /// <summary>Under a reply that keeps some items in tags because they lie past the progress.</summary>
    public static LocalizedText PastProgress(int count, WatchProgress progress, int partCount) =>
        PastProgressText.For(count).Format(N(count), ProgressName(progress, partCount));

    private static readonly PluralText NotEnoughWithinProgressText =
        Plural("trivia.not_enough_within_progress", "available", "asked", "watched");

    public static LocalizedText TriviaNotEnoughWithinProgress(
        int available, int asked, WatchProgress progress, int parts) =>
        NotEnoughWithinProgressText.For(available).Format(N(available), N(asked), ProgressName(progress, parts));

    // /club
    public static TableText ClubTitle { get; } = Get("club.title");
    public static TableText ClubFilm { get; } = Get("club.film");
    public static TableText ClubWatched { get; } = Get("club.watched");
    public static TableText ClubYours { get; } = Get("club.yours");
    public static TableText ClubFollowsClub { get; } = Get("club.follows_club");
    public static TableText ClubHint { get; } = Get("club.hint");
    public static TableText ClubNeedsServer { get; } = Get("club.needs_server");
    public static TableText ClubNeedsManageServer { get; } = Get("club.needs_manage_server");
    private static readonly TableText UnknownFilmText = Get("club.unknown_film", "typed", "films");

    public static LocalizedText UnknownFilm(string typed, IEnumerable<string> films) =>
        UnknownFilmText.Format(Markdown.Escape(typed), string.Join(", ", films.Select(Code)));

    private static readonly TableText BadProgressText = Get("club.bad_progress", "typed", "parts");

    public static LocalizedText BadProgress(string typed, int parts) =>
        BadProgressText.Format(Markdown.Escape(typed), N(parts));
}
