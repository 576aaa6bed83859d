namespace MiracleCell.Core.Search;

/// <summary>
/// Reduces a name to the letters and digits that identify it: "Ye-Sŭng" and "ye sung" both become "yesung".
/// Accents are folded with a table rather than Unicode normalisation, which is unavailable when the
/// app runs with invariant globalization.
/// </summary>
public static class NameNormalizer
{
    /// <summary>Queries are cut to this many characters: longer input is not a name, and buffers stay small.</summary>
    public const int MaxQueryLength = 100;

    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        return new string(buffer[..Normalize(text, buffer)]);
    }

    /// <summary>Writes the normalized form of <paramref name="text"/> into <paramref name="destination"/>; returns its
    /// length.</summary>
    /// <remarks>Stops when <paramref name="destination"/> is full.</remarks>
    public static int Normalize(ReadOnlySpan<char> text, Span<char> destination)
    {
        var length = 0;
        foreach (var c in text)
        {
            if (length == destination.Length) break;
            if (Fold(c) is var folded && folded != '\0') destination[length++] = folded;
        }
        return length;
    }

    /// <summary>
    /// The normalized name and the index in it where each word starts ("the police commissioner" gives
    /// "thepolicecommissioner" and 0, 3, 9), so that a query can match from the start of any word.
    /// </summary>
    public static (string Key, int[] WordStarts) NormalizeWords(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var key = new System.Text.StringBuilder(text.Length);
        var starts = new List<int>();
        var inWord = false;
        foreach (var c in text)
        {
            var folded = Fold(c);
            if (folded == '\0')
            {
                // Combining accents belong to the letter before them; anything else ends the word.
                if (!IsCombiningMark(c)) inWord = false;
                continue;
            }
            if (!inWord) starts.Add(key.Length);
            inWord = true;
            key.Append(folded);
        }
        return (key.ToString(), [.. starts]);
    }

    /// <summary>The text with accents folded away, other characters kept: "Ŭ" becomes "u", "é" "e".</summary>
    public static string RemoveAccents(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] > 0x7F && FoldAccent(chars[i]) is var folded && folded != '\0')
                chars[i] = char.IsUpper(chars[i]) ? char.ToUpperInvariant(folded) : folded;
        }
        return new string(chars);
    }

    /// <summary>The lowercase, unaccented letter or digit a character reads as, or NUL for anything else.</summary>
    internal static char Fold(char c)
    {
        if (c < 0x80)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') return c;
            return c is >= 'A' and <= 'Z' ? (char)(c + 32) : '\0';
        }
        if (FoldAccent(c) is var folded && folded != '\0') return folded;
        return char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '\0';
    }

    private static char FoldAccent(char c)
    {
        var mapped = c switch
        {
            >= '\u00C0' and < '\u0250' => LatinFolds[c - 0xC0],
            >= '\u1E00' and < '\u1F00' => LatinAdditionalFolds[c - 0x1E00],
            _ => '.',
        };
        return mapped == '.' ? '\0' : mapped;
    }

    internal static bool IsCombiningMark(char c) =>
        char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark;

    // Base letters of U+00C0..U+024F and U+1E00..U+1EFF ('.' where there is none), generated from Unicode
    // decompositions.
    private const string LatinFolds =
        "aaaaaaaceeeeiiiidnooooo.ouuuuytsaaaaaaaceeeeiiiidnooooo.ouuuuytyaaaaaaccccccccddddeeeeeeeeeegggggggg"
            + "hhhhiiiiiiiiii..jjkk.llllllllllnnnnnn...oooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzz.b......."
            + "..................l.....oo.............uu............................aaiioouuuuuuuuuu.aaaa....ggkkoo"
            + "oo..j...gg..nnaa....aaaaeeeeiiiioooorrrruuuusstt..hh......aaeeooooooooyy............................";

    private const string LatinAdditionalFolds =
        "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssss"
            + "ssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwy......aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeee"
            + "iiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy......";
}
