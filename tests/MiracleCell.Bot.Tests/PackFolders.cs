using MiracleCell.Bot.Hosting;
using MiracleCell.Core.Films;

namespace MiracleCell.Bot.Tests;

/// <summary>The packs on disk: the shipped film and the fictional test-only fixture.</summary>
internal static class PackFolders
{
    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MiracleCell.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException("MiracleCell.sln not found above " + AppContext.BaseDirectory);
    }

    public static string Shipped => Path.Combine(RepositoryRoot(), "data", "films");

    public static string MiracleInCellNo7 => Path.Combine(Shipped, "miracle-in-cell-no-7");

    public static string LanternKeeper =>
        Path.Combine(RepositoryRoot(), "tests", "MiracleCell.Testing", "Packs", "the-lantern-keeper");

    public static FilmPack Load(string folder)
    {
        var loaded = ContentFolder.Load(folder);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Problems));
        return loaded.Pack!;
    }
}
