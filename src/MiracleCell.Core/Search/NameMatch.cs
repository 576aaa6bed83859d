namespace MiracleCell.Core.Search;

/// <summary>A candidate for what the user typed, scored from 0 (unrelated) to 1 (exact).</summary>
public sealed record NameMatch<T>(T Item, string Display, double Score)
{
    public bool IsExact => Score >= 1.0;
}
