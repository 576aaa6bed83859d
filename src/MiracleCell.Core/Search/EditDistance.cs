namespace MiracleCell.Core.Search;

/// <summary>
/// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
/// neighbouring characters each cost one. Works on stack buffers; callers cap the input length.
/// </summary>
internal static class EditDistance
{
    /// <summary>The longest input measured; longer inputs are measured on their first this-many characters.</summary>
    public const int MaxLength = 128;

    public static int Compute(ReadOnlySpan<char> a, ReadOnlySpan<char> b) => Compute(a, b, int.MaxValue);

    /// <summary>The distance, or any value above <paramref name="maxDistance"/> as soon as it must exceed it.</summary>
    public static int Compute(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int maxDistance)
    {
        if (a.Length > MaxLength) a = a[..MaxLength];
        if (b.Length > MaxLength) b = b[..MaxLength];
        if (a.Length == 0) return b.Length;
        if (b.Length == 0) return a.Length;

        Span<int> beforePrevious = stackalloc int[b.Length + 1];
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;

        if (Math.Abs(a.Length - b.Length) > maxDistance) return maxDistance + 1;
        var previousRowMinimum = 0;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    best = Math.Min(best, beforePrevious[j - 2] + 1);
                current[j] = best;
                rowMinimum = Math.Min(rowMinimum, best);
            }
            // Later rows can only build on this row or, through a swap, on the previous one plus one.
            if (Math.Min(rowMinimum, previousRowMinimum + 1) > maxDistance) return maxDistance + 1;
            previousRowMinimum = rowMinimum;
            var recycled = beforePrevious;
            beforePrevious = previous;
            previous = current;
            current = recycled;
        }
        return previous[b.Length];
    }

    /// <summary>The known word closest to a misspelt one, when it is close enough to be the likely intent.</summary>
    public static string? Closest(string word, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = Compute(word.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best is not null && bestDistance <= Math.Max(2, best.Length / 3) ? best : null;
    }
}
