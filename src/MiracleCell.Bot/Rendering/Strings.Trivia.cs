using MiracleCell.Core.Films;
using MiracleCell.Core.Text;

namespace MiracleCell.Bot.Rendering;

/// <summary>The texts of trivia nights: channel messages, button acknowledgements, errors, leaderboard and stats.</summary>
public static partial class Strings
{
    // /trivia start
    public static LocalizedText BotCannotPostHere(string permissions) => T(
        $"I cannot run a trivia night in this channel: I am missing {permissions} here. Ask a server admin to give me these permissions in this channel (channel settings → Permissions), or start the night in another channel.",
        $"Saya tidak bisa menjalankan malam kuis di kanal ini: saya tidak punya izin {permissions} di sini. Minta admin server memberi saya izin tersebut di kanal ini (pengaturan kanal → Izin), atau mulai malam kuis di kanal lain.");
    public static LocalizedText TriviaNeedsServer { get; } = T(
        $"Trivia nights run in a server channel. Use {Trivia.En} in a channel of your server.",
        $"Malam kuis berjalan di kanal server. Gunakan {Trivia.Id} di salah satu kanal server Anda.");

    public static LocalizedText TriviaAlreadyRunning(string starterMention) => T(
        $"A trivia night is already running in this channel, started by {starterMention}. Join in with the buttons, wait for it to end, or ask them (or someone with Manage Server) to `{TriviaStop.En}` it.",
        $"Malam kuis sudah berjalan di kanal ini, dimulai oleh {starterMention}. Ikut main lewat tombolnya, tunggu sampai selesai, atau minta mereka (atau seseorang dengan izin Kelola Server) menjalankan `{TriviaStop.Id}`.");

    public static LocalizedText TriviaNotEnoughQuestions(int available, int asked) => available == 0
        ? T($"There are no questions with these settings. Try another `{TriviaDifficulty.En}` or set `{TriviaSpoilers.En}` to allow.",
            $"Tidak ada soal dengan pengaturan ini. Coba `{TriviaDifficulty.Id}` lain atau atur `{TriviaSpoilers.Id}` ke allow.")
        : T($"Only {N(available)} questions match these settings, but you asked for {N(asked)}. Ask for {N(available)} or fewer, or widen `{TriviaDifficulty.En}` or `{TriviaSpoilers.En}`.",
            $"Hanya {N(available)} soal yang cocok dengan pengaturan ini, tetapi Anda meminta {N(asked)}. Minta {N(available)} atau kurang, atau longgarkan `{TriviaDifficulty.Id}` atau `{TriviaSpoilers.Id}`.");

    public static LocalizedText TriviaStartedForYou(int questions, int seconds) => T(
        $"Your trivia night has started: {N(questions)} questions, {N(seconds)} s each. End it early with `{TriviaStop.En}`.",
        $"Malam kuis Anda dimulai: {N(questions)} soal, masing-masing {N(seconds)} detik. Akhiri lebih awal dengan `{TriviaStop.Id}`.");

    public static LocalizedText TriviaNightTitle(string film) => T($"🎬 Trivia night: {film}", $"🎬 Malam kuis: {film}");

    public static LocalizedText TriviaNightIntro(string starterMention, int questions, int seconds) => T(
        $"{starterMention} started a trivia night: **{N(questions)}** questions, **{N(seconds)} s** each. Click a button to answer; you get one answer per question, and faster right answers score more (100 + up to 50).",
        $"{starterMention} memulai malam kuis: **{N(questions)}** soal, masing-masing **{N(seconds)} detik**. Klik tombol untuk menjawab; satu jawaban per soal, dan jawaban benar yang lebih cepat mendapat poin lebih banyak (100 + hingga 50).");

    public static LocalizedText TriviaSettingsLine(Difficulty? difficulty, bool avoidSpoilers) => T(
        $"Difficulty: {DifficultyName(difficulty).En} · {(avoidSpoilers ? "spoiler-free questions only" : "spoilers allowed (answers hidden in tags)")}",
        $"Tingkat: {DifficultyName(difficulty).Id} · {(avoidSpoilers ? "hanya soal bebas spoiler" : "spoiler diizinkan (jawaban disembunyikan dalam tag)")}");

