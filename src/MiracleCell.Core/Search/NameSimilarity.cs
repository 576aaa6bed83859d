namespace MiracleCell.Core.Search;

/// <summary>Scores how close a typed name is to a known one.</summary>
public static class NameSimilarity
{
    /// <summary>1 for equal keys; high for a prefix or a few typos; low for unrelated names.</summary>
    public static double Score(string query, string key)
    {
        if (query == key) return 1.0;
        if (key.StartsWith(query, StringComparison.Ordinal)) return 0.8 + 0.15 * query.Length / key.Length;
        if (key.Contains(query, StringComparison.Ordinal)) return 0.6 + 0.2 * query.Length / key.Length;
        var distance = Levenshtein(query, key);
        return Math.Max(0, 1.0 - (double)distance / Math.Max(query.Length, key.Length)) * 0.95;
    }

    private static int Levenshtein(string a, string b)
    {
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            previous.CopyTo(current);
            var swap = previous; previous = current; current = swap;
        }
        return previous[b.Length];
    }
}
