using System.Numerics;

namespace MiracleCell.Core.Search;

/// <summary>A normalized name with what scoring needs precomputed: where its words start and which letters follow each start.</summary>
internal sealed class NameKey
{
    private NameKey(string text, int[] wordStarts)
    {
        Text = text;
        WordStarts = wordStarts;
        SuffixMasks = new ulong[wordStarts.Length];
        for (var i = 0; i < wordStarts.Length; i++) SuffixMasks[i] = LetterMask(text.AsSpan(wordStarts[i]));
        FullMask = LetterMask(text);
    }

    public string Text { get; }

    /// <summary>Where each word starts in <see cref="Text"/>; the first is 0.</summary>
    public int[] WordStarts { get; }

    /// <summary>The letters of <see cref="Text"/> from each word start on, as a <see cref="LetterMask"/>.</summary>
    public ulong[] SuffixMasks { get; }

    public ulong FullMask { get; }

    public static NameKey Create(string name)
    {
        var (text, wordStarts) = NameNormalizer.NormalizeWords(name);
        return new NameKey(text, wordStarts.Length == 0 ? [0] : wordStarts);
    }

    /// <summary>
    /// The name without its filler words and possessive "'s" ("The commissioner's daughter" as
    /// "commissionerdaughter"), so that "the warden" and "warden" meet; null when that leaves it unchanged or empty.
    /// </summary>
    public static NameKey? CreateWithoutFillers(string name)
    {
        var letters = new char[name.Length];
        var words = new Word[name.Length];
        var count = NameWords.Split(name, letters, words, splitAtDashes: true, out var length);
        var text = new string(letters, 0, length);
        if (count <= 0 || text == NameNormalizer.Normalize(name)) return null;
        var wordStarts = new int[count];
        for (var i = 0; i < count; i++) wordStarts[i] = words[i].Start;
        return new NameKey(text, wordStarts);
    }

    /// <summary>One bit per letter or digit present (other characters share the high bits).</summary>
    public static ulong LetterMask(ReadOnlySpan<char> text)
    {
        ulong mask = 0;
        foreach (var c in text)
        {
            var bit = c switch
            {
                >= 'a' and <= 'z' => c - 'a',
                >= '0' and <= '9' => 26 + c - '0',
                _ => 36 + c % 28,
            };
            mask |= 1UL << bit;
        }
        return mask;
    }

    /// <summary>
    /// A lower bound on the edit distance between two texts with these masks: every letter one has and the
    /// other lacks takes at least one edit. Shared high bits only make the bound lower, never wrong.
    /// </summary>
    public static int MinimumDistance(ulong a, ulong b) =>
        Math.Max(BitOperations.PopCount(a & ~b), BitOperations.PopCount(b & ~a));
}
