using Microsoft.Data.Sqlite;

namespace MiracleCell.Storage.Sqlite;

/// <summary>One schema change. Versions start at 1 and increase by one; each is applied once, in its own transaction.</summary>
internal sealed record SqliteMigration(int Version, string Name, string Sql);

/// <summary>Brings a database to the latest schema, tracked in <c>PRAGMA user_version</c>.</summary>
internal static class SqliteMigrations
{
    public static IReadOnlyList<SqliteMigration> All { get; } =
    [
        new(1, "games, questions, answers and score totals", """
            CREATE TABLE games (
                id            INTEGER PRIMARY KEY AUTOINCREMENT,
                guild_id      INTEGER NOT NULL,
                channel_id    INTEGER NOT NULL,
                started_by    INTEGER NOT NULL,
                settings      TEXT    NOT NULL,
                question_count INTEGER NOT NULL,
                state         TEXT    NOT NULL CHECK (state IN ('running', 'finished', 'stopped', 'interrupted')),
                started_at    INTEGER NOT NULL,
                ended_at      INTEGER,
                winner_id     INTEGER
            );
            -- One game per channel.
            CREATE UNIQUE INDEX ux_games_running_channel ON games (guild_id, channel_id) WHERE state = 'running';
            CREATE INDEX ix_games_state ON games (state);

            CREATE TABLE game_questions (
                game_id        INTEGER NOT NULL REFERENCES games (id) ON DELETE CASCADE,
                question_index INTEGER NOT NULL,
                question_id    TEXT    NOT NULL,
                option_order   TEXT    NOT NULL,
                correct_choice INTEGER NOT NULL,
                message_id     INTEGER,
                opened_at      INTEGER,
                revealed_at    INTEGER,
                PRIMARY KEY (game_id, question_index)
            ) WITHOUT ROWID;

            CREATE TABLE answers (
                id             INTEGER PRIMARY KEY,
                interaction_id INTEGER NOT NULL UNIQUE,
                guild_id       INTEGER NOT NULL,
                game_id        INTEGER NOT NULL REFERENCES games (id) ON DELETE CASCADE,
                question_index INTEGER NOT NULL,
                user_id        INTEGER NOT NULL,
                choice         INTEGER NOT NULL,
                is_correct     INTEGER NOT NULL,
                points         INTEGER NOT NULL,
                answered_at    INTEGER NOT NULL,
                UNIQUE (game_id, question_index, user_id)
            );

            CREATE TABLE player_totals (
                guild_id       INTEGER NOT NULL,
                user_id        INTEGER NOT NULL,
                points         INTEGER NOT NULL DEFAULT 0,
                games          INTEGER NOT NULL DEFAULT 0,
                wins           INTEGER NOT NULL DEFAULT 0,
                answers        INTEGER NOT NULL DEFAULT 0,
                correct        INTEGER NOT NULL DEFAULT 0,
                best_streak    INTEGER NOT NULL DEFAULT 0,
                current_streak INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (guild_id, user_id)
            ) WITHOUT ROWID;
            CREATE INDEX ix_player_totals_points ON player_totals (guild_id, points DESC);

            CREATE TABLE monthly_points (
                guild_id INTEGER NOT NULL,
                month    TEXT    NOT NULL,
                user_id  INTEGER NOT NULL,
                points   INTEGER NOT NULL,
                PRIMARY KEY (guild_id, month, user_id)
            ) WITHOUT ROWID;
            CREATE INDEX ix_monthly_points_points ON monthly_points (guild_id, month, points DESC);
            """),
        // Null for games started before it: their messages are rebuilt in English.
        new(2, "the locale of a game's channel messages", """
            ALTER TABLE games ADD COLUMN locale TEXT;
            """),
    ];

    public static int LatestVersion(IReadOnlyList<SqliteMigration> migrations) => migrations.Count == 0 ? 0 : migrations[^1].Version;

    /// <summary>Applies the migrations newer than the database, in order. Returns the versions applied.</summary>
    public static IReadOnlyList<int> Apply(SqliteConnection connection, IReadOnlyList<SqliteMigration> migrations)
    {
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Migration \"{migrations[i].Name}\" has version {migrations[i].Version}; versions must run 1, 2, 3… without gaps.");
            }
        }
        return ApplyFrom(connection, migrations, ReadVersion(connection));
    }

    /// <summary>
    /// <see cref="Apply"/> from a version read earlier, which may be stale by now: another process sharing the file
    /// (a second shard starting at the same time) may have applied migrations since.
    /// </summary>
    internal static IReadOnlyList<int> ApplyFrom(SqliteConnection connection, IReadOnlyList<SqliteMigration> migrations, int current)
    {
        var latest = LatestVersion(migrations);
        if (current > latest)
        {
            throw new InvalidOperationException(
                $"The score database is at schema version {current}, newer than this build knows ({latest}). Run a newer MiracleCell or restore a backup.");
        }
        var applied = new List<int>();
        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            // Take the write lock (BEGIN IMMEDIATE), then look again: the version read before may be stale.
            using var transaction = connection.BeginTransaction(deferred: false);
            if (ReadVersion(connection, transaction) >= migration.Version) continue;
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = migration.Sql + $"\nPRAGMA user_version = {migration.Version};";
                command.ExecuteNonQuery();
            }
            transaction.Commit();
            applied.Add(migration.Version);
        }
        return applied;
    }

    public static int ReadVersion(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
