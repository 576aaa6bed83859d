using Microsoft.Data.Sqlite;
using MiracleCell.Storage.Sqlite;
using static MiracleCell.Storage.Tests.StoreTestKit;

namespace MiracleCell.Storage.Tests.Sqlite;

public sealed class MigrationTests : IDisposable
{
    private static readonly int Latest = SqliteMigrations.LatestVersion(SqliteMigrations.All);

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Initialize_creates_the_data_folder_and_brings_an_empty_database_to_the_latest_schema()
    {
        var dataFolder = Path.Combine(_folder.Path, "nested", "state");
        await using var store = Open(dataFolder);

        await store.InitializeAsync();

        Assert.True(File.Exists(store.DatabasePath));
        Assert.Equal(SqliteMigrations.LatestVersion(SqliteMigrations.All), Scalar(store.DatabasePath, "PRAGMA user_version"));
        Assert.Equal(5, Scalar(store.DatabasePath,
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('games','game_questions','answers','player_totals','monthly_points')"));
        Assert.Equal(1, Scalar(store.DatabasePath, "SELECT COUNT(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"));
    }

    [Fact]
    public async Task Reopening_an_up_to_date_database_changes_nothing_and_keeps_the_data()
    {
        long game;
        await using (var first = Open(_folder.Path))
        {
            game = await StartGameAsync(first);
        }

        await using var second = Open(_folder.Path);
        await second.InitializeAsync();
        await second.InitializeAsync();

        Assert.Equal(Latest, Scalar(second.DatabasePath, "PRAGMA user_version"));
        Assert.Equal(game, (await second.FindRunningGameAsync(GuildA, 1))!.GameId);
    }

    [Fact]
    public async Task A_new_migration_is_applied_once_to_an_existing_database()
    {
        await using (var v1 = Open(_folder.Path)) await StartGameAsync(v1);
        SqliteMigration[] withV2 = [.. SqliteMigrations.All, new(Latest + 1, "game notes", "ALTER TABLE games ADD COLUMN note TEXT;")];

        await using (var v2 = Open(_folder.Path, migrations: withV2)) await v2.InitializeAsync();
        await using var again = Open(_folder.Path, migrations: withV2);
        await again.InitializeAsync(); // a second ALTER TABLE would fail: the migration must not run twice

        Assert.Equal(Latest + 1, Scalar(again.DatabasePath, "PRAGMA user_version"));
        Assert.Equal(1, Scalar(again.DatabasePath, "SELECT COUNT(*) FROM games WHERE note IS NULL"));
    }

    [Fact]
    public async Task A_migration_another_process_applied_since_the_version_was_read_is_not_applied_again()
    {
        await using (var current = Open(_folder.Path)) await current.InitializeAsync();
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder.Path, "miraclecell.db")};Pooling=False");
        connection.Open();

        // As a second shard starting at the same moment: it read version 1, then the first shard migrated the file.
        var applied = SqliteMigrations.ApplyFrom(connection, SqliteMigrations.All, current: 1);

        Assert.Empty(applied);
        Assert.Equal(Latest, SqliteMigrations.ReadVersion(connection));
    }

    [Fact]
    public async Task A_failing_migration_leaves_the_database_at_the_previous_version()
    {
        await using (var v1 = Open(_folder.Path)) await v1.InitializeAsync();
        SqliteMigration[] broken = [.. SqliteMigrations.All, new(Latest + 1, "half done", "CREATE TABLE extra (x INTEGER); SELECT * FROM no_such_table;")];

        await using (var store = Open(_folder.Path, migrations: broken))
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync());
        }

        Assert.Equal(Latest, Scalar(Path.Combine(_folder.Path, "miraclecell.db"), "PRAGMA user_version"));
        Assert.Equal(0, Scalar(Path.Combine(_folder.Path, "miraclecell.db"), "SELECT COUNT(*) FROM sqlite_master WHERE name = 'extra'"));
    }

    [Fact]
    public async Task A_database_from_a_newer_build_is_refused_with_a_clear_error()
    {
        SqliteMigration[] newer = [.. SqliteMigrations.All, new(Latest + 1, "future", "CREATE TABLE future (x INTEGER);")];
        await using (var future = Open(_folder.Path, migrations: newer)) await future.InitializeAsync();

        await using var old = Open(_folder.Path);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => old.InitializeAsync());

        Assert.Contains($"schema version {Latest + 1}, newer than this build knows ({Latest})", error.Message);
    }

    [Fact]
    public async Task Games_recorded_before_locales_were_kept_survive_the_upgrade_without_a_locale()
    {
        await using (var v1 = Open(_folder.Path, migrations: [SqliteMigrations.All[0]])) await v1.InitializeAsync();
        // A game as a version-1 build wrote it, question 0 posted and open.
        const long game = 1;
        Scalar(Path.Combine(_folder.Path, "miraclecell.db"), $"""
            INSERT INTO games (id, guild_id, channel_id, started_by, settings, question_count, state, started_at)
            VALUES ({game}, {GuildA}, 1, 42, 'null', 1, 'running', 0);
            INSERT INTO game_questions (game_id, question_index, question_id, option_order, correct_choice, message_id, opened_at)
            VALUES ({game}, 0, 'q0', '1023', 1, 555, 0);
            SELECT 0;
            """);

        await using var current = Open(_folder.Path);
        var left = await current.GetQuestionsLeftOpenAsync(GuildA, game);

        Assert.Null(left!.Locale);
        Assert.Equal(555UL, Assert.Single(left.Questions).MessageId);
        Assert.Equal(game, (await current.FindRunningGameAsync(GuildA, 1))!.GameId);
    }
}
