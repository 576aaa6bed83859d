using System.Buffers;

namespace MiracleCell.Core.Search;

/// <summary>
/// Finds an item by any of its names, ignoring case, accents, spaces, hyphens and filler words ("the", "mr"), and
/// tolerating typos. A query of several words is also matched word by word (see <see cref="WordSimilarity"/>), so a
/// query with a word more or fewer than a name still finds it. Built once per pack with every key normalized up front;
/// a lookup allocates only its result.
/// </summary>
public sealed class NameIndex<T>
{
    /// <summary>The most suggestions returned: Discord shows at most 25 autocomplete choices.</summary>
    public const int MaxSuggestions = 25;

    internal const double ConfidentScore = 0.75;
    internal const double SuggestScore = 0.5;
    private const double ClearLead = 0.05;
    private const int StackScoreLimit = 256;

    private readonly Entry[] _entries;

    /// <param name="items">Each item with its display name and every other name it answers to, in the order to list
    /// them.</param>
    public NameIndex(IEnumerable<(T Item, string Display, IEnumerable<string> Names)> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var entries = new List<Entry>();
        foreach (var (item, display, names) in items)
        {
            var keys = new List<NameKey>();
            foreach (var name in names.Prepend(display))
            {
                foreach (var key in NameKey.ForName(name))
                {
                    if (key.Text.Length > 0 && !keys.Exists(k => k.Text == key.Text)) keys.Add(key);
                }
            }
            entries.Add(new Entry(item, display, [.. keys], WordKey.Create(names.Prepend(display))));
        }
        _entries = [.. entries];
    }

    public int Count => _entries.Length;

    /// <summary>The one item the query names, or null when no item is a confident, clear match.</summary>
    public NameMatch<T>? Resolve(string query)
    {
        var best = Suggest(query, 2, ConfidentScore - ClearLead);
        if (best.Count == 0 || string.IsNullOrWhiteSpace(query)) return null;
        // Two items answering to the same name is as ambiguous as two close guesses.
        if (best[0].IsExact) return best.Count == 1 || !best[1].IsExact ? best[0] : null;
        var clear = best.Count == 1 || best[0].Score - best[1].Score >= ClearLead;
        return best[0].Score >= ConfidentScore && clear ? best[0] : null;
    }

    /// <summary>
    /// The closest items, best first (ties in list order), at most <paramref name="max"/> (capped at
    /// <see cref="MaxSuggestions"/>); an empty query lists items in order.
    /// </summary>
    public IReadOnlyList<NameMatch<T>> Suggest(string? query, int max = MaxSuggestions) =>
        Suggest(query, max, SuggestScore);

    // Scores below `floor` are not worth computing exactly: they are dropped.
    private List<NameMatch<T>> Suggest(string? query, int max, double floor)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        max = Math.Min(max, MaxSuggestions);
        if (max == 0) return [];

        Span<char> normalizedBuffer = stackalloc char[NameNormalizer.MaxQueryLength];
        Span<char> contentBuffer = stackalloc char[NameNormalizer.MaxQueryLength];
        Span<Word> wordBuffer = stackalloc Word[NameWords.MaxQueryWords];
        var text = query is null ? default : query.AsSpan(0, Math.Min(query.Length, NameNormalizer.MaxQueryLength * 2));
        var parsed = new NameQuery(text, normalizedBuffer, contentBuffer, wordBuffer);
        if (parsed.Text.IsEmpty) return InOrder(max);

        double[]? rented = null;
        var scores = _entries.Length <= StackScoreLimit
            ? stackalloc double[_entries.Length]
            : (rented = ArrayPool<double>.Shared.Rent(_entries.Length)).AsSpan(0, _entries.Length);
        try
        {
            for (var i = 0; i < _entries.Length; i++) scores[i] = Score(parsed, _entries[i], floor);
            return Best(scores, max, floor);
        }
        finally
        {
            if (rented is not null) ArrayPool<double>.Shared.Return(rented);
        }
    }

    private static double Score(in NameQuery query, Entry entry, double floor)
    {
        var best = Score(query.Text, query.TextMask, entry.Keys, floor);
        if (!query.Words.IsEmpty && best < WordSimilarity.MaxScore)
            best = Math.Max(best, WordSimilarity.Score(query, entry.Words, best));
        return best;
    }

    private static double Score(ReadOnlySpan<char> query, ulong queryMask, NameKey[] keys, double floor)
    {
        var best = floor;
        foreach (var key in keys)
        {
            best = NameSimilarity.Score(query, queryMask, key, best);
            if (best >= 1.0) break;
        }
        return best;
    }

    // The top `max` scores above the suggestion threshold by insertion into a small sorted window:
    // strictly greater scores move ahead, so equal scores keep list order.
    private List<NameMatch<T>> Best(ReadOnlySpan<double> scores, int max, double floor)
    {
        Span<int> top = stackalloc int[max];
        var count = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (scores[i] <= floor) continue;
            if (count == max && scores[i] <= scores[top[count - 1]]) continue;
            var at = count < max ? count++ : count - 1;
            while (at > 0 && scores[top[at - 1]] < scores[i])
            {
                top[at] = top[at - 1];
                at--;
            }
            top[at] = i;
        }

        var matches = new List<NameMatch<T>>(count);
        for (var i = 0; i < count; i++)
        {
            var entry = _entries[top[i]];
            matches.Add(new NameMatch<T>(entry.Item, entry.Display, scores[top[i]]));
        }
        return matches;
    }

    private List<NameMatch<T>> InOrder(int max)
    {
        var matches = new List<NameMatch<T>>(Math.Min(max, _entries.Length));
        for (var i = 0; i < _entries.Length && i < max; i++)
            matches.Add(new NameMatch<T>(_entries[i].Item, _entries[i].Display, 0));
        return matches;
    }

    private sealed record Entry(T Item, string Display, NameKey[] Keys, WordKey[] Words);
}
