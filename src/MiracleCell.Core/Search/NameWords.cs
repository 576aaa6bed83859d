namespace MiracleCell.Core.Search;

/// <summary>What a word does in a name or query.</summary>
internal enum WordRole : byte
{
    /// <summary>A word that names someone: "warden", "Yong-gu".</summary>
    Name,

    /// <summary>An age or size word ("little", "young") that a user may put before a name that lacks it.</summary>
    Descriptor,

    /// <summary>The owner in a possessive, "Ye-seung" in "Ye-seung's teacher": context, not who is named.</summary>
    Owner,
}

/// <summary>A word's place in the letters it was split into, its role, and its
/// <see cref="NameKey.LetterMask"/>.</summary>
internal readonly record struct Word(int Start, int Length, WordRole Role, ulong Mask);

/// <summary>
/// Splits a name into words, its letters folded as <see cref="NameNormalizer"/> folds them: filler words
/// ("the", "mr") are dropped, and so are the possessives "'s" and "of", whose owner words are marked:
/// "Ye-seung" in both "Ye-seung's father" and "father of Ye-seung".
/// </summary>
internal static class NameWords
{
    /// <summary>A query with more words than this is not a name, and is not matched word by word.</summary>
    public const int MaxQueryWords = 8;

    /// <summary>
    /// Writes the letters of the kept words back to back into <paramref name="letters"/>, so that they read as
    /// the name without its filler words, and the words into <paramref name="words"/>. Returns how many words,
    /// or -1 when <paramref name="words"/> cannot hold them all. Stops when <paramref name="letters"/> is full.
    /// </summary>
    /// <param name="splitAtDashes">
    /// Whether "Ye-seung" is two words (for known names, so that either half matches) or one (for queries, so that a
    /// hyphenated given name counts as the single word the user means).
    /// </param>
    public static int Split(ReadOnlySpan<char> text, Span<char> letters, Span<Word> words, bool splitAtDashes,
        out int letterCount)
    {
        letterCount = 0;
        var count = 0;
        var wordStart = -1;
        var ownersBefore = 0;
        var ownersFrom = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var folded = NameNormalizer.Fold(c);
            if (folded != '\0')
            {
                if (letterCount == letters.Length) break;
                if (wordStart < 0) wordStart = letterCount;
                letters[letterCount++] = folded;
                continue;
            }
            if (NameNormalizer.IsCombiningMark(c) || (wordStart >= 0 && !splitAtDashes && IsDash(c))) continue;
            var endsPossessive = wordStart >= 0 && IsApostrophe(c) && IsLoneS(text, i + 1);
            if (!EndWord(letters, words, ref letterCount, ref count, ref wordStart, ref ownersFrom)) return -1;
            if (endsPossessive)
            {
                ownersBefore = count;
                i++;
            }
        }
        if (!EndWord(letters, words, ref letterCount, ref count, ref wordStart, ref ownersFrom)) return -1;

        // "Yong-gu's" alone names Yong-gu: only a possessive with words on both sides has an owner.
        if (ownersBefore < count)
        {
            for (var i = 0; i < ownersBefore; i++) words[i] = words[i] with { Role = WordRole.Owner };
        }
        if (ownersFrom > 0)
        {
            for (var i = ownersFrom; i < count; i++) words[i] = words[i] with { Role = WordRole.Owner };
        }
        return count;
    }

    private static bool EndWord(Span<char> letters, Span<Word> words, ref int letterCount, ref int count,
        ref int wordStart, ref int ownersFrom)
    {
        if (wordStart < 0) return true;
        var word = letters[wordStart..letterCount];
        var start = wordStart;
        wordStart = -1;
        var isOf = word is "of";
        if (isOf || IsFiller(word))
        {
            if (isOf && ownersFrom < 0) ownersFrom = count;
            letterCount = start;
            return true;
        }
        if (count == words.Length) return false;
        words[count++] = new Word(start, word.Length, IsDescriptor(word) ? WordRole.Descriptor : WordRole.Name,
            NameKey.LetterMask(word));
        return true;
    }

    private static bool IsFiller(ReadOnlySpan<char> word) =>
        word is "the" or "a" or "an" or "mr" or "mrs" or "ms" or "miss" or "mister";

    private static bool IsDescriptor(ReadOnlySpan<char> word) =>
        word is "little" or "small" or "young" or "younger" or "old" or "older" or "adult" or "grown" or "grownup";

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC';

    private static bool IsDash(char c) =>
        char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.DashPunctuation;

    // An "s" standing alone, as in "Ye-seung's" but not "O'Shea".
    private static bool IsLoneS(ReadOnlySpan<char> text, int at) =>
        at < text.Length && NameNormalizer.Fold(text[at]) == 's'
            && (at + 1 == text.Length || NameNormalizer.Fold(text[at + 1]) == '\0');
}
