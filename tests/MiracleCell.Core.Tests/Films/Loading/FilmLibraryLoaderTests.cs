using MiracleCell.Core.Films;
using MiracleCell.Core.Films.Loading;
using MiracleCell.Core.Text;

namespace MiracleCell.Core.Tests.Films.Loading;

/// <summary>
/// A library folder of packs, built from copies of the fixture pack: each pack is validated on its own, a bad one is
/// left out with its problems, and a folder holding film.yaml is a library of one.
/// </summary>
public sealed class FilmLibraryLoaderTests : IDisposable
{
    private static readonly string Fixture = Path.Combine(
        ShippedPackTests.RepositoryRoot(), "tests", "MiracleCell.Testing", "Packs", "the-lantern-keeper");

    private readonly string _library = Directory.CreateTempSubdirectory("miraclecell-library-").FullName;

    private string CopyFixture(string folderName)
    {
        var target = Directory.CreateDirectory(Path.Combine(_library, folderName)).FullName;
        foreach (var file in Directory.EnumerateFiles(Fixture))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        return target;
    }

    [Fact]
    public void A_bad_pack_is_left_out_with_its_file_and_line_and_the_others_load()
    {
        CopyFixture("the-lantern-keeper");
        var broken = CopyFixture("a-broken-copy");
        Directory.CreateDirectory(Path.Combine(_library, "notes-without-a-pack"));

        var result = FilmLibraryLoader.Load(_library);

        Assert.Equal(["a-broken-copy", "the-lantern-keeper"], result.Packs.Select(p => p.Name));
        var bad = Assert.Single(result.Invalid);
        Assert.Equal(broken, bad.Folder);
        Assert.Contains(bad.Result.Problems, p => p.File == "film.yaml" && p.Line > 0);
        var library = Assert.IsType<FilmLibrary>(result.Library);
        Assert.Equal("the-lantern-keeper", Assert.Single(library.Films).Pack.Film.Id);
    }

    [Fact]
    public void No_valid_pack_gives_no_library()
    {
        CopyFixture("a-broken-copy");

        var result = FilmLibraryLoader.Load(_library);

        Assert.Single(result.Invalid);
        Assert.Null(result.Library);
    }

    [Fact]
    public void An_empty_or_missing_folder_has_no_pack()
    {
        Assert.Empty(FilmLibraryLoader.Load(_library).Packs);
        Assert.Empty(FilmLibraryLoader.Load(Path.Combine(_library, "missing")).Packs);
    }

    [Fact]
    public void A_folder_holding_film_yaml_is_a_library_of_that_one_pack()
    {
        var pack = CopyFixture("the-lantern-keeper");

        var result = FilmLibraryLoader.Load(pack);

        Assert.Equal(pack, Assert.Single(result.Packs).Folder);
        Assert.Equal("the-lantern-keeper", result.Library!.Default.Pack.Film.Id);
    }

    [Fact]
    public void The_library_finds_films_by_id_or_title_and_suggests_by_the_readers_title()
    {
        CopyFixture("the-lantern-keeper");
        var library = FilmLibraryLoader.Load(_library).Library!;

        Assert.Same(library.Default, library.Find("The-Lantern-Keeper"));
        Assert.Same(library.Default, library.Resolve("penjaga lentera"));
        Assert.Null(library.Resolve("nosferatu"));
        Assert.Single(library.Suggest("lent", Locale.Indonesian, 25));
        Assert.Single(library.Suggest("keep", Locale.English, 25));
        Assert.Empty(library.Suggest("zzz", Locale.English, 25));
    }

    [Fact]
    public void Two_films_with_one_id_are_refused()
    {
        var pack = ContentPackLoader.Load(Fixture).Pack!;

        Assert.Throws<ArgumentException>(() => new FilmLibrary([pack, pack]));
        Assert.Throws<ArgumentException>(() => new FilmLibrary([]));
    }

    public void Dispose() => Directory.Delete(_library, recursive: true);
}
