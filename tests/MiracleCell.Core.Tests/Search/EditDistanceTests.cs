using MiracleCell.Core.Search;

namespace MiracleCell.Core.Tests.Search;

public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("commissioner", "commissioner", 0)]
    [InlineData("comissioner", "commissioner", 1)]
    [InlineData("yogn", "yong", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("batman", "yonggu", 6)]
    public void Compute_counts_edits_with_a_swap_as_one(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Compute(a, b));
        Assert.Equal(expected, EditDistance.Compute(b, a));
    }

    [Fact]
    public void A_bounded_distance_agrees_with_the_full_one_up_to_the_bound()
    {
        string[] words = ["leeyonggu", "yonggoo", "yeseung", "yesung", "commissioner", "policechief", "warden",
            "batman", "ohdalsu"];
        foreach (var a in words)
        {
            foreach (var b in words)
            {
                var full = EditDistance.Compute(a, b);
                for (var bound = 0; bound <= 12; bound++)
                {
                    var bounded = EditDistance.Compute(a, b, bound);
                    Assert.True(full <= bound ? bounded == full : bounded > bound,
                        $"{a}/{b} bound {bound}: {bounded} vs {full}");
                }
            }
        }
    }

    [Fact]
    public void Closest_suggests_a_near_word_and_nothing_for_an_unrelated_one()
    {
        Assert.Equal("sources", EditDistance.Closest("sorces", ["id", "sources", "spoiler"]));
        Assert.Null(EditDistance.Closest("birthday", ["id", "sources", "spoiler"]));
    }
}
