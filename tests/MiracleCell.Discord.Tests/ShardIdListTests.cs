namespace MiracleCell.Discord.Tests;

public sealed class ShardIdListTests
{
    [Theory]
    [InlineData("0", new[] { 0 })]
    [InlineData("0-3", new[] { 0, 1, 2, 3 })]
    [InlineData("0,2", new[] { 0, 2 })]
    [InlineData(" 4 - 5 , 0 ,1", new[] { 0, 1, 4, 5 })]
    [InlineData("2,1-2", new[] { 1, 2 })]
    public void Ids_and_ranges_are_read_sorted_without_repeats(string text, int[] expected) =>
        Assert.Equal(expected, ShardIdList.TryParse(text, out _));

    [Theory]
    [InlineData("0,,1", "empty entry")]
    [InlineData("a", "not a shard id")]
    [InlineData("-1", "not a shard id")]
    [InlineData("3-1", "runs backwards")]
    [InlineData("0-5000", "more than 1024")]
    public void A_wrong_list_says_what_is_wrong(string text, string expected)
    {
        Assert.Null(ShardIdList.TryParse(text, out var problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }
}
