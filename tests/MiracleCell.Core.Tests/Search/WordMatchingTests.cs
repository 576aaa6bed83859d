using MiracleCell.Core.Films;

namespace MiracleCell.Core.Tests.Search;

/// <summary>A query of several words is matched word by word, so a word more or fewer than a name still finds
/// it.</summary>
public sealed class WordMatchingTests(ShippedCatalogFixture shipped) : IClassFixture<ShippedCatalogFixture>
{
    private readonly FilmCatalog _catalog = shipped.Catalog;

    [Theory]
    [InlineData("warden jang", "jang-min-hwan")]
    [InlineData("officer jang", "jang-min-hwan")]
    [InlineData("Warden Officer Jang Min-hwan", "jang-min-hwan")]
    [InlineData("old seo", "old-man-seo")]
    [InlineData("seo man", "old-man-seo")]
    [InlineData("police officer", "police-commissioner")]
    public void Words_from_different_names_of_one_character_find_them(string query, string expectedId)
    {
        Assert.Equal(expectedId, _catalog.Characters.Resolve(query)?.Item.Id);
    }

    [Theory]
    [InlineData("rival leader", "rival-gang-leader")]
    [InlineData("the girl with the backpack", "commissioner-daughter")]
    public void A_query_missing_a_word_of_a_name_finds_the_character(string query, string expectedId)
    {
        Assert.Equal(expectedId, _catalog.Characters.Resolve(query)?.Item.Id);
    }

    [Theory]
    [InlineData("offcer jang")]
    [InlineData("warden jnag")]
    public void A_typo_in_one_word_of_several_is_tolerated(string query)
    {
        Assert.Equal("jang-min-hwan", _catalog.Characters.Resolve(query)?.Item.Id);
    }

    [Theory]
    [InlineData("little ye-seung")]
    [InlineData("Young Ye-seung")]
    [InlineData("adult ye seung")]
    [InlineData("grown-up Ye-seung")]
    public void An_age_word_before_a_name_still_finds_the_character(string query)
    {
        Assert.Equal("ye-seung", _catalog.Characters.Resolve(query)?.Item.Id);
    }

    [Theory]
    [InlineData("Ye-seung's father", "lee-yong-gu")]
    [InlineData("father of Ye-seung", "lee-yong-gu")]
    [InlineData("head of the prison", "jang-min-hwan")]
    [InlineData("daughter of the commissioner", "commissioner-daughter")]
    [InlineData("the police commissioner's daughter", "commissioner-daughter")]
    public void A_possessive_finds_who_is_owned_not_the_owner(string query, string expectedId)
    {
        Assert.Equal(expectedId, _catalog.Characters.Resolve(query)?.Item.Id);
    }

    [Fact]
    public void A_possessive_naming_no_one_does_not_resolve_to_its_owner()
    {
        // Nobody is called "dad": the owner, Ye-seung, is context, not the answer.
        Assert.Null(_catalog.Characters.Resolve("Ye-seung's dad"));
    }

    [Fact]
    public void A_name_that_is_only_the_owner_in_another_characters_name_does_not_find_that_character()
    {
        // "Ye-seung's teacher" (id ye-seung-teacher) contains Ye-seung, but is not Ye-seung.
        var suggestions = _catalog.Characters.Suggest("little ye-seung");

        Assert.Equal("ye-seung", suggestions[0].Item.Id);
        Assert.DoesNotContain(suggestions, m => m.Item.Id == "ye-seung-teacher" && m.Score >= 0.75);
    }

    [Theory]
    [InlineData("yonggoo bear")]
    [InlineData("jang bear")]
    [InlineData("commissioner jang")]
    [InlineData("yong-gu ye-seung")]
    [InlineData("qqqq warden")]
    public void A_word_that_fits_none_of_a_characters_names_keeps_the_query_from_resolving(string query)
    {
        Assert.Null(_catalog.Characters.Resolve(query));
    }

    [Fact]
    public void A_near_miss_with_an_extra_word_is_offered_as_a_suggestion()
    {
        Assert.Equal("lee-yong-gu", _catalog.Characters.Suggest("yonggoo bear", 3)[0].Item.Id);
    }

    [Fact]
    public void A_family_name_two_characters_share_stays_ambiguous()
    {
        Assert.Null(_catalog.Characters.Resolve("mr lee"));
        Assert.Equal(["lee-yong-gu", "ye-seung"], _catalog.Characters.Suggest("mr lee", 2).Select(m => m.Item.Id));
    }

    [Theory]
    [InlineData("Yong-gu's daughter", "ye-seung", "commissioner-daughter")]
    [InlineData("gang boss", "so-yang-ho", "rival-gang-leader")]
    public void A_query_whose_words_fit_two_characters_equally_stays_ambiguous(string query, string first,
        string second)
    {
        Assert.Null(_catalog.Characters.Resolve(query));
        Assert.Equal([first, second], _catalog.Characters.Suggest(query, 2).Select(m => m.Item.Id));
    }

    [Fact]
    public void An_exact_name_ranks_above_a_word_by_word_match()
    {
        var suggestions = _catalog.Characters.Suggest("gang leader");

        Assert.Equal(["so-yang-ho", "rival-gang-leader"], suggestions.Take(2).Select(m => m.Item.Id));
        Assert.Equal("so-yang-ho", _catalog.Characters.Resolve("gang leader")?.Item.Id);
    }

    [Theory]
    [InlineData("officer ja", "jang-min-hwan")]
    [InlineData("warden j", "jang-min-hwan")]
    [InlineData("little ye", "ye-seung")]
    [InlineData("rival g", "rival-gang-leader")]
    public void Autocomplete_completes_a_half_typed_last_word(string typed, string expectedId)
    {
        var suggestions = _catalog.Characters.Suggest(typed);

        Assert.Equal(expectedId, suggestions[0].Item.Id);
        Assert.Equal(suggestions.Select(m => m.Score).OrderDescending(), suggestions.Select(m => m.Score));
    }

    [Fact]
    public void A_half_typed_last_word_keeps_a_candidate_in_the_list()
    {
        Assert.Contains(_catalog.Characters.Suggest("little y"), m => m.Item.Id == "ye-seung");
    }

    [Fact]
    public void The_test_catalog_finds_its_warden_with_an_extra_word_too()
    {
        var catalog = SearchTestData.Catalog();

        Assert.Equal("jang-min-hwan", catalog.Characters.Resolve("warden jang")?.Item.Id);
        Assert.Equal("jang-min-hwan", catalog.Characters.Resolve("the prison warden")?.Item.Id);
    }

    [Fact]
    public void Actors_sharing_a_family_name_stay_ambiguous()
    {
        Assert.Null(SearchTestData.Catalog().Cast.Resolve("mr park"));
    }
}
