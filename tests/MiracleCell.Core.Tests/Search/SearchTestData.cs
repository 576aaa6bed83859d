using MiracleCell.Core.Films;
using MiracleCell.Core.Films.Loading;
using MiracleCell.Core.Text;

namespace MiracleCell.Core.Tests.Search;

/// <summary>A catalog shaped like the shipped film's: the same names, aliases and roles.</summary>
internal static class SearchTestData
{
    public static FilmCatalog Catalog() => new(Pack());

    /// <summary>The catalog of the pack the bot ships, with every alias its sources use.</summary>
    public static FilmCatalog ShippedCatalog()
    {
        var folder = Path.Combine(RepositoryRoot(), "data", "films", "miracle-in-cell-no-7");
        var result = ContentPackLoader.Load(folder);
        Assert.True(result.IsValid, $"{folder} did not load: {string.Join("; ", result.Problems)}");
        return new(result.Pack!);
    }

    public static FilmPack Pack()
    {
        Character[] characters =
        [
            Person("lee-yong-gu", "Lee Yong-gu", ["Yong-goo", "Yong Goo", "Yong-go"], "the father", "sang ayah"),
            Person("ye-seung", "Ye-seung", ["Ye-sung", "Ye Seong"], "his daughter", "putrinya"),
            Person("so-yang-ho", "So Yang-ho", ["Yang Ho"], "the cell boss", "kepala sel"),
            Person("choi-chun-ho", "Choi Chun-ho", [], "cellmate", "teman satu sel"),
            Person("shin-bong-sik", "Shin Bong-sik", [], "cellmate", "teman satu sel"),
            Person("kang-man-beom", "Kang Man-beom", [], "cellmate", "teman satu sel"),
            Person("old-man-seo", "Old Man Seo", ["Seo"], "the oldest cellmate", "teman sel tertua"),
            Person("jang-min-hwan", "Jang Min-hwan", ["warden"], "the prison warden", "kepala lapas"),
            Person("police-commissioner", "the police commissioner", ["commissioner", "police chief"],
                "the girl's father", "ayah si gadis"),
        ];
        CastMember[] cast =
        [
            Actor("ryu-seung-ryong", "Ryu Seung-ryong", "lee-yong-gu"),
            Actor("kal-so-won", "Kal So-won", "ye-seung"),
            Actor("park-shin-hye", "Park Shin-hye", "ye-seung"),
            Actor("oh-dal-su", "Oh Dal-su", "so-yang-ho"),
            Actor("park-won-sang", "Park Won-sang", "choi-chun-ho"),
            Actor("jo-jae-yoon", "Jo Jae-yoon", null),
        ];
        RecapPart[] recap =
        [
            Part("premise", 0, "The premise", "Premis", ["start", "beginning", "awal"]),
            Part("cell-7", 1, "Life in Cell No. 7", "Hidup di Sel No. 7", []),
            Part("verdict", 2, "The trial", "Persidangan", ["court", "sidang"]),
        ];
        var film = new Film("miracle-in-cell-no-7",
            new FilmTitles(LocalizedText.Same("Miracle in Cell No. 7"), "7번방의 선물", "7-beon-bang-ui seon-mul",
                LocalizedText.Same("The Gift of Room No. 7")),
            2013, new DateOnly(2013, 1, 23), 127, LocalizedText.Same("South Korea"), "Lee Hwan-kyung", [],
            new SourcedText(LocalizedText.Same("premise"), ["film-site"], SpoilerLevel.None), [], [], [], []);
        return new FilmPack(film, characters, cast, recap, []);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MiracleCell.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException($"no folder above {AppContext.BaseDirectory} holds MiracleCell.sln");
    }

    private static Character Person(string id, string name, string[] aliases, string roleEn, string roleId) =>
        new(id, name, aliases, new LocalizedText(roleEn, roleId), LocalizedText.Same("summary"), [], [], ["film-site"]);

    private static CastMember Actor(string id, string name, string? characterId) =>
        new(id, name, characterId is null ? [] : [new CastRole(characterId, null, ["asianwiki"])], ["streaming-page"]);

    private static RecapPart Part(string id, int order, string titleEn, string titleId, string[] aliases) =>
        new(id, order, new LocalizedText(titleEn, titleId), aliases, SpoilerLevel.None, []);
}

/// <summary>The shipped pack's catalog, loaded once per test class that asks for it.</summary>
public sealed class ShippedCatalogFixture
{
    public FilmCatalog Catalog { get; } = SearchTestData.ShippedCatalog();
}
