using MiracleCell.Core.Search;

namespace MiracleCell.Core.Tests.Search;

public sealed class NameWordsTests
{
    [Theory]
    [InlineData("The warden", "warden")]
    [InlineData("Mr. Jang", "jang")]
    [InlineData("a cellmate", "cellmate")]
    [InlineData("The commissioner's daughter", "commissioner daughter")]
    [InlineData("the", "")]
    public void Split_drops_filler_words_and_a_possessive_s(string text, string expected)
    {
        Assert.Equal(expected, string.Join(' ', Texts(text, splitAtDashes: true)));
    }

    [Fact]
    public void Split_keeps_the_letters_of_kept_words_back_to_back()
    {
        var (_, letters) = Split("the police commissioner", splitAtDashes: true);

        Assert.Equal("policecommissioner", letters);
    }

    [Fact]
    public void A_query_keeps_a_hyphenated_name_as_one_word_and_a_known_name_splits_it()
    {
        Assert.Equal(["little", "yeseung"], Texts("little Ye-seung", splitAtDashes: false));
        Assert.Equal(["little", "ye", "seung"], Texts("little Ye-seung", splitAtDashes: true));
    }

    [Fact]
    public void The_words_before_a_possessive_are_its_owner()
    {
        var (words, _) = Split("Lee Ye-seung's teacher", splitAtDashes: false);

        Assert.Equal([WordRole.Owner, WordRole.Owner, WordRole.Name], words.Select(w => w.Role));
    }

    [Fact]
    public void The_words_after_of_are_its_owner()
    {
        var (words, letters) = Split("father of Ye-seung", splitAtDashes: false);

        Assert.Equal("fatheryeseung", letters);
        Assert.Equal([WordRole.Name, WordRole.Owner], words.Select(w => w.Role));
    }

    [Theory]
    [InlineData("of Ye-seung")]
    [InlineData("boss of")]
    public void Of_without_words_on_both_sides_has_no_owner(string text)
    {
        var (words, _) = Split(text, splitAtDashes: false);

        Assert.Equal(WordRole.Name, Assert.Single(words).Role);
    }

    [Fact]
    public void A_possessive_with_nothing_after_it_has_no_owner()
    {
        var (words, _) = Split("Yong-gu's", splitAtDashes: false);

        Assert.Equal(WordRole.Name, Assert.Single(words).Role);
    }

    [Fact]
    public void An_apostrophe_inside_a_name_is_not_a_possessive()
    {
        var (words, letters) = Split("O'Shea", splitAtDashes: false);

        Assert.Equal("oshea", letters);
        Assert.All(words, w => Assert.Equal(WordRole.Name, w.Role));
    }

    [Theory]
    [InlineData("little Ye-seung")]
    [InlineData("grown-up Ye-seung")]
    public void Age_and_size_words_are_descriptors(string text)
    {
        var (words, _) = Split(text, splitAtDashes: false);

        Assert.Equal([WordRole.Descriptor, WordRole.Name], words.Select(w => w.Role));
    }

    [Fact]
    public void Split_reports_more_words_than_the_buffer_holds()
    {
        var words = new Word[2];

        Assert.Equal(-1, NameWords.Split("one two three", new char[20], words, splitAtDashes: false, out _));
    }

    private static IEnumerable<string> Texts(string text, bool splitAtDashes)
    {
        var (words, letters) = Split(text, splitAtDashes);
        return words.Select(w => letters.Substring(w.Start, w.Length));
    }

    private static (Word[] Words, string Letters) Split(string text, bool splitAtDashes)
    {
        var letters = new char[text.Length];
        var words = new Word[text.Length];
        var count = NameWords.Split(text, letters, words, splitAtDashes, out var length);
        return (words[..count], new string(letters, 0, length));
    }
}
