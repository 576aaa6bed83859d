using System.Diagnostics.Metrics;
using System.Globalization;
using MiracleCell.Storage.PostgreSql;
using MiracleCell.Testing;
using Npgsql;

namespace MiracleCell.Storage.Tests.PostgreSql;

internal static class PostgreSqlTestKit
{
    /// <summary>A store on <paramref name="connectionString"/>, as one bot process would open it.</summary>
    public static PostgreSqlTriviaStore Open(string connectionString, TimeProvider? time = null,
        IReadOnlyList<PostgreSqlMigration>? migrations = null, int connectAttempts = 1, IMeterFactory? meters = null) =>
        new(
            new StorageOptions { Provider = StorageProvider.PostgreSql, ConnectionString = connectionString,
                ConnectAttempts = connectAttempts },
            time ?? new ManualTimeProvider(StoreTestKit.Start), null, migrations ?? PostgreSqlMigrations.All, meters);

    public static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}

/// <summary>Tests that each get a fresh database on the shared server and a store opened on it.</summary>
[Collection(PostgreSqlCollection.Name)]
public abstract class PostgreSqlStoreTests(PostgreSqlServer server, TimeProvider? time = null) : IAsyncLifetime
{
    protected PostgreSqlServer Server { get; } = server;

    protected PostgreSqlTriviaStore Store { get; private set; } = null!;

    protected string ConnectionString { get; private set; } = "";

    private readonly List<PostgreSqlTriviaStore> _opened = [];

    public async Task InitializeAsync()
    {
        // every test here is skipped
        if (PostgreSqlBinaries.MissingReason is not null && !PostgreSqlBinaries.IsCi) return;
        ConnectionString = await Server.CreateDatabaseAsync();
        Store = OpenAnother();
        await Store.InitializeAsync();
    }

    /// <summary>Another store on the same database: a second bot process.</summary>
    protected PostgreSqlTriviaStore OpenAnother(TimeProvider? clock = null)
    {
        var store = PostgreSqlTestKit.Open(ConnectionString, clock ?? time);
        _opened.Add(store);
        return store;
    }

    protected Task<long> ScalarAsync(string sql) => PostgreSqlTestKit.ScalarAsync(ConnectionString, sql);

    public async Task DisposeAsync()
    {
        foreach (var store in _opened) await store.DisposeAsync();
    }
}
