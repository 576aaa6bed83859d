using static MiracleCell.Storage.PostgreSql.PostgreSqlTriviaStore;

namespace MiracleCell.Storage.PostgreSql;

/// <summary>
/// The club settings on the trivia store's PostgreSQL database, through its pool and writer: each change is one
/// upsert (<c>INSERT … ON CONFLICT DO UPDATE</c>), so processes sharing the database can write at once.
/// </summary>
public sealed class PostgreSqlClubStore(PostgreSqlTriviaStore store) : IClubStore
{
    private readonly PostgreSqlTriviaStore _store = store ?? throw new ArgumentNullException(nameof(store));

    public async ValueTask<ClubSettings> GetClubAsync(Snowflake guildId, CancellationToken cancellationToken) =>
        await _store.ReadAsync(async connection =>
        {
            string? current = null;
            await using (var club = new Npgsql.NpgsqlCommand(
                "SELECT current_film FROM clubs WHERE guild_id = @guild;", connection))
            {
                club.Parameters.Add(P("guild", Id(guildId)));
                current = await club.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
            }
            var progress = new Dictionary<string, int>(StringComparer.Ordinal);
            await using var films = new Npgsql.NpgsqlCommand(
                "SELECT film_id, parts_watched FROM club_progress WHERE guild_id = @guild;", connection);
            films.Parameters.Add(P("guild", Id(guildId)));
            await using var reader = await films.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                progress[reader.GetString(0)] = reader.GetInt32(1);
            }
            return current is null && progress.Count == 0 ? ClubSettings.Empty : new ClubSettings(current, progress);
        }, cancellationToken).ConfigureAwait(false);

    public async ValueTask SetCurrentFilmAsync(Snowflake guildId, string filmId, CancellationToken cancellationToken)
    {
        ClubArguments.CheckFilm(filmId, nameof(filmId));
        await _store.WriteAsync(async session =>
        {
            await using var command = session.Command("""
                INSERT INTO clubs (guild_id, current_film) VALUES (@guild, @film)
                ON CONFLICT (guild_id) DO UPDATE SET current_film = EXCLUDED.current_film;
                """);
            command.Parameters.Add(P("guild", Id(guildId)));
            command.Parameters.Add(P("film", filmId));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask SetClubProgressAsync(
        Snowflake guildId, string filmId, int partsWatched, CancellationToken cancellationToken)
    {
        ClubArguments.CheckFilm(filmId, nameof(filmId));
        ClubArguments.CheckParts(partsWatched, nameof(partsWatched));
        await _store.WriteAsync(async session =>
        {
            await using var command = session.Command("""
                INSERT INTO club_progress (guild_id, film_id, parts_watched) VALUES (@guild, @film, @parts)
                ON CONFLICT (guild_id, film_id) DO UPDATE SET parts_watched = EXCLUDED.parts_watched;
                """);
            command.Parameters.Add(P("guild", Id(guildId)));
            command.Parameters.Add(P("film", filmId));
            command.Parameters.Add(P("parts", partsWatched));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<int?> GetMemberProgressAsync(
        Snowflake guildId, Snowflake userId, string filmId, CancellationToken cancellationToken)
    {
        ClubArguments.CheckFilm(filmId, nameof(filmId));
        return await _store.ReadAsync(async connection =>
        {
            await using var command = new Npgsql.NpgsqlCommand("""
                SELECT parts_watched FROM member_progress
                WHERE guild_id = @guild AND user_id = @user AND film_id = @film;
                """, connection);
            command.Parameters.Add(P("guild", Id(guildId)));
            command.Parameters.Add(P("user", Id(userId)));
            command.Parameters.Add(P("film", filmId));
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as int?;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask SetMemberProgressAsync(
        Snowflake guildId, Snowflake userId, string filmId, int? partsWatched, CancellationToken cancellationToken)
    {
        ClubArguments.CheckFilm(filmId, nameof(filmId));
        ClubArguments.CheckParts(partsWatched, nameof(partsWatched));
        await _store.WriteAsync(async session =>
        {
            await using var command = session.Command(partsWatched is null
                ? "DELETE FROM member_progress WHERE guild_id = @guild AND user_id = @user AND film_id = @film;"
                : """
                  INSERT INTO member_progress (guild_id, user_id, film_id, parts_watched)
                  VALUES (@guild, @user, @film, @parts)
                  ON CONFLICT (guild_id, user_id, film_id) DO UPDATE SET parts_watched = EXCLUDED.parts_watched;
                  """);
            command.Parameters.Add(P("guild", Id(guildId)));
            command.Parameters.Add(P("user", Id(userId)));
            command.Parameters.Add(P("film", filmId));
            if (partsWatched is { } parts) command.Parameters.Add(P("parts", parts));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }
}
