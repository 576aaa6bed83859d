using MiracleCell.Storage.PostgreSql;
using MiracleCell.Testing;
using static MiracleCell.Storage.Tests.StoreTestKit;

namespace MiracleCell.Storage.Tests.PostgreSql;

public sealed class PostgreSqlMigrationTests(PostgreSqlServer server) : PostgreSqlStoreTests(server)
{
    private static readonly int Latest = PostgreSqlMigrations.LatestVersion(PostgreSqlMigrations.All);

    private async Task<string> EmptyDatabaseAsync() => await Server.CreateDatabaseAsync();

    [PostgreSqlFact]
    public async Task Initialize_brings_an_empty_database_to_the_latest_schema()
    {
        Assert.Equal(Latest, await ScalarAsync("SELECT MAX(version) FROM schema_migrations"));
        Assert.Equal(5, await ScalarAsync("""
            SELECT COUNT(*) FROM information_schema.tables
            WHERE table_name IN ('games', 'game_questions', 'answers', 'player_totals', 'monthly_points')
            """));
    }

    [PostgreSqlFact]
    public async Task Processes_starting_together_on_an_empty_database_apply_each_migration_once()
    {
        var database = await EmptyDatabaseAsync();
        PostgreSqlMigration[] withV2 = [.. PostgreSqlMigrations.All, new(Latest + 1, "game notes", "ALTER TABLE games "
            + "ADD COLUMN note text;")];
        var stores = Enumerable.Range(0, 6).Select(_ => PostgreSqlTestKit.Open(database, migrations: withV2)).ToArray();

        // A second ALTER TABLE or CREATE TABLE would fail: only one process may apply each migration.
        await Task.WhenAll(stores.Select(s => s.InitializeAsync()));

        Assert.Equal(Latest + 1,
            await PostgreSqlTestKit.ScalarAsync(database, "SELECT COUNT(*) FROM schema_migrations"));
        Assert.True((await stores[3].CreateGameAsync(Game())).IsCreated);
        foreach (var store in stores) await store.DisposeAsync();
    }

    [PostgreSqlFact]
    public async Task A_new_migration_is_applied_once_to_an_existing_database_and_keeps_its_data()
    {
        var game = await StartGameAsync(Store);
        PostgreSqlMigration[] withV2 = [.. PostgreSqlMigrations.All, new(Latest + 1, "game notes", "ALTER TABLE games "
            + "ADD COLUMN note text;")];

        await using (var v2 = PostgreSqlTestKit.Open(ConnectionString, migrations: withV2)) await v2.InitializeAsync();
        await using var again = PostgreSqlTestKit.Open(ConnectionString, migrations: withV2);
        await again.InitializeAsync();

        Assert.Equal(Latest + 1, await ScalarAsync("SELECT MAX(version) FROM schema_migrations"));
        Assert.Equal(game, (await again.FindRunningGameAsync(GuildA, new Snowflake(1)))!.GameId);
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM games WHERE note IS NULL"));
    }

    [PostgreSqlFact]
    public async Task A_failing_migration_leaves_the_database_at_the_previous_version()
    {
        PostgreSqlMigration[] broken = [.. PostgreSqlMigrations.All,
            new(Latest + 1, "half done", "CREATE TABLE extra (x integer); SELECT * FROM no_such_table;")];

        await using var store = PostgreSqlTestKit.Open(ConnectionString, migrations: broken);
        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.InitializeAsync());

        Assert.Contains($"Migration {Latest + 1} (\"half done\") of the score database at 127.0.0.1:{Server.Port}/",
            error.Message);
        Assert.Contains($"42P01: relation \"no_such_table\" does not exist), so it is left at schema version {Latest}",
            error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(Latest, await ScalarAsync("SELECT MAX(version) FROM schema_migrations"));
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'extra'"));
    }

    [PostgreSqlFact]
    public async Task A_database_whose_user_may_not_create_tables_is_reported_in_one_line_naming_it()
    {
        var database = await EmptyDatabaseAsync();
        var reader = "reader_" + Guid.NewGuid().ToString("N");
        await PostgreSqlTestKit.ScalarAsync(database, $"CREATE ROLE {reader} LOGIN");
        await PostgreSqlTestKit.ScalarAsync(database, "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        var asReader = database.Replace("Username=postgres", $"Username={reader}", StringComparison.Ordinal);

        await using var store = PostgreSqlTestKit.Open(asReader);
        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.InitializeAsync());

        Assert.Contains("cannot be prepared (42501: permission denied for schema public): let the user", error.Message);
    }

    [PostgreSqlFact]
    public async Task A_database_from_a_newer_build_is_refused_with_a_clear_error()
    {
        PostgreSqlMigration[] newer = [.. PostgreSqlMigrations.All,
            new(Latest + 1, "future", "CREATE TABLE future (x integer);")];
        await using (var future = PostgreSqlTestKit.Open(ConnectionString,
            migrations: newer)) await future.InitializeAsync();

        await using var old = PostgreSqlTestKit.Open(ConnectionString);
        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => old.InitializeAsync());

        Assert.Contains($"at 127.0.0.1:{Server.Port}/", error.Message);
        Assert.Contains($"schema version {Latest + 1}, newer than this build knows ({Latest}): run "
            + "the newer MiracleCell", error.Message);
        Assert.Equal(Latest + 1, await ScalarAsync("SELECT MAX(version) FROM schema_migrations"));
    }
}
