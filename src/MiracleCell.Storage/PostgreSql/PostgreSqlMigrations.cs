using Npgsql;

namespace MiracleCell.Storage.PostgreSql;

/// <summary>One schema change. Versions start at 1 and increase by one; each is applied once.</summary>
internal sealed record PostgreSqlMigration(int Version, string Name, string Sql);

/// <summary>
/// Brings a database to the latest schema, tracked in <c>schema_migrations</c>. Pending migrations run in one
/// transaction holding an advisory lock, so processes starting together take turns and only the first applies them.
/// </summary>
internal static class PostgreSqlMigrations
{
    /// <summary>The advisory lock key for migrations ("MCmigr" in ASCII), shared by every process on the
    /// database.</summary>
    public const long LockKey = 0x4D_43_6D_69_67_72;

    public static IReadOnlyList<PostgreSqlMigration> All { get; } =
    [
        new(1, "games, questions, answers and score totals", """
            CREATE TABLE games (
                id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                guild_id       bigint      NOT NULL,
                channel_id     bigint      NOT NULL,
                started_by     bigint      NOT NULL,
                settings       text        NOT NULL,
                question_count integer     NOT NULL,
                state          text        NOT NULL CHECK (state IN ('running', 'finished', 'stopped', 'interrupted')),
                started_at     timestamptz NOT NULL,
                ended_at       timestamptz,
                winner_id      bigint,
                locale         text
            );
            -- One game per channel.
            CREATE UNIQUE INDEX ux_games_running_channel ON games (guild_id, channel_id) WHERE state = 'running';
            CREATE INDEX ix_games_running ON games (id) WHERE state = 'running';

            CREATE TABLE game_questions (
                game_id        bigint  NOT NULL REFERENCES games (id) ON DELETE CASCADE,
                question_index integer NOT NULL,
                question_id    text    NOT NULL,
                option_order   text    NOT NULL,
                correct_choice integer NOT NULL,
                message_id     bigint,
                opened_at      timestamptz,
                revealed_at    timestamptz,
                PRIMARY KEY (game_id, question_index)
            );

            -- The interaction id is the idempotency key; one answer per player per question.
            CREATE TABLE answers (
                interaction_id bigint      PRIMARY KEY,
                guild_id       bigint      NOT NULL,
                game_id        bigint      NOT NULL REFERENCES games (id) ON DELETE CASCADE,
                question_index integer     NOT NULL,
                user_id        bigint      NOT NULL,
                choice         integer     NOT NULL,
                is_correct     boolean     NOT NULL,
                points         integer     NOT NULL,
                answered_at    timestamptz NOT NULL,
                UNIQUE (game_id, question_index, user_id)
            );

            CREATE TABLE player_totals (
                guild_id       bigint  NOT NULL,
                user_id        bigint  NOT NULL,
                points         bigint  NOT NULL DEFAULT 0,
                games          integer NOT NULL DEFAULT 0,
                wins           integer NOT NULL DEFAULT 0,
                answers        integer NOT NULL DEFAULT 0,
                correct        integer NOT NULL DEFAULT 0,
                best_streak    integer NOT NULL DEFAULT 0,
                current_streak integer NOT NULL DEFAULT 0,
                PRIMARY KEY (guild_id, user_id)
            );
            CREATE INDEX ix_player_totals_points ON player_totals (guild_id, points DESC);

            CREATE TABLE monthly_points (
                guild_id bigint NOT NULL,
                month    text   NOT NULL,
                user_id  bigint NOT NULL,
                points   bigint NOT NULL,
                PRIMARY KEY (guild_id, month, user_id)
            );
            CREATE INDEX ix_monthly_points_points ON monthly_points (guild_id, month, points DESC);
            """),
        PostgreSqlClubMigration.Migration,
    ];

    public static int LatestVersion(IReadOnlyList<PostgreSqlMigration> migrations) =>
        migrations.Count == 0 ? 0 : migrations[^1].Version;

    /// <summary>
    /// Applies the migrations newer than the database, in order. Returns the versions applied. A database this build
    /// cannot use (a newer schema, a migration or the bookkeeping table refused by the server) ends in a
    /// <see cref="StoreUnavailableException"/> whose one line names the database and what to do; nothing is changed.
    /// </summary>
    public static async Task<IReadOnlyList<int>> ApplyAsync(
        NpgsqlConnection connection, IReadOnlyList<PostgreSqlMigration> migrations, CancellationToken cancellationToken)
    {
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"Migration \"{migrations[i].Name}\" has version {migrations[i].Version}; versions must run 1, "
                        + "2, 3… without gaps.");
            }
        }
        var where = $"{connection.Host}:{connection.Port}/{connection.Database}";
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Held until commit or rollback: a second process starting now waits here, then finds nothing left to do.
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({LockKey});", cancellationToken)
            .ConfigureAwait(false);
        int current;
        try
        {
            await ExecuteAsync(connection, transaction, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    integer     PRIMARY KEY,
                    name       text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                );
                """, cancellationToken).ConfigureAwait(false);
            current = await ReadVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (!PostgreSqlErrors.IsUnavailable(ex))
        {
            throw new StoreUnavailableException(
                $"The score database at {where} cannot be prepared ({PostgreSqlErrors.OneLine(ex)}): let the user in "
                + "Storage:ConnectionString create tables there, or give the bot a database of its own.", ex);
        }
        var latest = LatestVersion(migrations);
        if (current > latest)
        {
            throw new StoreUnavailableException(
                $"The score database at {where} is at schema version {current}, newer than this build knows "
                + $"({latest}): run the newer MiracleCell that wrote it, or point Storage:ConnectionString at a "
                + "backup from this version.");
        }
        var applied = new List<int>();
        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            try
            {
                await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException ex) when (!PostgreSqlErrors.IsUnavailable(ex))
            {
                throw new StoreUnavailableException(
                    $"Migration {migration.Version} (\"{migration.Name}\") of the score database at {where} failed "
                    + $"({PostgreSqlErrors.OneLine(ex)}), so it is left at schema version {current}: fix what the "
                    + "error names there (or give the bot a database of its own in Storage:ConnectionString) and "
                    + "start again.",
                    ex);
            }
            await using var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, name) VALUES ($1, $2);",
                connection, transaction);
            record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Version });
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Name });
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            applied.Add(migration.Version);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return applied;
    }

    public static async Task<int> ReadVersionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_migrations;",
            connection, transaction);
        return (int)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
