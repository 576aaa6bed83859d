using MiracleCell.Core.Films;
using MiracleCell.Core.Text;

namespace MiracleCell.Bot.Rendering;

/// <summary>Texts about watch progress: neutral part labels, what is held back, and the club setting.</summary>
public static partial class Strings
{
    /// <summary>The label of a part past the reader's progress: its number only.</summary>
    public static LocalizedText PartNumber(int order) => T($"Part {N(order)}", $"Bagian {N(order)}");

    public static LocalizedText PartNumberOf(int order, int count) =>
        T($"Part {N(order)} of {N(count)}", $"Bagian {N(order)} dari {N(count)}");

    public static LocalizedText ProgressName(WatchProgress progress, int partCount) =>
        progress.IsFinished || progress.PartsWatched >= partCount
            ? T("the whole film", "seluruh film")
            : progress.PartsWatched == 0
                ? T("nothing yet", "belum ada")
                : T($"up to part {N(progress.PartsWatched)} of {N(partCount)}",
                    $"sampai bagian {N(progress.PartsWatched)} dari {N(partCount)}");

    /// <summary>Under a reply that keeps some items in tags because they lie past the progress.</summary>
    public static LocalizedText PastProgress(int count, WatchProgress progress, int partCount) => T(
        $"{N(count)} {(count == 1 ? "item is" : "items are")} past the progress this reply follows "
            + $"(watched: {ProgressName(progress, partCount).En}), so {(count == 1 ? "it stays" : "they stay")} "
            + $"hidden in tags.",
        $"{N(count)} butir melewati progres yang diikuti balasan ini (ditonton: {ProgressName(progress, partCount).Id}), "
            + $"jadi tetap tersembunyi dalam tag.");

    public static LocalizedText TriviaNotEnoughWithinProgress(int available, int asked, WatchProgress progress, int parts) => T(
        $"Only {N(available)} question{(available == 1 ? "" : "s")} match these settings within what the club has "
            + $"watched ({ProgressName(progress, parts).En}), but you asked for {N(asked)}. Ask for {N(available)} or "
            + $"fewer, move the club's progress on, or add `{TriviaWholeFilm.En}:true` to ask about the whole film.",
        $"Hanya {N(available)} soal yang cocok dengan pengaturan ini dalam bagian yang sudah ditonton klub "
            + $"({ProgressName(progress, parts).Id}), tetapi Anda meminta {N(asked)}. Minta {N(available)} atau kurang, "
            + $"majukan progres klub, atau tambahkan `{TriviaWholeFilm.Id}:true` untuk bertanya tentang seluruh film.");
}
