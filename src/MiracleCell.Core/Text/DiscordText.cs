using System.Globalization;

namespace MiracleCell.Core.Text;

/// <summary>Discord counts text length in Unicode code points, not UTF-16 units.</summary>
public static class DiscordText
{
    public static int Length(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var count = 0;
        foreach (var _ in text.EnumerateRunes()) count++;
        return count;
    }

    /// <summary>
    /// Splits text into pieces of at most <paramref name="limit"/> code points, preferring paragraph,
    /// then line, then word boundaries. A word is only cut when it alone is longer than the limit, and
    /// then between characters as the user sees them (an emoji or an accented letter stays whole where it fits).
    /// Pieces are trimmed and never empty: blank text gives no pieces.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int limit)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var pieces = new List<string>();
        var rest = text.Trim();
        while (rest.Length > 0)
        {
            var end = EndOfRunes(rest, limit);
            if (end == rest.Length)
            {
                pieces.Add(rest);
                break;
            }
            var cut = CutIndex(rest, end);
            pieces.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }
        return pieces;
    }

    // The UTF-16 index just after the first `limit` code points (or the text's length).
    private static int EndOfRunes(string text, int limit)
    {
        var end = 0;
        var runes = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (runes == limit) break;
            end += rune.Utf16SequenceLength;
            runes++;
        }
        return end;
    }

    // The best place to end a piece that may reach up to `end`: the last paragraph break in its second
    // half, else the last line break, else the last whitespace, else the last character boundary.
    private static int CutIndex(string text, int end)
    {
        var window = text.AsSpan(0, end + (end < text.Length && char.IsWhiteSpace(text[end]) ? 1 : 0));
        var paragraph = window.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (paragraph > end / 2) return paragraph;
        var line = window.LastIndexOf('\n');
        if (line > 0) return line;
        for (var i = window.Length - 1; i > 0; i--)
        {
            if (char.IsWhiteSpace(window[i])) return i;
        }

        var boundary = LastTextElementBoundary(text, end);
        return boundary > 0 ? boundary : end;
    }

    // The last boundary between user-perceived characters at or before `end`; never inside a surrogate pair.
    private static int LastTextElementBoundary(string text, int end)
    {
        var last = 0;
        var at = 0;
        while (at < text.Length)
        {
            var next = at + StringInfo.GetNextTextElementLength(text, at);
            if (next > end) break;
            last = next;
            at = next;
        }
        return last;
    }
}
