namespace MiracleCell.Storage.PostgreSql;

/// <summary>The schema change that adds the club settings (current film, club and member progress).</summary>
internal static class PostgreSqlClubMigration
{
    public static PostgreSqlMigration Migration { get; } = new(2, "club settings and watch progress", """
        CREATE TABLE clubs (
            guild_id     bigint PRIMARY KEY,
            current_film text
        );

        -- The primary keys, led by guild_id, serve the look-ups and a server's reset.
        CREATE TABLE club_progress (
            guild_id      bigint  NOT NULL,
            film_id       text    NOT NULL,
            parts_watched integer NOT NULL CHECK (parts_watched >= 0),
            PRIMARY KEY (guild_id, film_id)
        );

        CREATE TABLE member_progress (
            guild_id      bigint  NOT NULL,
            user_id       bigint  NOT NULL,
            film_id       text    NOT NULL,
            parts_watched integer NOT NULL CHECK (parts_watched >= 0),
            PRIMARY KEY (guild_id, user_id, film_id)
        );
        """);
}
