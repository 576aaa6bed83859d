using MiracleCell.Core.Films.Loading;

namespace MiracleCell.Core.Tests.Films.Loading;

public sealed class ShippedPackTests
{
    [Fact]
    public void Shipped_pack_is_valid()
    {
        var folder = Path.Combine(RepositoryRoot(), "data", "films", "miracle-in-cell-no-7");

        var result = ContentPackLoader.Load(folder);

        Assert.True(result.IsValid, $"{result.Problems.Count} problem(s) in "
            + $"{folder}:{Environment.NewLine}{string.Join(Environment.NewLine, result.Problems)}");
    }

    internal static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MiracleCell.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException($"no folder above {AppContext.BaseDirectory} holds MiracleCell.sln");
    }
}
