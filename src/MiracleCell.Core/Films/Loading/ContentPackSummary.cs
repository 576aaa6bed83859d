namespace MiracleCell.Core.Films.Loading;

/// <summary>How much a pack holds, for <c>check-content</c> and start-up logs.</summary>
public sealed record ContentPackSummary(
    string FilmId,
    string Title,
    int Sources,
    int Characters,
    int Aliases,
    int CharacterFacts,
    int Relationships,
    int Cast,
    int CastRoles,
    int RecapParts,
    int Beats,
    int Questions,
    IReadOnlyDictionary<Difficulty, int> QuestionsByDifficulty,
    int DisputedFacts)
{
    public static ContentPackSummary Of(FilmPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var byDifficulty = Enum.GetValues<Difficulty>()
            .ToDictionary(d => d, d => pack.Trivia.Count(q => q.Difficulty == d));
        var disputed = pack.Film.Facts.Count(f => f.Disputed)
            + pack.Characters.Sum(c => c.Facts.Count(f => f.Disputed))
            + pack.Recap.Sum(p => p.Beats.Count(b => b.Disputed));
        return new ContentPackSummary(
            pack.Film.Id,
            pack.Film.Titles.Display.En,
            pack.Film.Sources.Count,
            pack.Characters.Count,
            pack.Characters.Sum(c => c.Aliases.Count),
            pack.Characters.Sum(c => c.Facts.Count),
            pack.Characters.Sum(c => c.Relationships.Count),
            pack.Cast.Count,
            pack.Cast.Sum(a => a.Roles.Count),
            pack.Recap.Count,
            pack.Recap.Sum(p => p.Beats.Count),
            pack.Trivia.Count,
            byDifficulty,
            disputed);
    }

    /// <summary>The summary as lines of plain text, one count per line.</summary>
    public IReadOnlyList<string> ToLines() =>
    [
        $"{Title} ({FilmId})",
        $"  sources:       {Sources}",
        $"  characters:    {Characters} ({Aliases} aliases, {CharacterFacts} facts, {Relationships} relationships)",
        $"  cast:          {Cast} ({CastRoles} roles)",
        $"  recap parts:   {RecapParts} ({Beats} beats)",
        $"  questions:     {Questions} ("
            + string.Join(", ", QuestionsByDifficulty.Select(d => $"{d.Value} {d.Key.ToString().ToLowerInvariant()}"))
            + ")",
        $"  disputed:      {DisputedFacts} facts and beats",
    ];

    public override string ToString() => string.Join(Environment.NewLine, ToLines());
}
