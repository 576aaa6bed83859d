using MiracleCell.Core.Films;
using MiracleCell.Core.Text;

namespace MiracleCell.Bot.Tests;

/// <summary>
/// Packs built in memory, shaped like the real Miracle in Cell No. 7 pack: aliases, a character played by
/// two actors, an actor with no role, recap parts at every spoiler level, a disputed beat.
/// </summary>
public static class TestPacks
{
    private static LocalizedText T(string en, string id) => new(en, id);

    private static SourcedText Fact(string en, string id, SpoilerLevel spoiler, params string[] sources) =>
        new(T(en, id), sources, spoiler);

    private static SourcedText Revealed(string en, string id, SpoilerLevel spoiler, string reveals,
        params string[] sources) =>
        new(T(en, id), sources, spoiler, Reveals: reveals);

    public static FilmPack MiracleInCellNo7() => new(
        new Film(
            "miracle-in-cell-no-7",
            new FilmTitles(LocalizedText.Same("Miracle in Cell No. 7"), "7번방의 선물", "7-beon-bang-ui seon-mul",
                T("The Gift of Room No. 7", "Hadiah dari Kamar No. 7")),
            2013,
            new DateOnly(2013, 1, 23),
            127,
            T("South Korea", "Korea Selatan"),
            "Lee Hwan-kyung",
            [T("drama", "drama"), T("comedy", "komedi")],
            Fact("A father with the mind of a child is jailed for a crime he did not commit, and his cellmates help "
                + "his young daughter visit him.",
                "Seorang ayah berpikiran seperti anak-anak dipenjara atas kejahatan yang tidak ia lakukan, dan teman "
                    + "satu selnya membantu putrinya menjenguknya.",
                SpoilerLevel.None, "film-site", "streaming-page"),
            [Fact("About 12.8 million admissions in South Korea.", "Sekitar 12,8 juta penonton di Korea Selatan.",
                SpoilerLevel.None, "ahjummamshies")],
            [new Remake(T("Turkey", "Turki"), 2019, "7. Koğuştaki Mucize", "Mehmet Ada Öztekin", null, ["medcom"]),
             new Remake(T("Indonesia", "Indonesia"), 2022, "Miracle in Cell No. 7", "Hanung Bramantyo",
                 T("The father is called Dodo Rojak.", "Sang ayah bernama Dodo Rojak."), ["medcom"])],
            [
                new SourceDocument("tribunnews-wiki", "seed", "id", "TribunnewsWiki synopsis",
                    "000_68700b852c1d7f38.txt", null),
                new SourceDocument("film-site", "seed", "en", "Film-site synopsis", "001_7a2213ddc96354ff.txt", null),
                new SourceDocument("fan-review", "seed", "en", "Fan blog review", "002_b0b3b578f61a7ebc.txt", null),
                new SourceDocument("streaming-page", "seed", "en", "Streaming page", "003_86fdcb8740dcd5bb.txt", null),
                new SourceDocument("asianwiki", "extra", "en", "AsianWiki — Miracle in Cell No. 7", null,
                    "https://asianwiki.com/Miracle_in_Cell_No.7"),
                new SourceDocument("ahjummamshies", "extra", "en", "Ahjummamshies", null, "https://ahjummamshies.com"),
                new SourceDocument("medcom", "extra", "id", "Medcom.id", null, "https://medcom.id"),
                new SourceDocument("naesushi", "extra", "en", "Naesushi review", null,
                    "https://naesushi.wordpress.com"),
            ],
            ["asianwiki"]),
        [
            new Character("lee-yong-gu", "Lee Yong-gu", ["Yong-goo", "Yong Goo", "Yong-go"],
                T("the father", "sang ayah"),
                T("A kind father with the mind of a six-year-old who lives for his daughter.", "Ayah baik hati "
                    + "berpikiran anak enam tahun yang hidup untuk putrinya."),
                [Revealed("He saves the warden from a fire in the prison.", "Ia menyelamatkan kepala sipir dari "
                    + "kebakaran di penjara.", SpoilerLevel.Mild, "part-3", "film-site", "fan-review"),
                 Revealed("He is executed on his daughter's birthday.", "Ia dieksekusi pada hari ulang tahun putrinya.",
                     SpoilerLevel.Major, "part-4", "fan-review")],
                [new Relationship("ye-seung", T("daughter", "putri"), SpoilerLevel.None, ["film-site"]),
                 new Relationship("so-yang-ho", T("cellmate who becomes a friend", "teman sel yang menjadi sahabat"),
                     SpoilerLevel.Mild, ["fan-review"], "part-3")],
                ["film-site"]),
            new Character("ye-seung", "Ye-seung", ["Ye-sung", "Ye Seong"], T("the daughter", "sang putri"),
                T("Yong-gu's bright young daughter.", "Putri kecil Yong-gu yang cerdas."),
                [new SourcedText(T("As an adult she studies law (TribunnewsWiki) or is already a lawyer (Streaming "
                    + "page; Fan blog review).", "Saat dewasa ia kuliah hukum (TribunnewsWiki) atau sudah menjadi "
                    + "pengacara (Streaming page; Fan blog review)."),
                    ["tribunnews-wiki", "streaming-page", "fan-review"], SpoilerLevel.Major, Disputed: true,
                    Reveals: "part-4")],
                [new Relationship("lee-yong-gu", T("father", "ayah"), SpoilerLevel.None, ["film-site"])],
                ["film-site"]),
            new Character("so-yang-ho", "So Yang-ho", ["Yang Ho"], T("the cell boss", "kepala sel"),
                T("The leader of the inmates in Cell No. 7.", "Pemimpin para napi di Sel No. 7."),
                [Revealed("Yong-gu saves his life after a stabbing.", "Yong-gu menyelamatkan "
                    + "nyawanya setelah penusukan.", SpoilerLevel.Mild, "part-3", "film-site")],
                [],
                ["film-site"]),
        ],
        [
            new CastMember("ryu-seung-ryong", "Ryu Seung-ryong",
                [new CastRole("lee-yong-gu", null, ["naesushi", "asianwiki"])], ["streaming-page"]),
            new CastMember("kal-so-won", "Kal So-won",
                [new CastRole("ye-seung", T("as a child", "saat kecil"), ["asianwiki"])], ["streaming-page"]),
            new CastMember("park-shin-hye", "Park Shin-hye",
                [new CastRole("ye-seung", T("as an adult", "saat dewasa"), ["asianwiki"])], ["asianwiki"]),
            new CastMember("oh-dal-su", "Oh Dal-su", [new CastRole("so-yang-ho", null, ["asianwiki"])],
                ["streaming-page"]),
            new CastMember("jo-jae-yoon", "Jo Jae-yoon", [], ["streaming-page"]),
        ],
        [
            new RecapPart("part-1", 1, T("The premise", "Premis"), ["premise", "start", "beginning", "awal"],
                SpoilerLevel.None,
                [Fact("Yong-gu and his daughter Ye-seung live happily in Seoul.", "Yong-gu dan putrinya Ye-seung "
                    + "hidup bahagia di Seoul.", SpoilerLevel.None, "film-site")]),
            new RecapPart("part-2", 2, T("The arrest", "Penangkapan"), ["accident"], SpoilerLevel.Mild,
                [new SourcedText(T("A girl dies in an accident: she slips on ice (Film-site synopsis), or slips and is "
                    + "hit by a brick (Fan blog review).", "Seorang gadis tewas dalam kecelakaan: terpeleset di es "
                    + "(Film-site synopsis), atau terpeleset dan tertimpa bata (Fan blog review)."),
                    ["film-site", "fan-review"], SpoilerLevel.Mild, Disputed: true),
                 Fact("Yong-gu is arrested and forced to confess.", "Yong-gu ditangkap dan dipaksa mengaku.",
                     SpoilerLevel.Mild, "film-site")])
            {
                GiveAwayWords = ["arrest", "arrested", "forced to confess", "penangkapan", "ditangkap",
                    "dipaksa mengaku"],
            },
            new RecapPart("part-3", 3, T("Life in Cell No. 7", "Hidup di Sel No. 7"), ["cell", "prison"],
                SpoilerLevel.Mild,
                [Fact("His cellmates smuggle Ye-seung into the prison.", "Teman satu selnya menyelundupkan "
                    + "Ye-seung ke penjara.", SpoilerLevel.Mild, "fan-review")])
            {
                GiveAwayWords = ["smuggle", "stabbing", "fire", "menyelundupkan", "penusukan", "kebakaran"],
            },
            new RecapPart("part-4", 4, T("The ending", "Akhir cerita"), ["ending", "end"], SpoilerLevel.Major,
                [Fact("Yong-gu is sentenced to death.", "Yong-gu dijatuhi hukuman mati.", SpoilerLevel.Major,
                    "fan-review"),
                 Fact("Years later Ye-seung clears his name in a mock trial.", "Bertahun-tahun kemudian Ye-seung "
                     + "membersihkan namanya dalam sidang simulasi.", SpoilerLevel.Major, "fan-review",
                     "tribunnews-wiki")])
            {
                GiveAwayWords = ["sentenced", "executed", "mock trial", "lawyer", "dijatuhi hukuman", "dieksekusi",
                    "sidang simulasi", "pengacara"],
            },
        ],
        []);

