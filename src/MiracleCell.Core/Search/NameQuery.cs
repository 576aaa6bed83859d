namespace MiracleCell.Core.Search;

/// <summary>A typed name read once for each way it is scored, in buffers the caller provides (on its stack).</summary>
internal readonly ref struct NameQuery
{
    public NameQuery(ReadOnlySpan<char> text, Span<char> normalizedBuffer, Span<char> contentBuffer,
        Span<Word> wordBuffer)
    {
        var count = NameWords.Split(text, contentBuffer, wordBuffer, splitAtDashes: false, out var contentLength);
        // Keys include each name without its filler words, so scoring the query without them finds both "warden"
        // and "the warden". Only filler words ("the"), or more words than a name has, leave the query as typed.
        Text = count > 0
            ? contentBuffer[..contentLength]
            : normalizedBuffer[..NameNormalizer.Normalize(text, normalizedBuffer)];
        TextMask = NameKey.LetterMask(Text);

        // A single word is scored whole, word starts and typos included.
        if (count < 2) return;
        LastWordStart = wordBuffer[count - 1].Start;
        Words = wordBuffer[..count];
        for (var i = 0; i < count; i++) WordLetters += wordBuffer[i].Length;
        LongestFirst(wordBuffer[..count]);
    }

    /// <summary>What whole names are scored against: the query's letters and digits without its filler words.</summary>
    public ReadOnlySpan<char> Text { get; }

    public ulong TextMask { get; }

    /// <summary>The query's words as places in <see cref="Text"/>, longest first, when there are two or more; empty
    /// otherwise.</summary>
    public ReadOnlySpan<Word> Words { get; }

    /// <summary>Where the word typed last starts: the one autocomplete may see half-typed.</summary>
    public int LastWordStart { get; }

    /// <summary>How many letters <see cref="Words"/> have together.</summary>
    public int WordLetters { get; }

    private static void LongestFirst(Span<Word> words)
    {
        for (var i = 1; i < words.Length; i++)
        {
            var word = words[i];
            var at = i;
            for (; at > 0 && words[at - 1].Length < word.Length; at--) words[at] = words[at - 1];
            words[at] = word;
        }
    }
}
