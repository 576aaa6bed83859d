using MiracleCell.Core.Films;

namespace MiracleCell.Core.Tests.Search;

/// <summary>Articles and titles ("the", "mr") are not part of a name on either side of a lookup.</summary>
public sealed class FillerWordTests(ShippedCatalogFixture shipped) : IClassFixture<ShippedCatalogFixture>
{
    private readonly FilmCatalog _catalog = shipped.Catalog;

    [Theory]
    [InlineData("the warden", "jang-min-hwan")]
    [InlineData("The Warden", "jang-min-hwan")]
    [InlineData("the yong-gu", "lee-yong-gu")]
    [InlineData("Mr. Yong-gu", "lee-yong-gu")]
    [InlineData("mr yong goo", "lee-yong-gu")]
    [InlineData("the arsonist", "arsonist")]
    public void A_query_with_a_leading_article_or_title_finds_the_character(string query, string expectedId)
    {
        var match = _catalog.Characters.Resolve(query);

        Assert.Equal(expectedId, match?.Item.Id);
        Assert.True(match!.IsExact, $"'{query}' scored {match.Score}");
    }

    [Theory]
    [InlineData("witness", "witness")]
    [InlineData("rival gang leader", "rival-gang-leader")]
    [InlineData("little girl", "commissioner-daughter")]
    public void A_name_without_its_article_is_an_exact_match(string query, string expectedId)
    {
        var match = _catalog.Characters.Resolve(query);

        Assert.Equal(expectedId, match?.Item.Id);
        Assert.True(match!.IsExact, $"'{query}' scored {match.Score}");
    }

    [Fact]
    public void A_name_without_its_article_is_exact_in_the_test_catalog_too()
    {
        Assert.True(SearchTestData.Catalog().Characters.Resolve("police commissioner")?.IsExact);
    }

    [Fact]
    public void The_name_a_query_spells_out_beats_a_longer_name_that_begins_with_it()
    {
        // "The commissioner's daughter" starts with "the commissioner", but the commissioner is who it names.
        Assert.Equal("police-commissioner", _catalog.Characters.Resolve("the commissioner")?.Item.Id);
    }

    [Theory]
    [InlineData("the")]
    [InlineData("mr")]
    [InlineData("the qqqq")]
    public void A_filler_word_alone_or_with_nonsense_names_nobody(string query)
    {
        Assert.Null(_catalog.Characters.Resolve(query));
    }

    [Fact]
    public void A_role_several_characters_share_stays_ambiguous_with_its_article()
    {
        Assert.Null(_catalog.Characters.Resolve("a cellmate"));
        Assert.Equal(["choi-chun-ho", "shin-bong-sik", "kang-man-beom"],
            _catalog.Characters.Suggest("a cellmate").Take(3).Select(m => m.Item.Id));
    }

    [Fact]
    public void Every_name_and_alias_of_the_shipped_pack_resolves_exactly_to_its_character()
    {
        foreach (var character in _catalog.Pack.Characters)
        {
            foreach (var name in character.Aliases.Append(character.Name).Append(character.Id))
            {
                var match = _catalog.Characters.Resolve(name);
                Assert.True(match?.Item == character, $"'{name}' resolved to "
                    + $"{match?.Item.Id ?? "nothing"}, not {character.Id}");
                Assert.True(match!.IsExact, $"'{name}' is not an exact match");
            }
        }
    }
}
