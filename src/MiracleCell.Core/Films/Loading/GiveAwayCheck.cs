namespace MiracleCell.Core.Films.Loading;

/// <summary>
/// After every file is read: no text shown without a click (part ids and aliases, spoiler-free aliases, premise,
/// spoiler-free facts, summaries and questions) may use a word that gives a recap part away.
/// </summary>
internal static class GiveAwayCheck
{
    public static void Run(PackReferences references)
    {
        if (references.GiveAways.Count == 0) return;
        var byWord = references.GiveAways
            .GroupBy(g => g.Word, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().PartId, StringComparer.OrdinalIgnoreCase);
        foreach (var text in references.SpoilerFreeTexts)
        {
            foreach (var (word, _) in GiveAwayWords.Find(text.Text, byWord.Keys))
            {
                var fix = text.IsName
                    ? "rename it"
                    : "reword it, or mark it as a spoiler with the part that reveals it";
                text.File.Report(text.Line,
                    $"{text.Owner}: {text.What} uses '{word}', which gives away recap part '{byWord[word]}' and is "
                        + $"shown before anyone clicks: {fix}");
            }
        }
    }
}
