using MiracleCell.Core.Films;
using MiracleCell.Core.Search;

namespace MiracleCell.Core.Tests.Search;

public sealed class NameIndexTests
{
    private readonly FilmCatalog _catalog = SearchTestData.Catalog();

    [Theory]
    [InlineData("yonggu", "lee-yong-gu")]
    [InlineData("Yong Goo", "lee-yong-gu")]
    [InlineData("Lee Young-gu", "lee-yong-gu")]
    [InlineData("LEE YONG GU", "lee-yong-gu")]
    [InlineData("Ye Sung", "ye-seung")]
    [InlineData("Yé-séung", "ye-seung")]
    [InlineData("yeseong", "ye-seung")]
    [InlineData("yang ho", "so-yang-ho")]
    [InlineData("comissioner", "police-commissioner")]
    [InlineData("commisioner", "police-commissioner")]
    [InlineData("warden", "jang-min-hwan")]
    [InlineData("min hwan", "jang-min-hwan")]
    [InlineData("old man", "old-man-seo")]
    [InlineData("chun ho", "choi-chun-ho")]
    [InlineData("sang ayah", "lee-yong-gu")]
    public void Resolve_finds_a_character_by_a_misspelled_or_partial_name(string query, string expectedId)
    {
        var match = _catalog.Characters.Resolve(query);

        Assert.NotNull(match);
        Assert.Equal(expectedId, match.Item.Id);
    }

    [Fact]
    public void Resolve_finds_every_name_and_alias_exactly()
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

    [Fact]
    public void Suggest_offers_nothing_for_a_name_unlike_any_other()
    {
        Assert.Empty(_catalog.Characters.Suggest("batman"));
    }

    [Theory]
    [InlineData("batman")]
    [InlineData("xyz")]
    [InlineData("")]
    [InlineData("  -- ")]
    public void Resolve_returns_null_for_a_name_no_character_has(string query)
    {
        Assert.Null(_catalog.Characters.Resolve(query));
    }

    [Fact]
    public void Resolve_returns_null_when_two_items_fit_equally()
    {
        Assert.Null(_catalog.Characters.Resolve("cellmate"));
        Assert.Null(_catalog.Cast.Resolve("Ye-seung"));
    }

    [Fact]
    public void Suggest_offers_the_characters_an_ambiguous_name_fits_in_list_order()
    {
        var suggestions = _catalog.Characters.Suggest("cellmate");

        Assert.Equal(["choi-chun-ho", "shin-bong-sik", "kang-man-beom"], suggestions.Take(3).Select(m => m.Item.Id));
    }

    [Fact]
    public void Suggest_offers_the_closest_names_for_a_near_miss()
    {
        var suggestions = _catalog.Characters.Suggest("Kang Bong-sik");

        Assert.Null(_catalog.Characters.Resolve("Kang Bong-sik"));
        Assert.Equal("shin-bong-sik", Assert.Single(suggestions).Item.Id);
    }

    [Theory]
    [InlineData("ye", "ye-seung")]
    [InlineData("com", "police-commissioner")]
    [InlineData("min", "jang-min-hwan")]
    [InlineData("bong", "shin-bong-sik")]
    [InlineData("ward", "jang-min-hwan")]
    public void Suggest_ranks_a_prefix_of_any_word_first(string prefix, string expectedId)
    {
        var suggestions = _catalog.Characters.Suggest(prefix);

        Assert.Equal(expectedId, suggestions[0].Item.Id);
    }

    [Fact]
    public void Suggest_lists_best_first()
    {
        var scores = _catalog.Characters.Suggest("yo").Select(m => m.Score).ToList();

        Assert.NotEmpty(scores);
        Assert.Equal(scores.OrderByDescending(s => s), scores);
    }

    [Fact]
    public void Suggest_for_an_empty_query_lists_items_in_pack_order()
    {
        var suggestions = _catalog.Characters.Suggest("");

        Assert.Equal(_catalog.Pack.Characters.Select(c => c.Id), suggestions.Select(m => m.Item.Id));
    }

    [Fact]
    public void Suggest_returns_at_most_the_requested_number_and_never_more_than_25()
    {
        var index = new NameIndex<int>(Enumerable.Range(0, 40).Select(i => (i, $"Guard {i}", (IEnumerable<string>)[])));

        Assert.Equal(3, index.Suggest("guard", 3).Count);
        Assert.Equal(25, index.Suggest("guard", 100).Count);
        Assert.Equal(25, index.Suggest("", 100).Count);
        Assert.Empty(index.Suggest("guard", 0));
    }

    [Fact]
    public void Suggest_keeps_list_order_among_equal_scores()
    {
        var index = new NameIndex<int>(
            Enumerable.Range(0, 40).Select(i => (i, $"Guard {i % 2}", (IEnumerable<string>)[])));

        var suggestions = index.Suggest("guard", 10);

        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], suggestions.Select(m => m.Item));
    }

    [Fact]
    public void A_very_long_query_is_cut_rather_than_failing()
    {
        var query = string.Concat(Enumerable.Repeat("Lee Yong-gu ", 5000));

        Assert.Null(_catalog.Characters.Resolve(query));
        Assert.NotNull(_catalog.Characters.Suggest(query));
    }

    [Fact]
    public void Resolve_finds_an_actor_by_the_character_they_play()
    {
        Assert.Equal("ryu-seung-ryong", _catalog.Cast.Resolve("Lee Yong-gu")?.Item.Id);
        Assert.Equal("oh-dal-su", _catalog.Cast.Resolve("oh dalsu")?.Item.Id);
        Assert.Null(_catalog.Cast.Resolve("Ye-seung"));
    }

    [Theory]
    [InlineData("premise", "premise")]
    [InlineData("awal", "premise")]
    [InlineData("The trial", "verdict")]
    [InlineData("court", "verdict")]
    [InlineData("persidangan", "verdict")]
    [InlineData("cell 7", "cell-7")]
    public void Resolve_finds_a_recap_part_by_id_alias_or_title(string query, string expectedId)
    {
        Assert.Equal(expectedId, _catalog.RecapParts.Resolve(query)?.Item.Id);
    }
}
