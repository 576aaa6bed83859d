namespace MiracleCell.Core.Films.Loading;

/// <summary>Reads and validates a content pack folder (see docs/content-pack-format.md).</summary>
public static class ContentPackLoader
{
    /// <summary>Loads the pack in <paramref name="folder"/>; every problem found is reported with file and line.</summary>
    public static ContentLoadResult Load(string folder) => throw new NotImplementedException(folder);
}
