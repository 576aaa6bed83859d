using MiracleCell.Core.Films;
using MiracleCell.Core.Films.Loading;

namespace MiracleCell.Core.Tests.Films.Loading;

/// <summary>The made-up second film under tests/MiracleCell.Testing/Packs, kept valid for tests of several
/// films.</summary>
public sealed class FixturePackTests
{
    private static readonly string Folder = Path.Combine(ShippedPackTests.RepositoryRoot(), "tests",
        "MiracleCell.Testing", "Packs", "the-lantern-keeper");

    [Fact]
    public void Fixture_pack_is_valid()
    {
        var result = ContentPackLoader.Load(Folder);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
    }

    [Fact]
    public void Fixture_pack_names_the_part_that_reveals_each_spoiler()
    {
        var pack = ContentPackLoader.Load(Folder).Pack!;

        Assert.Equal("part-3", pack.Trivia.Single(q => q.Id == "keeper-fate").Reveals);
        Assert.Equal([new SpoilerAlias("the drowned man", SpoilerLevel.Major, "part-3")],
            pack.Characters[0].SpoilerAliases);
        Assert.Empty(GiveAwayWords.FindOutsideSpoilerTags(pack, pack.Film.Premise.Text.En));
    }
}
