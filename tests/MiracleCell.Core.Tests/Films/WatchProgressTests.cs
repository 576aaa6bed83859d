using MiracleCell.Core.Films;
using MiracleCell.Core.Films.Loading;
using MiracleCell.Core.Tests.Films.Loading;

namespace MiracleCell.Core.Tests.Films;

public sealed class WatchProgressTests
{
    private static readonly FilmCatalog Catalog = new(ContentPackLoader.Load(Path.Combine(
        ShippedPackTests.RepositoryRoot(), "tests", "MiracleCell.Testing", "Packs", "the-lantern-keeper")).Pack!);

    [Theory]
    [InlineData(0, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(int.MaxValue, true)]
    public void A_spoiler_is_covered_once_its_revealing_part_is_watched(int watched, bool covered)
    {
        var pack = Catalog.Pack;
        Assert.Equal(covered, new WatchProgress(watched).Covers(pack, "part-3"));
        Assert.True(new WatchProgress(watched).Covers(pack, (string?)null));
        Assert.False(new WatchProgress(watched).Covers(pack, "part-99"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("7")]
    [InlineData("f")]
    public void The_custom_id_token_reads_back_as_the_same_progress(string token)
    {
        var progress = WatchProgress.FromToken(token)!.Value;
        Assert.Equal(token, progress.ToToken());
    }

    [Fact]
    public void A_part_past_the_progress_is_not_found_by_its_title_but_by_its_number_and_aliases()
    {
        Assert.Null(Catalog.ResolvePart("Lost at sea", WatchProgress.Nothing));
        Assert.Equal("part-3", Catalog.ResolvePart("Lost at sea", WatchProgress.Finished)?.Id);
        Assert.Equal("part-3", Catalog.ResolvePart("ending", WatchProgress.Nothing)?.Id);
        Assert.Equal("part-3", Catalog.ResolvePart("3", WatchProgress.Nothing)?.Id);
        Assert.DoesNotContain(Catalog.SuggestParts("lost", WatchProgress.Nothing, 25), p => p.Id == "part-3");
    }

    [Fact]
    public void A_spoiler_alias_names_its_character_only_once_its_part_is_watched()
    {
        var alias = Catalog.Pack.Characters.SelectMany(c => c.SpoilerAliases.Select(a => (c, a))).First();
        var revealedAt = Catalog.Pack.Recap.Single(p => p.Id == alias.a.Reveals).Order;

        Assert.Null(Catalog.ResolveCharacter(alias.a.Name, new WatchProgress(revealedAt - 1)));
        Assert.Equal(alias.c.Id, Catalog.ResolveCharacter(alias.a.Name, new WatchProgress(revealedAt))?.Id);
    }
}