    /// <summary>A pack with a recap part and a character far too long for one message, to exercise splitting and
    /// pages.</summary>
    public static FilmPack Oversized()
    {
        var pack = MiracleInCellNo7();
        // ~1200 chars: over one field
        var longBeat = string.Join(" ", Enumerable.Repeat("Yong-gu waits in the yard while the inmates plan.", 24));
        var beats = Enumerable.Range(1, 40)
            .Select(i =>
                new SourcedText(T($"Beat {i}: {longBeat}", $"Adegan {i}: {longBeat}"), ["fan-review"],
                    SpoilerLevel.Major))
            .ToList();
        var facts = Enumerable.Range(1, 30)
            .Select(i =>
                new SourcedText(T($"Fact {i} about the trial and the sentence.", $"Fakta {i} tentang sidang."),
                    ["fan-review"], SpoilerLevel.Major))
            .ToList();
        return pack with
        {
            Recap = [.. pack.Recap,
                new RecapPart("part-5", 5, T("The long epilogue", "Epilog panjang"), [], SpoilerLevel.Major, beats)],
            Characters = [.. pack.Characters.Select(c =>
                c.Id == "lee-yong-gu" ? c with { Facts = [.. c.Facts, .. facts] } : c)],
            Cast = [.. pack.Cast,
                .. Enumerable.Range(1, 60)
                    .Select(i => new CastMember($"extra-{i}", $"Extra Actor Number {i}", [], ["streaming-page"]))],
        };
    }
}
