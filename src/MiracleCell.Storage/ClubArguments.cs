namespace MiracleCell.Storage;

/// <summary>The argument checks every <see cref="IClubStore"/> makes before touching its data.</summary>
internal static class ClubArguments
{
    public static void CheckFilm(string filmId, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filmId, parameterName);
    }

    public static void CheckParts(int? partsWatched, string parameterName)
    {
        if (partsWatched is < 0)
        {
            throw new ArgumentOutOfRangeException(parameterName, partsWatched,
                "Parts watched cannot be negative: 0 is nothing, k is parts 1..k, int.MaxValue is finished.");
        }
    }
}