    public static LocalizedText DifficultyName(Difficulty? difficulty) => difficulty switch
    {
        Difficulty.Easy => T("easy", "mudah"),
        Difficulty.Medium => T("medium", "sedang"),
        Difficulty.Hard => T("hard", "sulit"),
        _ => T("mixed", "campuran"),
    };

    // Questions and reveals
    public static LocalizedText QuestionOf(int number, int count) => T($"Question {N(number)} of {N(count)}", $"Soal {N(number)} dari {N(count)}");
    public static LocalizedText SecondsToAnswer(int seconds) => T($"⏱ {N(seconds)} s to answer", $"⏱ {N(seconds)} detik untuk menjawab");
    public static LocalizedText AnsweredSoFar(int count) => T(
        count == 1 ? "1 player has answered" : $"{N(count)} players have answered",
        $"{N(count)} pemain sudah menjawab");
    public static LocalizedText TimesUp { get; } = T("⏰ Time's up", "⏰ Waktu habis");
    public static LocalizedText EveryoneAnsweredEarly { get; } = T("✅ Everyone has answered", "✅ Semua sudah menjawab");
    public static LocalizedText RightAnswer { get; } = T("Right answer", "Jawaban benar");
    public static LocalizedText Why { get; } = T("Why", "Penjelasan");
    public static LocalizedText Choices { get; } = T("Answers given", "Jawaban yang dipilih");
    public static LocalizedText FastestRight { get; } = T("Right, fastest first", "Benar, tercepat dulu");
    public static LocalizedText NobodyRight { get; } = T("Nobody got it right.", "Tidak ada yang benar.");
    public static LocalizedText Standings { get; } = T("Standings", "Klasemen");
    public static LocalizedText NoPlayersYet { get; } = T("Nobody has answered yet.", "Belum ada yang menjawab.");
    public static LocalizedText AndMore(int count) => T($"…and {N(count)} more", $"…dan {N(count)} lainnya");
    public static LocalizedText PointsLine(int points, int correct, int answers) => T(
        $"{N(points)} pts ({N(correct)}/{N(answers)} right)",
        $"{N(points)} poin ({N(correct)}/{N(answers)} benar)");
    public static LocalizedText QuestionStopped { get; } = T("⏹ The trivia night was stopped before this question closed.", "⏹ Malam kuis dihentikan sebelum soal ini ditutup.");
    public static LocalizedText QuestionInterrupted { get; } = T("⚠️ A restart interrupted the trivia night before this question closed.", "⚠️ Malam kuis terhenti karena bot dimulai ulang sebelum soal ini ditutup.");

    // End of the night
    public static LocalizedText TriviaOver { get; } = T("🏁 Trivia night over", "🏁 Malam kuis selesai");
    public static LocalizedText TriviaStoppedBy(string mention, int asked, int count) => T(
        $"⏹ {mention} stopped the trivia night after {N(asked)} of {N(count)} questions. Points scored so far count.",
        $"⏹ {mention} menghentikan malam kuis setelah {N(asked)} dari {N(count)} soal. Poin yang sudah didapat tetap dihitung.");
    public static LocalizedText TriviaEndedEarly { get; } = T(
        "⏹ The trivia night ended early because I could not post the next question here. Points scored so far count.",
        "⏹ Malam kuis berakhir lebih awal karena saya tidak bisa memposting soal berikutnya di sini. Poin yang sudah didapat tetap dihitung.");
    public static LocalizedText FinalTable { get; } = T("Final table", "Klasemen akhir");
    public static LocalizedText WinnerIs(string mention) => T($"🏆 {mention} wins the night!", $"🏆 {mention} memenangkan malam ini!");
    public static LocalizedText SharedTop(string mentions) => T($"🤝 A tie at the top: {mentions}. No single winner tonight.", $"🤝 Seri di puncak: {mentions}. Tidak ada pemenang tunggal malam ini.");
    public static LocalizedText TooFewForWinner { get; } = T("A winner needs at least two players. Thanks for playing!", "Pemenang butuh setidaknya dua pemain. Terima kasih sudah bermain!");
    public static LocalizedText NobodyPlayed { get; } = T("Nobody answered tonight.", "Tidak ada yang menjawab malam ini.");
    public static LocalizedText TriviaInterrupted { get; } = T(
        $"⚠️ This trivia night was interrupted by a restart; points so far were kept. Start a new one with `{TriviaStart.En}`.",
        $"⚠️ Malam kuis ini terhenti karena bot dimulai ulang; poin yang sudah didapat tetap disimpan. Mulai yang baru dengan `{TriviaStart.Id}`.");

