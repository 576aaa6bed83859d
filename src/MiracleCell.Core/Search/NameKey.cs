using System.Numerics;

namespace MiracleCell.Core.Search;

/// <summary>A normalized name with what scoring needs precomputed: where its words start and which letters follow each
/// start.</summary>
internal sealed class NameKey
{
    private NameKey(string text, int[] wordStarts, bool prefixOnly = false)
    {
        Text = text;
        PrefixOnly = prefixOnly;
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

    /// <summary>Whether the key is matched whole or by its start only: a name as written whose filler-free key does the
    /// rest.</summary>
    public bool PrefixOnly { get; }

    public static NameKey Create(string name)
    {
        var (text, wordStarts) = NameNormalizer.NormalizeWords(name);
        return new NameKey(text, wordStarts.Length == 0 ? [0] : wordStarts);
    }

    /// <summary>
    /// The keys a name is found by: its normalized text or, when it has filler words or a possessive "'s", the text
    /// without them ("The commissioner's daughter" as "commissionerdaughter", so that "the warden" and "warden"
    /// meet) and the text as written for its prefixes only (so that typing "the w" still reaches "the warden",
    /// and typo matching is not paid for twice).
    /// </summary>
    public static IEnumerable<NameKey> ForName(string name)
    {
        var whole = Create(name);
        var letters = new char[name.Length];
        var words = new Word[name.Length];
        var count = NameWords.Split(name, letters, words, splitAtDashes: true, out var length);
        if (count <= 0 || length == whole.Text.Length) return [whole];

        var wordStarts = new int[count];
        for (var i = 0; i < count; i++) wordStarts[i] = words[i].Start;
        return [new NameKey(new string(letters, 0, length), wordStarts),
            new NameKey(whole.Text, whole.WordStarts, prefixOnly: true)];
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
