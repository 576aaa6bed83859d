namespace MiracleCell.Core.Films;

/// <summary>A give-away word of a recap part found where a reader sees it without clicking.</summary>
/// <param name="Index">Where the word starts in the text searched.</param>
public sealed record GiveAwayLeak(string Word, string PartId, int Index);

/// <summary>
/// Finds the words a pack declares as giving a recap part away (<see cref="RecapPart.GiveAwayWords"/>): whole words
/// or phrases, case-insensitive, in any language of the pack.
/// </summary>
public static class GiveAwayWords
{
    private const string SpoilerMark = "||";

    /// <summary>
    /// The give-away words of <paramref name="pack"/> in <paramref name="rendered"/> outside <c>||…||</c> spoiler
    /// tags, in text order. The words of parts up to <paramref name="watchedUpTo"/> (a part's order; 0 for nothing
    /// watched) may be shown and are not reported.
    /// </summary>
    public static IReadOnlyList<GiveAwayLeak> FindOutsideSpoilerTags(
        FilmPack pack, string rendered, int watchedUpTo = 0)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(rendered);
        var leaks = new List<GiveAwayLeak>();
        foreach (var (start, length) in VisibleSpans(rendered))
        {
            var visible = rendered.Substring(start, length);
            foreach (var part in pack.Recap.Where(p => p.Order > watchedUpTo))
            {
                foreach (var (word, index) in Find(visible, part.GiveAwayWords))
                    leaks.Add(new GiveAwayLeak(word, part.Id, start + index));
            }
        }
        return [.. leaks.OrderBy(l => l.Index).ThenBy(l => l.Word, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Each of <paramref name="words"/> that occurs in <paramref name="text"/> as a whole word, with where it starts.
    /// </summary>
    public static IEnumerable<(string Word, int Index)> Find(string text, IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(words);
        foreach (var word in words)
        {
            if (word.Length == 0) continue;
            for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0;
                 at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                if (IsBoundary(text, at - 1) && IsBoundary(text, at + word.Length))
                {
                    yield return (word, at);
                    break;
                }
            }
        }
    }

    /// <summary>
    /// The stretches of <paramref name="text"/> that Discord shows without a click: everything outside pairs of
    /// unescaped <c>||</c>. An unclosed <c>||</c> hides nothing, as in Discord.
    /// </summary>
    public static IReadOnlyList<(int Start, int Length)> VisibleSpans(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var marks = new List<int>();
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
                continue;
            }
            if (string.CompareOrdinal(text, i, SpoilerMark, 0, SpoilerMark.Length) != 0) continue;
            marks.Add(i);
            i++;
        }

        var spans = new List<(int, int)>();
        var from = 0;
        for (var pair = 0; pair + 1 < marks.Count; pair += 2)
        {
            spans.Add((from, marks[pair] - from));
            from = marks[pair + 1] + SpoilerMark.Length;
        }
        spans.Add((from, text.Length - from));
        return spans;
    }

    private static bool IsBoundary(string text, int index) =>
        index < 0 || index >= text.Length || !char.IsLetterOrDigit(text[index]);
}
