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

    // /club
    public static LocalizedText ClubTitle { get; } = T("Movie club", "Klub film");
    public static LocalizedText ClubFilm { get; } = T("Film", "Film");
    public static LocalizedText ClubWatched { get; } = T("The club has watched", "Klub sudah menonton");
    public static LocalizedText ClubYours { get; } = T("You have watched", "Anda sudah menonton");
    public static LocalizedText ClubFollowsClub { get; } = T(
        "not set: replies follow the club", "belum diatur: balasan mengikuti klub");

    public static LocalizedText ClubHint { get; } = T(
        $"Manage Server sets {ClubFilmOption.En}: and {ClubWatchedOption.En}: (every reply in the channel follows it); "
            + $"{ClubMineOption.En}: sets your own, for replies only you see.",
        $"Kelola Server mengatur {ClubFilmOption.Id}: dan {ClubWatchedOption.Id}: (semua balasan di kanal mengikutinya); "
            + $"{ClubMineOption.Id}: mengatur progres Anda sendiri, untuk balasan yang hanya Anda lihat.");

    public static LocalizedText ClubNeedsServer { get; } = T(
        $"A club belongs to a server. Use {Club.En} in a channel of your server.",
        $"Klub milik sebuah server. Gunakan {Club.Id} di salah satu kanal server Anda.");

    public static LocalizedText ClubNeedsManageServer { get; } = T(
        $"Only members with Manage Server choose the club's film and progress. You can set your own with "
            + $"`{Club.En} {ClubMineOption.En}:`.",
        $"Hanya anggota dengan izin Kelola Server yang memilih film dan progres klub. Anda bisa mengatur progres "
            + $"sendiri dengan `{Club.Id} {ClubMineOption.Id}:`.");

    public static LocalizedText UnknownFilm(string typed, IEnumerable<string> films) => T(
        $"There is no film “{Markdown.Escape(typed)}” here. Pick one of: {string.Join(", ", films.Select(Code))}.",
        $"Tidak ada film “{Markdown.Escape(typed)}” di sini. Pilih salah satu: {string.Join(", ", films.Select(Code))}.");

    public static LocalizedText BadProgress(string typed, int parts) => T(
        $"“{Markdown.Escape(typed)}” is not a progress. Give a number of parts from 0 to {N(parts)}, or `finished`.",
        $"“{Markdown.Escape(typed)}” bukan progres. Berikan jumlah bagian dari 0 sampai {N(parts)}, atau `finished`.");
}
