using MiracleCell.Core.Text;

namespace MiracleCell.Core.Tests.Text;

public sealed class DiscordTextTests
{
    [Fact]
    public void Length_counts_code_points_not_utf16_units()
    {
        Assert.Equal(3, DiscordText.Length("a🎒b"));
        Assert.Equal(7, DiscordText.Length("7번방의 선물"));
    }

    [Fact]
    public void Split_keeps_short_text_whole()
    {
        Assert.Equal(["Hello there"], DiscordText.Split("Hello there", 100));
    }

    [Fact]
    public void Split_never_cuts_a_word_that_fits()
    {
        var text = "the quick brown fox jumps over the lazy dog";

        var pieces = DiscordText.Split(text, 10);

        Assert.Equal(["the quick", "brown fox", "jumps over", "the lazy", "dog"], pieces);
    }

    [Fact]
    public void Split_prefers_paragraph_then_line_breaks()
    {
        var text = "First paragraph here.\n\nSecond one\nwith two lines.";

        Assert.Equal(["First paragraph here.", "Second one\nwith two lines."], DiscordText.Split(text, 30));
        Assert.Equal(["First paragraph here.", "Second one", "with two lines."], DiscordText.Split(text, 20 + 1));
    }

    [Fact]
    public void Split_cuts_a_word_longer_than_the_limit()
    {
        var pieces = DiscordText.Split("abcdefghij xyz", 4);

        Assert.Equal(["abcd", "efgh", "ij", "xyz"], pieces);
    }

    [Fact]
    public void Split_counts_emoji_as_one_and_never_splits_a_surrogate_pair()
    {
        var text = string.Concat(Enumerable.Repeat("🎒", 7));

        var pieces = DiscordText.Split(text, 3);

        Assert.Equal(["🎒🎒🎒", "🎒🎒🎒", "🎒"], pieces);
        Assert.All(pieces, p => Assert.True(DiscordText.Length(p) <= 3));
        Assert.All(pieces, p => Assert.False(char.IsHighSurrogate(p[^1]), "a piece ends inside a surrogate pair"));
    }

    [Fact]
    public void Split_keeps_a_joined_emoji_whole_when_it_fits()
    {
        var family = "👨‍👩‍👧"; // five code points joined into one picture
        var text = "ab" + family;

        var pieces = DiscordText.Split(text, 6);

        Assert.Equal(["ab", family], pieces);
    }

    [Fact]
    public void Split_with_emoji_words_counts_code_points()
    {
        var text = "🎒🎒 🎒🎒 🎒🎒";

        Assert.Equal(["🎒🎒 🎒🎒", "🎒🎒"], DiscordText.Split(text, 5));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    public void Split_of_blank_text_gives_no_pieces(string text)
    {
        Assert.Empty(DiscordText.Split(text, 10));
    }

    [Fact]
    public void Split_never_returns_empty_or_oversized_pieces()
    {
        var words = new[] { "a", "bb", "ccc", "🎒🎒", "dddddddddddd", "\n", "\n\n", "  ", "é" };
        var random = new Random(7);
        for (var round = 0; round < 200; round++)
        {
            var text = string.Join(" ",
                Enumerable.Range(0, random.Next(1, 40)).Select(_ => words[random.Next(words.Length)]));
            var limit = random.Next(1, 12);

            var pieces = DiscordText.Split(text, limit);

            Assert.All(pieces, p => Assert.False(string.IsNullOrWhiteSpace(p), $"empty piece from '{text}'"));
            Assert.All(pieces, p => Assert.InRange(DiscordText.Length(p), 1, limit));
            Assert.Equal(Squash(text), Squash(string.Concat(pieces)));
        }
    }

    [Fact]
    public void Split_rejects_a_limit_below_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DiscordText.Split("x", 0));
    }

    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
