namespace MiracleCell.Core.Search;

/// <summary>A typed name read once for each way it is scored, in buffers the caller provides (on its stack).</summary>
internal readonly ref struct NameQuery
{
    public NameQuery(ReadOnlySpan<char> text, Span<char> normalizedBuffer, Span<char> contentBuffer, Span<Word> wordBuffer)
    {
        var count = NameWords.Split(text, contentBuffer, wordBuffer, splitAtDashes: false, out var contentLength);
        // Keys include each name without its filler words, so scoring the query without them finds both "warden"
        // and "the warden". Only filler words ("the"), or more words than a name has, leave the query as typed.
        Text = count > 0 ? contentBuffer[..contentLength] : normalizedBuffer[..NameNormalizer.Normalize(text, normalizedBuffer)];
        TextMask = NameKey.LetterMask(Text);
    }

    /// <summary>What whole names are scored against: the query's letters and digits without its filler words.</summary>
    public ReadOnlySpan<char> Text { get; }

    public ulong TextMask { get; }
}
