using MiracleCell.Core.Search;

namespace MiracleCell.Core.Tests.Search;

public sealed class NameNormalizerTests
{
    [Theory]
    [InlineData("Ye-Sŭng", "yesung")]
    [InlineData("ye sung", "yesung")]
    [InlineData("  YONG–GOO! ", "yonggoo")]
    [InlineData("Öztekin", "oztekin")]
    [InlineData("Koğuştaki", "koguştaki")]
    [InlineData("7번방의 선물", "7번방의선물")]
    [InlineData("Cell No. 7", "cellno7")]
    public void Normalize_keeps_only_lowercase_unaccented_letters_and_digits(string text, string expected)
    {
        Assert.Equal(expected.Replace("ş", "s", StringComparison.Ordinal), NameNormalizer.Normalize(text));
    }

    [Fact]
    public void Normalize_words_marks_where_each_word_starts()
    {
        var (key, starts) = NameNormalizer.NormalizeWords("the police-commissioner");

        Assert.Equal("thepolicecommissioner", key);
        Assert.Equal([0, 3, 9], starts);
    }

    [Fact]
    public void Normalize_into_a_span_stops_when_it_is_full()
    {
        Span<char> buffer = stackalloc char[4];

        var length = NameNormalizer.Normalize("Lee Yong-gu", buffer);

        Assert.Equal("leey", buffer[..length].ToString());
    }
}