    // Button acknowledgements
    public static LocalizedText LockedIn(char letter) => T($"🔒 Locked in: **{letter}**", $"🔒 Jawaban dikunci: **{letter}**");
    public static LocalizedText AlreadyLockedIn(char? letter) => letter is { } l
        ? T($"Your answer to this question is already locked in: **{l}**. Wait for the next question.", $"Jawaban Anda untuk soal ini sudah dikunci: **{l}**. Tunggu soal berikutnya.")
        : T("Your answer to this question is already locked in. Wait for the next question.", "Jawaban Anda untuk soal ini sudah dikunci. Tunggu soal berikutnya.");
    public static LocalizedText QuestionClosed { get; } = T(
        "This question is closed: time ran out or the answer was revealed. Answer the current question instead.",
        "Soal ini sudah ditutup: waktu habis atau jawabannya sudah diungkap. Jawab soal yang sedang berjalan.");
    public static LocalizedText QuestionNotOpenYet { get; } = T(
        "This question is not open yet. Try again in a moment.",
        "Soal ini belum dibuka. Coba lagi sebentar lagi.");
    public static LocalizedText TriviaGameOver { get; } = T(
        $"This trivia night is over, so answers no longer count. Start a new one with `{TriviaStart.En}`.",
        $"Malam kuis ini sudah selesai, jadi jawaban tidak dihitung lagi. Mulai yang baru dengan `{TriviaStart.Id}`.");
    public static LocalizedText TriviaButtonOutdated { get; } = T(
        $"This button does not belong to a running trivia night (it may be from before a restart). Start a new one with `{TriviaStart.En}`.",
        $"Tombol ini bukan milik malam kuis yang sedang berjalan (mungkin dari sebelum bot dimulai ulang). Mulai yang baru dengan `{TriviaStart.Id}`.");
    public static LocalizedText AnswerNotSaved { get; } = T(
        "I could not save your answer. Please click again; if it keeps failing, tell the server admins.",
        "Saya tidak bisa menyimpan jawaban Anda. Silakan klik lagi; jika terus gagal, beri tahu admin server.");

    // /trivia stop
    public static LocalizedText NoTriviaHere { get; } = T(
        $"No trivia night is running in this channel. Start one with `{TriviaStart.En}`.",
        $"Tidak ada malam kuis yang berjalan di kanal ini. Mulai dengan `{TriviaStart.Id}`.");
    public static LocalizedText OnlyStarterCanStop(string starterMention) => T(
        $"Only {starterMention}, who started this trivia night, or someone with Manage Server can stop it.",
        $"Hanya {starterMention}, yang memulai malam kuis ini, atau seseorang dengan izin Kelola Server yang bisa menghentikannya.");
    public static LocalizedText YouStoppedTrivia { get; } = T("Stopped. The standings so far are posted in the channel.", "Dihentikan. Klasemen sementara sudah diposting di kanal.");

