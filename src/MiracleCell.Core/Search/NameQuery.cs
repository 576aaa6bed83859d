namespace MiracleCell.Core.Search;

/// <summary>A typed name read once for each way it is scored, in buffers the caller provides (on its stack).</summary>
internal readonly ref struct NameQuery
{
    public NameQuery(ReadOnlySpan<char> text, Span<char> normalizedBuffer, Span<char> contentBuffer, Span<Word> wordBuffer)
    {
        Normalized = normalizedBuffer[..NameNormalizer.Normalize(text, normalizedBuffer)];
        NormalizedMask = NameKey.LetterMask(Normalized);

        // More words than a name has: only the whole text is scored, as it always was.
        var count = NameWords.Split(text, contentBuffer, wordBuffer, splitAtDashes: false, out var contentLength);
        if (count < 0) return;
        var content = contentBuffer[..contentLength];
        if (!content.SequenceEqual(Normalized))
        {
            Content = content;
            ContentMask = NameKey.LetterMask(content);
        }
    }

    /// <summary>Every letter and digit of the query (see <see cref="NameNormalizer"/>).</summary>
    public ReadOnlySpan<char> Normalized { get; }

    public ulong NormalizedMask { get; }

    /// <summary>The query without its filler words ("the warden" as "warden"); empty when it has none.</summary>
    public ReadOnlySpan<char> Content { get; }

    public ulong ContentMask { get; }
}
