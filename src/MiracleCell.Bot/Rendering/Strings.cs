using System.Globalization;
using MiracleCell.Core.Films;
using MiracleCell.Core.Text;

namespace MiracleCell.Bot.Rendering;

/// <summary>
/// Every text the bot itself writes, in English and Indonesian. Values that come from users or packs are
/// passed in already escaped where they end up in markdown.
/// </summary>
public static partial class Strings
{
    private static LocalizedText T(string en, string id) => new(en, id);

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    // Errors the router and options report.
    public static LocalizedText SomethingWentWrong(string errorId) => T(
        $"Something went wrong on my side (error `{errorId}`). Please try again in a moment; if it keeps happening, "
            + "tell the server admins that error id.",
        $"Terjadi kesalahan di pihak saya (kode galat `{errorId}`). Silakan coba lagi sebentar lagi; jika terus "
            + "terjadi, beri tahu admin server kode galat itu.");

    public static LocalizedText UnsupportedInteraction { get; } = T(
        $"I can't handle this kind of interaction. Type {Help.En} to see what I can do.",
        $"Saya tidak bisa menangani interaksi jenis ini. Ketik {Help.Id} untuk melihat apa yang bisa saya lakukan.");

    public static LocalizedText UnknownButton { get; } = T(
        "That button no longer works. Run the command again to get a fresh one.",
        "Tombol itu sudah tidak berlaku. Jalankan perintahnya lagi untuk mendapatkan yang baru.");

    public static LocalizedText UnknownCommand(string name) => T(
        $"There is no command `/{Markdown.Escape(name)}` here. Type {Help.En} to see the commands.",
        $"Tidak ada perintah `/{Markdown.Escape(name)}` di sini. Ketik {Help.Id} untuk melihat daftar perintah.");

    public static LocalizedText OptionRequired(LocalizedText command, LocalizedText option) => T(
        $"`/{command.En}` needs `{option.En}`. Type it as `/{command.En} {option.En}:…`.",
        $"`/{command.Id}` memerlukan `{option.Id}`. Ketik sebagai `/{command.Id} {option.Id}:…`.");

    public static LocalizedText SubcommandRequired(LocalizedText command, IReadOnlyList<LocalizedText> subcommands) => T(
        $"`/{command.En}` needs one of: {string.Join(", ", subcommands.Select(s => Code(s.En)))}.",
        $"`/{command.Id}` memerlukan salah satu dari: {string.Join(", ", subcommands.Select(s => Code(s.Id)))}.");

    public static LocalizedText OptionMustBeText(LocalizedText command, LocalizedText option) => T(
        $"`{option.En}` of `/{command.En}` must be text.",
        $"`{option.Id}` pada `/{command.Id}` harus berupa teks.");

    public static LocalizedText OptionMustBeBoolean(LocalizedText option) => T(
        $"`{option.En}` must be true or false.",
        $"`{option.Id}` harus true atau false.");

    public static LocalizedText OptionMustBeWholeNumber(LocalizedText option) => T(
        $"`{option.En}` must be a whole number.",
        $"`{option.Id}` harus bilangan bulat.");

    public static LocalizedText OptionOutOfRange(LocalizedText option, double? min, double? max) => T(
        $"`{option.En}` must be between {Bound(min)} and {Bound(max)}.",
        $"`{option.Id}` harus di antara {Bound(min)} dan {Bound(max)}.");

    public static LocalizedText OptionTooLong(LocalizedText option, int max, int actual) => T(
        $"`{option.En}` can be at most {N(max)} characters (yours has {N(actual)}). Shorten it and try again.",
        $"`{option.Id}` paling banyak {N(max)} karakter (punya Anda {N(actual)}). Persingkat lalu coba lagi.");

    public static LocalizedText OptionTooShort(LocalizedText option, int min) => T(
        $"`{option.En}` must have at least {N(min)} characters.",
        $"`{option.Id}` minimal {N(min)} karakter.");

    public static LocalizedText UnknownPart(string typed, IEnumerable<string> validIds) => T(
        $"There is no part called “{Markdown.Escape(typed)}”. `{RecapPart.En}` must be one of: {string.Join(", ", validIds.Select(Code))}.",
        $"Tidak ada bagian bernama “{Markdown.Escape(typed)}”. `{RecapPart.Id}` harus salah satu dari: {string.Join(", ", validIds.Select(Code))}.");

