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
    public static string Folder => ContentFolder.Resolve(BotOptions.DefaultContentFolder);

    public static FilmPack Load()
    {
        var library = ContentFolder.LoadLibrary(Folder);
        if (library.Library is { } films) return films.Default.Pack;
        Console.Error.WriteLine($"Using the in-memory pack: {Folder} did not load ({ContentFolder.Unusable(library)}).");
        return TestPacks.MiracleInCellNo7();
    }
}
