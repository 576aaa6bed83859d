namespace MiracleCell.Core.Search;

/// <summary>
/// Finds an item by any of its names, ignoring case, accents, spaces and hyphens, and tolerating typos.
/// Built once per pack; lookups allocate little.
/// </summary>
public sealed class NameIndex<T>
{
    private readonly List<Entry> _entries = [];

    /// <param name="items">Each item with its display name and every other name it answers to.</param>
    public NameIndex(IEnumerable<(T Item, string Display, IEnumerable<string> Names)> items)
    {
        foreach (var (item, display, names) in items)
        {
            var keys = names.Prepend(display).Select(NameNormalizer.Normalize).Where(k => k.Length > 0).Distinct().ToArray();
            _entries.Add(new Entry(item, display, keys));
        }
    }

    /// <summary>The one item the query names, or null when no item is a confident match.</summary>
    public NameMatch<T>? Resolve(string query)
    {
        var best = Suggest(query, 2);
        if (best.Count == 0) return null;
        if (best[0].IsExact) return best[0];
        return best[0].Score >= ConfidentScore && (best.Count == 1 || best[0].Score - best[1].Score >= 0.05) ? best[0] : null;
    }

    /// <summary>The best matches, best first, at most <paramref name="max"/>; an empty query lists items in order.</summary>
    public IReadOnlyList<NameMatch<T>> Suggest(string query, int max = 25)
    {
        var normalized = NameNormalizer.Normalize(query);
        if (normalized.Length == 0)
            return _entries.Take(max).Select(e => new NameMatch<T>(e.Item, e.Display, 0)).ToList();

        return _entries
            .Select(e => new NameMatch<T>(e.Item, e.Display, e.Keys.Max(k => NameSimilarity.Score(normalized, k))))
            .Where(m => m.Score >= SuggestScore)
            .OrderByDescending(m => m.Score)
            .Take(max)
            .ToList();
    }

    internal const double ConfidentScore = 0.75;
    internal const double SuggestScore = 0.4;

    private sealed record Entry(T Item, string Display, string[] Keys);
}
