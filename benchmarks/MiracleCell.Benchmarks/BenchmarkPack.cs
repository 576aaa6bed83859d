using MiracleCell.Bot.Hosting;
using MiracleCell.Bot.Tests;
using MiracleCell.Core.Films;

namespace MiracleCell.Benchmarks;

/// <summary>
/// The shipped library's default film when it loads; otherwise the in-memory test pack, so the other benchmarks still
/// run.
/// </summary>
internal static class BenchmarkPack
{
    /// <summary>The shipped library.</summary>
    public static string Library => ContentFolder.Resolve(BotOptions.DefaultContentFolder);

    /// <summary>The folder of the library's default film: the pack the pack-load benchmarks read.</summary>
    public static string Folder => ContentFolder.LoadLibrary(Library).Valid is [var first, ..] ? first.Folder : Library;

    public static FilmPack Load()
    {
        var library = ContentFolder.LoadLibrary(Library);
        if (library.Library is { } films) return films.Default.Pack;
        Console.Error.WriteLine(
            $"Using the in-memory pack: {Library} did not load ({ContentFolder.Unusable(library)}).");
        return TestPacks.MiracleInCellNo7();
    }
}