    // /trivia leaderboard and /trivia stats
    public static LocalizedText LeaderboardTitle(bool thisMonth) => thisMonth
        ? T("🏆 Trivia leaderboard: this month", "🏆 Papan skor kuis: bulan ini")
        : T("🏆 Trivia leaderboard: all time", "🏆 Papan skor kuis: sepanjang masa");
    public static LocalizedText LeaderboardEmpty { get; } = T(
        $"No points yet. Start a trivia night with `{TriviaStart.En}`!",
        $"Belum ada poin. Mulai malam kuis dengan `{TriviaStart.Id}`!");
    public static LocalizedText LeaderboardLine(long rank, string mention, long points) => T($"**{N(rank)}.** {mention}: {N(points)} pts", $"**{N(rank)}.** {mention}: {N(points)} poin");
    public static LocalizedText YourRank(long rank, long points) => T($"You: #{N(rank)} with {N(points)} pts", $"Anda: #{N(rank)} dengan {N(points)} poin");
    public static LocalizedText YouHaveNoPoints { get; } = T("You have no points in this period yet.", "Anda belum punya poin pada periode ini.");
    public static LocalizedText StatsTitle { get; } = T("📊 Trivia stats", "📊 Statistik kuis");
    public static LocalizedText NeverPlayed(string mention) => T(
        $"{mention} has not played trivia in this server yet (or their scores were reset).",
        $"{mention} belum pernah bermain kuis di server ini (atau skornya sudah direset).");
    public static LocalizedText StatPoints { get; } = T("Points", "Poin");
    public static LocalizedText StatRank { get; } = T("Rank", "Peringkat");
    public static LocalizedText StatGames { get; } = T("Games", "Permainan");
    public static LocalizedText StatWins { get; } = T("Wins", "Menang");
    public static LocalizedText StatAnswers { get; } = T("Answers", "Jawaban");
    public static LocalizedText StatAccuracy { get; } = T("Accuracy", "Akurasi");
    public static LocalizedText StatBestStreak { get; } = T("Best streak", "Rentetan terbaik");
    public static LocalizedText RightOutOf(int correct, int answers, double accuracy) => T(
        $"{(accuracy * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)}% ({N(correct)} of {N(answers)})",
        $"{(accuracy * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)}% ({N(correct)} dari {N(answers)})");
    public static LocalizedText InARow(int count) => T($"{N(count)} right in a row", $"{N(count)} benar berturut-turut");
    public static LocalizedText OptionMustBeOneOf(LocalizedText option, IReadOnlyList<string> allowed) => T(
        $"`{option.En}` must be one of: {string.Join(", ", allowed.Select(Code))}.",
        $"`{option.Id}` harus salah satu dari: {string.Join(", ", allowed.Select(Code))}.");

    public static LocalizedText NotAUser(LocalizedText option) => T(
        $"`{option.En}` must be a member: pick someone from the list (or type their @mention).",
        $"`{option.Id}` harus seorang anggota: pilih dari daftar (atau ketik @mention-nya).");

    // /trivia-reset
    public static LocalizedText NeedsManageServer { get; } = T(
        "Only members with the Manage Server permission can reset trivia scores. Ask a server admin.",
        "Hanya anggota dengan izin Kelola Server yang bisa mereset skor kuis. Minta admin server.");
    public static LocalizedText ConfirmResetMember(string mention) => T(
        $"Reset every trivia point, game and streak of {mention} in this server? This cannot be undone.",
        $"Reset semua poin, permainan, dan rentetan kuis milik {mention} di server ini? Tindakan ini tidak bisa dibatalkan.");
    public static LocalizedText ConfirmResetGuild { get; } = T(
        "Reset the trivia scores of **everyone** in this server? This cannot be undone.",
        "Reset skor kuis **semua orang** di server ini? Tindakan ini tidak bisa dibatalkan.");
    public static LocalizedText ConfirmExpires(int minutes) => T($"This button works for {N(minutes)} minutes.", $"Tombol ini berlaku selama {N(minutes)} menit.");
    public static LocalizedText ResetButton { get; } = T("Yes, reset", "Ya, reset");
    public static LocalizedText CancelButton { get; } = T("Cancel", "Batal");
    public static LocalizedText ResetCancelled { get; } = T("Cancelled: no scores were changed.", "Dibatalkan: tidak ada skor yang diubah.");
    public static LocalizedText ResetMemberDone(string mention, bool hadScores) => hadScores
        ? T($"✅ The trivia scores of {mention} were reset.", $"✅ Skor kuis {mention} sudah direset.")
        : T($"{mention} had no trivia scores to reset.", $"{mention} tidak punya skor kuis untuk direset.");
    public static LocalizedText ResetGuildDone(int members) => T(
        $"✅ The trivia scores of {N(members)} members were reset.",
        $"✅ Skor kuis {N(members)} anggota sudah direset.");
    public static LocalizedText OnlyRequesterConfirms { get; } = T(
        $"Only the person who asked for this reset can confirm it. Run `{TriviaReset.En}` yourself if you need one.",
        $"Hanya orang yang meminta reset ini yang bisa mengonfirmasinya. Jalankan `{TriviaReset.Id}` sendiri jika perlu.");
    public static LocalizedText ResetExpired { get; } = T(
        $"This confirmation has expired: nothing was reset. Run `{TriviaReset.En}` again.",
        $"Konfirmasi ini sudah kedaluwarsa: tidak ada yang direset. Jalankan `{TriviaReset.Id}` lagi.");
}
