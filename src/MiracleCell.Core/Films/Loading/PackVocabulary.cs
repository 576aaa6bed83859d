namespace MiracleCell.Core.Films.Loading;

/// <summary>The words a pack may use for its enumerations, in the order messages list them.</summary>
internal static class PackVocabulary
{
    public static readonly IReadOnlyDictionary<string, SpoilerLevel> Spoilers = new Dictionary<string, SpoilerLevel>
    {
        ["none"] = SpoilerLevel.None,
        ["mild"] = SpoilerLevel.Mild,
        ["major"] = SpoilerLevel.Major,
    };

    public static readonly IReadOnlyDictionary<string, Difficulty> Difficulties = new Dictionary<string, Difficulty>
    {
        ["easy"] = Difficulty.Easy,
        ["medium"] = Difficulty.Medium,
        ["hard"] = Difficulty.Hard,
    };

    public static readonly IReadOnlyDictionary<string, TriviaCategory> Categories = new Dictionary<string,
    TriviaCategory>
    {
        ["plot"] = TriviaCategory.Plot,
        ["characters"] = TriviaCategory.Characters,
        ["cast"] = TriviaCategory.Cast,
        ["production"] = TriviaCategory.Production,
    };

    public static readonly IReadOnlyDictionary<string, SourceKind> SourceKinds = new Dictionary<string, SourceKind>
    {
        ["seed"] = SourceKind.Seed,
        ["extra"] = SourceKind.Extra,
    };
}

internal enum SourceKind
{
    Seed,
    Extra,
}
