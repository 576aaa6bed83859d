namespace MiracleCell.Core.Text;

/// <summary>Discord counts text length in Unicode code points, not UTF-16 units.</summary>
public static class DiscordText
{
    public static int Length(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes()) count++;
        return count;
    }

    /// <summary>
    /// Splits text into pieces of at most <paramref name="limit"/> code points, preferring paragraph,
    /// then line, then word boundaries; a word is only cut when it alone is longer than the limit.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var pieces = new List<string>();
        var rest = text;
        while (Length(rest) > limit)
        {
            var cut = CutIndex(rest, limit);
            pieces.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }
        if (rest.Length > 0 || pieces.Count == 0) pieces.Add(rest);
        return pieces;
    }

    // The UTF-16 index of the best place to end a piece of at most `limit` code points.
    private static int CutIndex(string text, int limit)
    {
        var end = 0;
        var runes = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (runes == limit) break;
            end += rune.Utf16SequenceLength;
            runes++;
        }
        var window = text.AsSpan(0, end);
        foreach (var separator in new[] { "\n\n", "\n", " " })
        {
            var at = window.LastIndexOf(separator, StringComparison.Ordinal);
            if (at > 0) return at + separator.Length;
        }
        return end;
    }
}