    public static LocalizedText UnknownCharacter(string typed, IReadOnlyList<string> suggestions) => suggestions.Count > 0
        ? T($"I don't know a character called “{Markdown.Escape(typed)}”. Did you mean {List(suggestions, "or")}? Start typing in `{CharacterName.En}` to pick from the list.",
            $"Saya tidak mengenal tokoh bernama “{Markdown.Escape(typed)}”. Maksud Anda {List(suggestions, "atau")}? Mulai mengetik di `{CharacterName.Id}` untuk memilih dari daftar.")
        : T($"I don't know a character called “{Markdown.Escape(typed)}”. Type {Cast.En} to see who is in the film.",
            $"Saya tidak mengenal tokoh bernama “{Markdown.Escape(typed)}”. Ketik {Cast.Id} untuk melihat siapa saja di film ini.");

    public static LocalizedText UnknownActor(string typed, IReadOnlyList<string> suggestions) => suggestions.Count > 0
        ? T($"No one called “{Markdown.Escape(typed)}” is in the cast. Did you mean {List(suggestions, "or")}?",
            $"Tidak ada pemeran bernama “{Markdown.Escape(typed)}”. Maksud Anda {List(suggestions, "atau")}?")
        : T($"No one called “{Markdown.Escape(typed)}” is in the cast. Type {Cast.En} without `{CastActor.En}` for the whole list.",
            $"Tidak ada pemeran bernama “{Markdown.Escape(typed)}”. Ketik {Cast.Id} tanpa `{CastActor.Id}` untuk daftar lengkap.");

    public static LocalizedText MessageHasNoText { get; } = T(
        "That message has no text to hide. Only a message's text can be re-posted behind a spoiler tag.",
        "Pesan itu tidak berisi teks untuk disembunyikan. Hanya teks pesan yang bisa diposting ulang di balik tag spoiler.");

    // Shared labels.
    public static LocalizedText Sources { get; } = T("Sources", "Sumber");
    public static LocalizedText Continued { get; } = T("(continued)", "(lanjutan)");
    public static LocalizedText Previous { get; } = T("◀ Previous", "◀ Sebelumnya");
    public static LocalizedText Next { get; } = T("Next ▶", "Berikutnya ▶");
    public static LocalizedText PageOf(int page, int count) => T($"Page {N(page)} of {N(count)}", $"Halaman {N(page)} dari {N(count)}");
    public static LocalizedText Trimmed { get; } = T("(trimmed: too long for one message)", "(dipotong: terlalu panjang untuk satu pesan)");

    public static LocalizedText SourcesDisagree(string namedSources) => T(
        $"*sources disagree: {namedSources}*",
        $"*sumber berbeda pendapat: {namedSources}*");

    public static LocalizedText SpoilerLevelName(SpoilerLevel level) => level switch
    {
        SpoilerLevel.None => T("spoiler-free", "bebas spoiler"),
        SpoilerLevel.Mild => T("mild spoilers", "spoiler ringan"),
        _ => T("major spoilers", "spoiler berat"),
    };

    // /film
    public static LocalizedText OriginalTitle { get; } = T("Original title", "Judul asli");
    public static LocalizedText Released { get; } = T("Released", "Rilis");
    public static LocalizedText Runtime { get; } = T("Runtime", "Durasi");
    public static LocalizedText Minutes(int minutes) => T($"{N(minutes)} min", $"{N(minutes)} menit");
    public static LocalizedText Director { get; } = T("Director", "Sutradara");
    public static LocalizedText Country { get; } = T("Country", "Negara");
    public static LocalizedText Genres { get; } = T("Genres", "Genre");
    public static LocalizedText AboutTheFilm { get; } = T("About the film", "Tentang film");
    public static LocalizedText Remakes { get; } = T("Remakes", "Versi adaptasi");
    public static LocalizedText DirectedBy(string director) => T($"dir. {director}", $"sutradara {director}");
    public static LocalizedText FilmHint { get; } = T(
        $"More: {Recap.En} for the story by part, {Character.En} for a character, {Cast.En} for who plays whom.",
        $"Selengkapnya: {Recap.Id} untuk cerita per bagian, {Character.Id} untuk seorang tokoh, {Cast.Id} untuk daftar pemeran.");

