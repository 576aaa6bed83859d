namespace MiracleCell.Storage;

/// <summary>
/// Where each server's movie-club settings live: the film the club is watching, how far the club has got in each
/// film, and how far each member has got. Every operation is scoped to one guild; a server with nothing stored
/// reads as <c>ClubSettings(null, empty)</c>.
/// </summary>
/// <remarks>
/// Parts watched are stored as given: 0 means nothing watched, k means parts 1..k, <see cref="int.MaxValue"/> means
/// finished. Negative values are refused with <see cref="ArgumentOutOfRangeException"/>; an empty film id with
/// <see cref="ArgumentException"/>.
/// </remarks>
public interface IClubStore
{
    /// <summary>The server's club settings; <c>ClubSettings(null, empty)</c> when nothing is stored.</summary>
    ValueTask<ClubSettings> GetClubAsync(Snowflake guildId, CancellationToken cancellationToken);

    /// <summary>Sets the film the club is watching.</summary>
    ValueTask SetCurrentFilmAsync(Snowflake guildId, string filmId, CancellationToken cancellationToken);

    /// <summary>Sets how far the club has got in a film, replacing any earlier value.</summary>
    ValueTask SetClubProgressAsync(Snowflake guildId, string filmId, int partsWatched,
        CancellationToken cancellationToken);

    /// <summary>How far a member has got in a film; null when the member has set nothing for it.</summary>
    ValueTask<int?> GetMemberProgressAsync(
        Snowflake guildId, Snowflake userId, string filmId, CancellationToken cancellationToken);

    /// <summary>Sets how far a member has got in a film; null clears it.</summary>
    ValueTask SetMemberProgressAsync(
        Snowflake guildId, Snowflake userId, string filmId, int? partsWatched, CancellationToken cancellationToken);
}
