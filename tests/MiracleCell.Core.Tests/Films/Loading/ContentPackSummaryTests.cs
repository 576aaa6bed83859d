using MiracleCell.Core.Films;
using MiracleCell.Core.Films.Loading;

namespace MiracleCell.Core.Tests.Films.Loading;

public sealed class ContentPackSummaryTests : IDisposable
{
    private readonly TestPack _pack = new();

    public void Dispose() => _pack.Dispose();

    [Fact]
    public void Summary_counts_each_kind_of_content()
    {
        var summary = ContentPackSummary.Of(_pack.Load().Pack!);

        Assert.Equal("test-film", summary.FilmId);
        Assert.Equal("Test Film", summary.Title);
        Assert.Equal(2, summary.Sources);
        Assert.Equal(2, summary.Characters);
        Assert.Equal(2, summary.Aliases);
        Assert.Equal(1, summary.CharacterFacts);
        Assert.Equal(1, summary.Relationships);
        Assert.Equal(2, summary.Cast);
        Assert.Equal(1, summary.CastRoles);
        Assert.Equal(2, summary.RecapParts);
        Assert.Equal(3, summary.Beats);
        Assert.Equal(1, summary.Questions);
        Assert.Equal(1, summary.DisputedFacts);
        Assert.Equal(
            new Dictionary<Difficulty, int> { [Difficulty.Easy] = 1, [Difficulty.Medium] = 0, [Difficulty.Hard] = 0 },
            summary.QuestionsByDifficulty);
    }

    [Fact]
    public void Summary_lines_name_every_count()
    {
        var lines = ContentPackSummary.Of(_pack.Load().Pack!).ToLines();

        Assert.Equal("Test Film (test-film)", lines[0]);
        Assert.Contains("  characters:    2 (2 aliases, 1 facts, 1 relationships)", lines);
        Assert.Contains("  questions:     1 (1 easy, 0 medium, 0 hard)", lines);
    }
}