    // /recap
    public static LocalizedText RecapOf(string title) => T($"Recap: {title}", $"Ringkasan: {title}");
    public static LocalizedText Premise { get; } = T("Premise", "Premis");
    public static LocalizedText Parts { get; } = T("Parts", "Bagian");
    public static LocalizedText PartHeading(int order, int count, string title) => T($"Part {N(order)} of {N(count)}: {title}", $"Bagian {N(order)} dari {N(count)}: {title}");
    public static LocalizedText WhatHappens { get; } = T("What happens", "Yang terjadi");
    public static LocalizedText RecapHint { get; } = T(
        $"Pick a part with `{Recap.En} {RecapPart.En}:<id>`. Spoilers stay hidden behind tags you click to reveal; add `{RecapSpoilers.En}:true` to read them untagged in a reply only you can see.",
        $"Pilih bagian dengan `{Recap.Id} {RecapPart.Id}:<id>`. Spoiler tetap tersembunyi di balik tag yang bisa diklik; tambahkan `{RecapSpoilers.Id}:true` untuk membacanya tanpa tag dalam balasan yang hanya terlihat oleh Anda.");
    public static LocalizedText SpoilersShownPrivately { get; } = T(
        "Spoilers shown untagged: only you can see this reply.",
        "Spoiler ditampilkan tanpa tag: hanya Anda yang bisa melihat balasan ini.");

    // /character
    public static LocalizedText Role { get; } = T("Role", "Peran");
    public static LocalizedText AlsoKnownAs { get; } = T("Also spelled", "Ejaan lain");
    public static LocalizedText PlayedBy { get; } = T("Played by", "Diperankan oleh");
    public static LocalizedText NoActorInSources { get; } = T("not given by the sources", "tidak disebutkan oleh sumber");
    public static LocalizedText Facts { get; } = T("Facts", "Fakta");
    public static LocalizedText Relationships { get; } = T("Relationships", "Hubungan");

    // /cast
    public static LocalizedText CastOf(string title) => T($"Cast: {title}", $"Pemeran: {title}");
    public static LocalizedText RoleNotGiven { get; } = T("role not given by the sources", "peran tidak disebutkan oleh sumber");
    public static LocalizedText Roles { get; } = T("Roles", "Peran");
    public static LocalizedText CastHint { get; } = T(
        $"`{Character.En} {CharacterName.En}:<name>` tells you more about a character.",
        $"`{Character.Id} {CharacterName.Id}:<nama>` menjelaskan lebih banyak tentang seorang tokoh.");

    // /spoiler and "Hide spoilers"
    public static LocalizedText SharedSpoiler(string userMention) => T($"{userMention} shared a spoiler", $"{userMention} membagikan spoiler");
    public static LocalizedText Topic(string safeTopic) => T($"(topic: {safeTopic})", $"(topik: {safeTopic})");
    public static LocalizedText CannotDeleteOriginal { get; } = T(
        "The spoilers are re-posted hidden, but I could not remove the original: I need the Manage Messages permission in this channel. Ask a server admin to grant it, or delete the original yourself.",
        "Spoiler sudah diposting ulang dalam keadaan tersembunyi, tetapi saya tidak bisa menghapus pesan aslinya: saya perlu izin Kelola Pesan di kanal ini. Minta admin server memberikannya, atau hapus sendiri pesan aslinya.");
    public static LocalizedText HidSpoilers(string invokerMention, string authorMention) => T(
        $"{invokerMention} hid spoilers in a message from {authorMention}:",
        $"{invokerMention} menyembunyikan spoiler dalam pesan dari {authorMention}:");

    // /help
    public static LocalizedText HelpTitle { get; } = T("MiracleCell: how to use me", "MiracleCell: cara menggunakan saya");
    public static LocalizedText HelpIntro(string film) => T(
        $"I answer questions about **{film}** for your movie club: recaps by part, characters, cast and more. Anything past the premise is hidden behind spoiler tags until you click it.",
        $"Saya menjawab pertanyaan tentang **{film}** untuk klub film Anda: ringkasan per bagian, tokoh, pemeran, dan lainnya. Semua yang melewati premis disembunyikan di balik tag spoiler sampai Anda mengkliknya.");
    public static LocalizedText Commands { get; } = T("Commands", "Perintah");
    public static LocalizedText HideSpoilersHelp { get; } = T(
        "re-posts its text behind a spoiler tag (and removes the original where I may).",
        "memposting ulang teksnya di balik tag spoiler (dan menghapus aslinya bila saya diizinkan).");
    public static LocalizedText MessageCommandHelp(string name, string help) => T(
        $"Right-click a message → Apps → {name}: {help}",
        $"Klik kanan pesan → Apps → {name}: {help}");

    private static string Code(string id) => $"`{id}`";

    private static string List(IReadOnlyList<string> items, string or) => items.Count switch
    {
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + $" {or} " + items[^1],
    };
}
