namespace MiracleCell.Core.Search;

/// <summary>
/// A word an item's names contain, or two or three neighbouring ones run together ("yong", "gu", "yonggu",
/// "leeyonggu"), so that a query word matches however the user spaced or hyphenated it.
/// </summary>
/// <param name="IsOwner">
/// Whether the word is the owner in a possessive in one of the item's names ("Ye-seung" in "Ye-seung's teacher"):
/// it describes the item but names someone else, even where another name, such as the id "ye-seung-teacher", has
/// lost the possessive.
/// </param>
internal readonly record struct WordKey(string Text, ulong Mask, bool IsOwner)
{
    private const int MostWordsRunTogether = 3;

    /// <summary>Every word key of the names, each once, shortest first (see <see cref="WordSimilarity"/>).</summary>
    public static WordKey[] Create(IEnumerable<string> names)
    {
        var isOwner = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var letters = new char[name.Length];
            var words = new Word[name.Length];
            var count = NameWords.Split(name, letters, words, splitAtDashes: true, out _);
            for (var first = 0; first < count; first++)
            {
                var hasOwner = false;
                for (var last = first; last < count && last - first < MostWordsRunTogether; last++)
                {
                    hasOwner |= words[last].Role == WordRole.Owner;
                    // Filler words were dropped from the letters, so the words run together without them.
                    var text = new string(letters, words[first].Start,
                        words[last].Start + words[last].Length - words[first].Start);
                    isOwner[text] = hasOwner || isOwner.GetValueOrDefault(text);
                }
            }
        }
        return [.. isOwner.Select(pair => new WordKey(pair.Key, NameKey.LetterMask(pair.Key), pair.Value))
            .OrderBy(key => key.Text.Length)];
    }
}
