using MiracleCell.Core.Search;

namespace MiracleCell.Core.Tests.Search;

public sealed class WordKeyTests
{
    [Fact]
    public void A_name_gives_each_word_and_up_to_three_neighbours_run_together()
    {
        var keys = WordKey.Create(["Lee Yong-gu"]).Select(k => k.Text);

        Assert.Equal(["gu", "lee", "yong", "yonggu", "leeyong", "leeyonggu"],
            keys.OrderBy(k => k.Length).ThenBy(k => k, StringComparer.Ordinal));
    }

    [Fact]
    public void Keys_are_shortest_first()
    {
        var lengths = WordKey.Create(["the police commissioner", "police chief"]).Select(k => k.Text.Length).ToList();

        Assert.Equal(lengths.Order(), lengths);
    }

    [Fact]
    public void A_word_that_is_an_owner_in_any_name_stays_an_owner_where_the_possessive_is_lost()
    {
        var keys = WordKey.Create(["Ye-seung's teacher", "ye-seung-teacher"]).ToDictionary(k => k.Text);

        Assert.True(keys["yeseung"].IsOwner);
        Assert.False(keys["teacher"].IsOwner);
    }

    [Fact]
    public void Filler_words_make_no_keys()
    {
        Assert.DoesNotContain(WordKey.Create(["The warden"]), k => k.Text.Contains("the", StringComparison.Ordinal));
    }
}
