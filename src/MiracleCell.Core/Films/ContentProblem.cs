namespace MiracleCell.Core.Films;

/// <summary>One thing wrong with a content pack, where it is, and what to do about it.</summary>
public sealed record ContentProblem(string File, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}

/// <summary>A loaded pack, or everything that stops it loading.</summary>
public sealed record ContentLoadResult(FilmPack? Pack, IReadOnlyList<ContentProblem> Problems)
{
    public bool IsValid => Pack is not null && Problems.Count == 0;
}
