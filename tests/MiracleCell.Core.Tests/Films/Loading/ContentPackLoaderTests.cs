using MiracleCell.Core.Films;
using MiracleCell.Core.Films.Loading;

namespace MiracleCell.Core.Tests.Films.Loading;

public sealed class ContentPackLoaderTests : IDisposable
{
    private readonly TestPack _pack = new();

    public void Dispose() => _pack.Dispose();

    [Fact]
    public void A_valid_pack_loads_without_problems()
    {
        var result = _pack.Load();

        Assert.Empty(result.Problems);
        Assert.True(result.IsValid);
        var pack = result.Pack!;
        Assert.Equal("test-film", pack.Film.Id);
        Assert.Equal(new DateOnly(2013, 1, 23), pack.Film.ReleaseDate);
        Assert.Equal(["film-site", "fan-review"], pack.Film.Sources.Select(s => s.Id));
        Assert.Equal("https://example.org/review", pack.Film.Sources[1].Url);
        Assert.Equal(["Yong-goo", "Yong Goo"], pack.Characters[0].Aliases);
        Assert.Equal("the-daughter", pack.Characters[0].Relationships[0].CharacterId);
        Assert.Empty(pack.Cast[1].Roles);
        Assert.Equal("the-father", pack.Cast[0].Roles[0].CharacterId);
        Assert.Equal("Yellow", pack.Trivia[0].Answer.En);
        Assert.Equal(3, pack.Trivia[0].WrongAnswers.Count);
    }

    [Fact]
    public void Recap_parts_keep_file_order_and_take_the_highest_spoiler_of_their_beats()
    {
        var recap = _pack.Load().Pack!.Recap;

        Assert.Equal(["part-1", "part-2"], recap.Select(p => p.Id));
        Assert.Equal([1, 2], recap.Select(p => p.Order));
        Assert.Equal(SpoilerLevel.None, recap[0].Spoiler);
        Assert.Equal(SpoilerLevel.Major, recap[1].Spoiler);
        Assert.True(recap[1].Beats[1].Disputed);
    }

    [Fact]
    public void Optional_keys_take_their_defaults()
    {
        var pack = _pack.Load().Pack!;

        Assert.Equal(SpoilerLevel.None, pack.Characters[0].Relationships[0].Spoiler);
        Assert.False(pack.Characters[0].Facts[0].Disputed);
        Assert.Empty(pack.Characters[1].Aliases);
        Assert.Empty(pack.Characters[1].Facts);
        Assert.Null(pack.Cast[0].Roles[0].Note);
        Assert.Null(pack.Film.Remakes[0].Note);
    }
}
