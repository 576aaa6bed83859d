using MiracleCell.Bot.Hosting;
using MiracleCell.Bot.Tests;
using MiracleCell.Core.Films;

namespace MiracleCell.Benchmarks;

/// <summary>The shipped pack when it loads; otherwise the in-memory test pack, so the other benchmarks still run.</summary>
internal static class BenchmarkPack
{
    public static string Folder => ContentFolder.Resolve(BotOptions.DefaultContentFolder);

    public static FilmPack Load()
    {
        var result = ContentFolder.Load(Folder);
        if (result.IsValid) return result.Pack!;
        Console.Error.WriteLine($"Using the in-memory pack: {Folder} did not load ({(result.Problems.Count > 0 ? result.Problems[0] : null)}).");
        return TestPacks.MiracleInCellNo7();
    }
}
