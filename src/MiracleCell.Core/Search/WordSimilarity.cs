namespace MiracleCell.Core.Search;

/// <summary>
/// Scores a query of several words word by word against an item's <see cref="WordKey"/>s, so that a query with a
/// word more or fewer than a name still finds it: "warden jang", "officer jang", "little Ye-seung".
/// </summary>
/// <remarks>
/// Each query word matches its closest word key: exactly, with one typo per four letters, or, for the last word
/// (still being typed), as the start of one. The score is the share of the query's letters matched, so a word that
/// fits nothing ("yonggoo bear") pulls it below the confident score. An age word or a possessive's owner the item
/// lacks is left out of that share for a small fixed cost instead: "little Ye-seung" is Ye-seung, "Ye-seung's
/// father" is whoever is "the father". At least one naming word must match a word that names the item, not one
/// that is an owner in it, so "Ye-seung's teacher" does not answer to "little Ye-seung".
/// </remarks>
internal static class WordSimilarity
{
    /// <summary>The score when every word matches: below an exact or prefix match of a whole name, which rank
    /// first.</summary>
    public const double MaxScore = 0.9;

    private const double LeftOutWordFactor = 0.92;
    private const int LettersPerTypo = 4;
    private const double PrefixBase = 0.5;

    /// <param name="query">Its words longest first, so that an item whose longest word matches nothing is dropped
    /// early.</param>
    /// <param name="toBeat">A score already reached: an item that cannot beat it scores 0.</param>
    public static double Score(in NameQuery query, WordKey[] keys, double toBeat)
    {
        double matched = 0, counted = 0, factor = 1;
        var unread = query.WordLetters;
        var named = false;
        foreach (var word in query.Words)
        {
            var text = query.Text.Slice(word.Start, word.Length);
            var (similarity, naming) = Closest(text, word.Mask, isLast: word.Start == query.LastWordStart, keys);
            unread -= word.Length;
            if (similarity > 0)
            {
                matched += similarity * word.Length;
                counted += word.Length;
                named |= naming && word.Role == WordRole.Name;
            }
            else if (word.Role == WordRole.Name) counted += word.Length;
            else factor *= LeftOutWordFactor;

            // The best still reachable: every unread word matching exactly.
            if (counted + unread == 0 || MaxScore * factor * (matched + unread) / (counted + unread) <= toBeat)
                return 0;
        }
        return named ? MaxScore * factor * matched / counted : 0;
    }

    // The best similarity to any key, and whether some key that names the item (is not an owner) matches at all.
    // Keys are shortest first: only those near the word's length can be a typo away, only longer ones a completion.
    private static (double Similarity, bool Naming) Closest(ReadOnlySpan<char> word, ulong mask, bool isLast,
        WordKey[] keys)
    {
        var shortest = word.Length - word.Length / LettersPerTypo;
        var longest = word.Length * LettersPerTypo / (LettersPerTypo - 1);
        double best = 0;
        var naming = false;
        foreach (var key in keys)
        {
            var length = key.Text.Length;
            if (length < shortest) continue;
            if (length > longest && !isLast) break;
            var similarity = Math.Max(
                length <= longest ? Typos(word, mask, key) : 0,
                isLast ? Completion(word, key.Text) : 0);
            if (similarity == 0) continue;
            best = Math.Max(best, similarity);
            naming |= !key.IsOwner;
            if (best == 1.0 && naming) break;
        }
        return (best, naming);
    }

    // 1 for the same word, less one share per edit for up to one edit per four letters, else 0.
    private static double Typos(ReadOnlySpan<char> word, ulong mask, WordKey key)
    {
        var text = key.Text.AsSpan();
        if (text.SequenceEqual(word)) return 1.0;
        var longer = Math.Max(word.Length, text.Length);
        var allowed = longer / LettersPerTypo;
        if (allowed == 0 || Math.Abs(word.Length - text.Length) > allowed
            || NameKey.MinimumDistance(mask, key.Mask) > allowed)
            return 0;
        var distance = EditDistance.Compute(word, text, allowed);
        return distance > allowed ? 0 : 1.0 - (double)distance / longer;
    }

    private static double Completion(ReadOnlySpan<char> word, string text) =>
        text.Length > word.Length && text.AsSpan().StartsWith(word)
            ? PrefixBase + (1 - PrefixBase) * word.Length / text.Length
            : 0;
}
