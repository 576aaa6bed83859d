namespace MiracleCell.Core.Search;

/// <summary>Scores how close a typed name is to a known one, from 0 (unrelated) to 1 (the same).</summary>
/// <remarks>
/// The tiers, best first: the whole key; a prefix of the key; a prefix of any word of the key (so
/// "commissioner" finds "the police commissioner" and autocomplete ranks word starts high); a few typos
/// in the key or in the key from one of its words; the query somewhere inside the key.
/// </remarks>
public static class NameSimilarity
{
    private const double PrefixBase = 0.88;
    private const double WordPrefixBase = 0.8;
    private const double TypoWeight = 0.95;
    private const double WordTypoWeight = 0.9;
    private const double InsideBase = 0.55;

    // At most one typo per this many letters: a name further off than that is another name, not a misspelling,
    // and the banded edit distance would cost more the further it is allowed to look.
    private const int MaxTypoShare = 3;

    /// <summary>Scores a name against another; both are normalized first (see <see cref="NameNormalizer"/>).</summary>
    public static double Score(string query, string name)
    {
        ArgumentNullException.ThrowIfNull(query);
        var normalized = NameNormalizer.Normalize(query);
        return Score(normalized, NameKey.LetterMask(normalized), NameKey.Create(name), 0);
    }

    /// <param name="query">The normalized query.</param>
    /// <param name="queryMask">Its <see cref="NameKey.LetterMask"/>.</param>
    /// <param name="toBeat">A score already reached: work that cannot beat it is skipped, and it is returned
    /// instead.</param>
    internal static double Score(ReadOnlySpan<char> query, ulong queryMask, NameKey key, double toBeat)
    {
        var text = key.Text.AsSpan();
        if (query.Length == 0 || text.Length == 0) return toBeat;
        if (text.SequenceEqual(query)) return 1.0;

        var best = toBeat;
        if (text.StartsWith(query))
            return Math.Max(best, PrefixBase + 0.1 * query.Length / text.Length);
        if (key.PrefixOnly) return best;

        var starts = key.WordStarts;
        for (var i = 1; i < starts.Length; i++)
        {
            if (text[starts[i]..].StartsWith(query))
                best = Math.Max(best, WordPrefixBase + 0.1 * query.Length / (text.Length - starts[i]));
        }

        best = Math.Max(best, Typos(query, queryMask, text, key.FullMask, TypoWeight, best));
        for (var i = 1; i < starts.Length; i++)
            best = Math.Max(best, Typos(query, queryMask, text[starts[i]..], key.SuffixMasks[i], WordTypoWeight, best));

        if (best < InsideBase + 0.2 && text.Contains(query, StringComparison.Ordinal))
            best = Math.Max(best, InsideBase + 0.2 * query.Length / text.Length);
        return best;
    }

    // (1 - distance / longer length) * weight, computed only when it could beat `toBeat`.
    private static double Typos(ReadOnlySpan<char> query, ulong queryMask, ReadOnlySpan<char> key, ulong keyMask,
        double weight, double toBeat)
    {
        var longer = Math.Max(query.Length, key.Length);
        // The largest distance that still scores above toBeat.
        var allowed = Math.Min((int)Math.Ceiling(longer * (1 - toBeat / weight)) - 1, longer / MaxTypoShare);
        if (allowed < 0 || Math.Abs(query.Length - key.Length) > allowed) return 0;
        if (NameKey.MinimumDistance(queryMask, keyMask) > allowed) return 0;
        var distance = EditDistance.Compute(query, key, allowed);
        return distance > allowed ? 0 : (1.0 - (double)distance / longer) * weight;
    }
}
