namespace MiracleCell.Storage;

/// <summary>A server's club settings.</summary>
/// <param name="CurrentFilmId">The film the club is watching; null when none was chosen.</param>
/// <param name="PartsWatchedByFilm">
/// How far the club has got in each film it has progress for (see <see cref="IClubStore"/>).
/// </param>
public sealed record ClubSettings(string? CurrentFilmId, IReadOnlyDictionary<string, int> PartsWatchedByFilm)
{
    /// <summary>What a server with nothing stored reads as.</summary>
    public static ClubSettings Empty { get; } = new(
        null, System.Collections.ObjectModel.ReadOnlyDictionary<string, int>.Empty);
}
