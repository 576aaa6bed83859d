using MiracleCell.Core.Films;
using MiracleCell.Core.Text;

namespace MiracleCell.Core.Tests.Films;

public sealed class GiveAwayWordsTests
{
    private static readonly FilmPack Pack = new(
        new Film("f", new FilmTitles(LocalizedText.Same("F"), "F", "F", LocalizedText.Same("F")), 2000,
            new DateOnly(2000, 1, 1), 90, LocalizedText.Same("X"), "D", [],
            new SourcedText(LocalizedText.Same("p"), ["s"], SpoilerLevel.None), [], [], [], []),
        [], [],
        [
            new RecapPart("part-1", 1, LocalizedText.Same("Start"), [], SpoilerLevel.None, []),
            new RecapPart("part-2", 2, LocalizedText.Same("Verdict"), [], SpoilerLevel.Major, []) { GiveAwayWords = [
                "verdict", "death sentence", "vonis"] },
            new RecapPart("part-3", 3, LocalizedText.Same("End"), [], SpoilerLevel.Major, []) { GiveAwayWords = [
                "execution", "eksekusi"] },
        ],
        []);

    [Fact]
    public void Words_outside_spoiler_tags_are_found_with_their_part()
    {
        var leaks = GiveAwayWords.FindOutsideSpoilerTags(Pack, "Part 2: The Verdict");

        Assert.Equal([new GiveAwayLeak("verdict", "part-2", 12)], leaks);
    }

    [Fact]
    public void Words_inside_spoiler_tags_are_not_found()
    {
        Assert.Empty(GiveAwayWords.FindOutsideSpoilerTags(Pack, "Part 3 ||The execution|| and ||vonis||"));
    }

    [Fact]
    public void An_unclosed_spoiler_tag_hides_nothing()
    {
        var leaks = GiveAwayWords.FindOutsideSpoilerTags(Pack, "||a|| then ||eksekusi");

        Assert.Equal(["eksekusi"], leaks.Select(l => l.Word));
    }

    [Fact]
    public void Escaped_bars_do_not_open_a_spoiler_tag()
    {
        var leaks = GiveAwayWords.FindOutsideSpoilerTags(Pack, @"\|\|execution\|\|");

        Assert.Equal(["execution"], leaks.Select(l => l.Word));
    }

    [Theory]
    [InlineData("The death sentence is read", "death sentence")]
    [InlineData("(EKSEKUSI)", "eksekusi")]
    [InlineData("part-3-execution", "execution")]
    public void Whole_words_and_phrases_are_found_in_any_case(string text, string word)
    {
        Assert.Equal([word], GiveAwayWords.FindOutsideSpoilerTags(Pack, text).Select(l => l.Word));
    }

    [Theory]
    [InlineData("executioner")]
    [InlineData("revonis")]
    [InlineData("death sentences")]
    public void A_word_inside_a_longer_word_is_not_found(string text)
    {
        Assert.Empty(GiveAwayWords.FindOutsideSpoilerTags(Pack, text));
    }

    [Fact]
    public void Words_of_parts_the_club_has_watched_are_allowed()
    {
        var leaks = GiveAwayWords.FindOutsideSpoilerTags(Pack, "verdict, then execution", watchedUpTo: 2);

        Assert.Equal([new GiveAwayLeak("execution", "part-3", 14)], leaks);
    }
}
