using MiracleCell.Bot.Hosting;
using MiracleCell.Bot.Tests.Trivia;
using MiracleCell.Testing;
using Npgsql;

namespace MiracleCell.Bot.Tests.Hosting;

/// <summary>A score database the bot cannot migrate stops the start with one line naming it, and exit code
/// 78.</summary>
[Collection(PostgreSqlServerCollection.Name)]
public sealed class PostgreSqlMigrationStartupTests(PostgreSqlServer server)
{
    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<(int ExitCode, string Line)> StartAsync(string database)
    {
        using var error = new StringWriter();
        var exitCode = await BotHost.RunAsync(["--Discord:Token=abc.def.ghi", "--Storage:Provider=PostgreSql",
            $"--Storage:ConnectionString={database}", "--Storage:ConnectAttempts=1"], error, CancellationToken.None);
        return (exitCode, Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    private string Where(string database) =>
        $"127.0.0.1:{server.Port}/{new NpgsqlConnectionStringBuilder(database).Database}";

    [PostgreSqlFact]
    public async Task A_database_written_by_a_newer_build_stops_the_start_with_one_line_and_exit_code_78()
    {
        var database = await server.CreateDatabaseAsync();
        await ExecuteAsync(database, """
            CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now());
            INSERT INTO schema_migrations (version, name) VALUES (99, 'from the future');
            """);

        var (exitCode, line) = await StartAsync(database);

        Assert.Equal(ExitCodes.Configuration, exitCode);
        Assert.StartsWith($"MiracleCell cannot start: The score database at {Where(database)} is at schema "
            + "version 99, newer than "
            + "this build knows", line, StringComparison.Ordinal);
        Assert.Contains("run the newer MiracleCell that wrote it", line, StringComparison.Ordinal);
    }

    [PostgreSqlFact]
    public async Task A_refused_migration_changes_nothing_and_stops_the_start_with_one_line_and_exit_code_78()
    {
        var database = await server.CreateDatabaseAsync();
        // Another application's table where the first migration creates its own.
        await ExecuteAsync(database, "CREATE TABLE answers (note text);");

        var (exitCode, line) = await StartAsync(database);

        Assert.Equal(ExitCodes.Configuration, exitCode);
        Assert.StartsWith($"MiracleCell cannot start: Migration 1 (", line, StringComparison.Ordinal);
        Assert.Contains($"of the score database at {Where(database)} failed (42P07: relation \"answers\" "
            + "already exists), so it is "
            + "left at schema version 0: fix what the error names there", line, StringComparison.Ordinal);
        await using var connection = new NpgsqlConnection(database + ";Pooling=false");
        await connection.OpenAsync();
        await using var tables = new NpgsqlCommand(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'", connection);
        // only the other application's table: the migration rolled back
        Assert.Equal(1L, await tables.ExecuteScalarAsync());
    }
}
