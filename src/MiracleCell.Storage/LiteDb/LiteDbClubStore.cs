using LiteDB;
using static MiracleCell.Storage.LiteDb.ScoreDocuments;

namespace MiracleCell.Storage.LiteDb;

/// <summary>
/// The club settings in the trivia store's LiteDB file, through its one database and writer thread: a club is one
/// document (current film and an array of film progress), and each member's progress in a film is one document.
/// </summary>
public sealed class LiteDbClubStore(LiteDbTriviaStore store) : IClubStore
{
    private readonly LiteDbTriviaStore _store = store ?? throw new ArgumentNullException(nameof(store));

    public async ValueTask<ClubSettings> GetClubAsync(Snowflake guildId, CancellationToken cancellationToken) =>
        await _store.ReadAsync(database => ToSettings(Clubs(database).FindById(Id(guildId))), cancellationToken)
            .ConfigureAwait(false);

    public async ValueTask SetCurrentFilmAsync(Snowflake guildId, string filmId, CancellationToken cancellationToken)
    {
        ClubArguments.CheckFilm(filmId, nameof(filmId));
        await _store.WriteAsync(database =>
        {
            var clubs = Clubs(database);
            var club = clubs.FindById(Id(guildId)) ?? NewClub(guildId);
            club["currentFilm"] = filmId;
            return clubs.Upsert(club);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask SetClubProgressAsync(
        Snowflake guildId, string filmId, int partsWatched, CancellationToken cancellationToken)
    {
        ClubArguments.CheckFilm(filmId, nameof(filmId));
        ClubArguments.CheckParts(partsWatched, nameof(partsWatched));
        await _store.WriteAsync(database =>
        {
            var clubs = Clubs(database);
            var club = clubs.FindById(Id(guildId)) ?? NewClub(guildId);
            var progress = club["progress"].AsArray;
            var entry = progress.FirstOrDefault(p => p["film"].AsString == filmId);
            if (entry is null) progress.Add(new BsonDocument { ["film"] = filmId, ["parts"] = partsWatched });
            else entry["parts"] = partsWatched;
            return clubs.Upsert(club);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<int?> GetMemberProgressAsync(
        Snowflake guildId, Snowflake userId, string filmId, CancellationToken cancellationToken)
    {
        ClubArguments.CheckFilm(filmId, nameof(filmId));
        return await _store.ReadAsync(database =>
        {
            var member = Members(database).FindById(MemberFilmKey(guildId, userId, filmId));
            return member is null ? (int?)null : member["parts"].AsInt32;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask SetMemberProgressAsync(
        Snowflake guildId, Snowflake userId, string filmId, int? partsWatched, CancellationToken cancellationToken)
    {
        ClubArguments.CheckFilm(filmId, nameof(filmId));
        ClubArguments.CheckParts(partsWatched, nameof(partsWatched));
        var key = MemberFilmKey(guildId, userId, filmId);
        await _store.WriteAsync(database => partsWatched is { } parts
            ? Members(database).Upsert(new BsonDocument
            {
                ["_id"] = key,
                ["guild"] = Id(guildId),
                ["user"] = Id(userId),
                ["film"] = filmId,
                ["parts"] = parts,
            })
            : Members(database).Delete(key), cancellationToken).ConfigureAwait(false);
    }

    internal static ILiteCollection<BsonDocument> Clubs(LiteDatabase database) =>
        database.GetCollection(ScoreDocuments.Clubs);

    internal static ILiteCollection<BsonDocument> Members(LiteDatabase database) =>
        database.GetCollection(MemberProgress);

    internal static ClubSettings ToSettings(BsonDocument? club)
    {
        if (club is null) return ClubSettings.Empty;
        var progress = club["progress"].AsArray.ToDictionary(p => p["film"].AsString, p => p["parts"].AsInt32);
        var current = club["currentFilm"];
        return new ClubSettings(current.IsNull ? null : current.AsString, progress);
    }

    private static BsonDocument NewClub(Snowflake guildId) => new()
    {
        ["_id"] = Id(guildId),
        ["currentFilm"] = BsonValue.Null,
        ["progress"] = new BsonArray(),
    };
}
