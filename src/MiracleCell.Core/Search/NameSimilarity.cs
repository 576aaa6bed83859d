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

    /// <summary>Scores normalized text (see <see cref="NameNormalizer"/>) against a normalized key.</summary>
    public static double Score(string query, string key) =>
        Score(query, key, NameNormalizer.NormalizeWords(key).WordStarts, 0);

    /// <param name="wordStarts">Where each word of <paramref name="key"/> starts.</param>
    /// <param name="toBeat">A score already reached: work that cannot beat it is skipped, and it is returned instead.</param>
    internal static double Score(ReadOnlySpan<char> query, string key, ReadOnlySpan<int> wordStarts, double toBeat)
    {
        if (query.Length == 0 || key.Length == 0) return toBeat;
        var keySpan = key.AsSpan();
        if (keySpan.SequenceEqual(query)) return 1.0;

        var best = toBeat;
        if (keySpan.StartsWith(query))
            return Math.Max(best, PrefixBase + 0.1 * query.Length / key.Length);

        foreach (var start in wordStarts)
        {
            if (start > 0 && keySpan[start..].StartsWith(query))
                best = Math.Max(best, WordPrefixBase + 0.1 * query.Length / (key.Length - start));
        }

        best = Math.Max(best, Typos(query, keySpan, TypoWeight, best));
        foreach (var start in wordStarts)
        {
            if (start > 0) best = Math.Max(best, Typos(query, keySpan[start..], WordTypoWeight, best));
        }

        if (best < InsideBase + 0.2 && keySpan.Contains(query, StringComparison.Ordinal))
            best = Math.Max(best, InsideBase + 0.2 * query.Length / key.Length);
        return best;
    }

    // (1 - distance / longer length) * weight, computed only when it could beat `toBeat`.
    private static double Typos(ReadOnlySpan<char> query, ReadOnlySpan<char> key, double weight, double toBeat)
    {
        var longer = Math.Max(query.Length, key.Length);
        // The largest distance that still scores above toBeat.
        var allowed = (int)Math.Ceiling(longer * (1 - toBeat / weight)) - 1;
        if (allowed < 0 || Math.Abs(query.Length - key.Length) > allowed) return 0;
        var distance = EditDistance.Compute(query, key, allowed);
        return distance > allowed ? 0 : (1.0 - (double)distance / longer) * weight;
    }
}
