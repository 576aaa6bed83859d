using MiracleCell.Storage.Tests.Contract;
using MiracleCell.Testing;

namespace MiracleCell.Storage.Tests.PostgreSql;

/// <summary>The store contract on a fresh database of the shared private PostgreSQL server.</summary>
[Collection(PostgreSqlCollection.Name)]
[RequiresPostgreSql]
public sealed class PostgreSqlTriviaStoreContractTests(PostgreSqlServer server) : TriviaStoreContract
{
    private string? _connectionString;

    private string ConnectionStringOrThrow =>
        _connectionString
            ?? throw new InvalidOperationException("OpenStoreAsync has not created the test database yet.");

    protected override IReadOnlyList<string> CrashWriterTarget =>
        ["--provider", "PostgreSql", "--connection-string", ConnectionStringOrThrow];

    protected override async Task<ITriviaStore> OpenStoreAsync(TimeProvider time)
    {
        _connectionString = await server.CreateDatabaseAsync();
        return await ReopenStoreAsync(time);
    }

    protected override async Task<ITriviaStore> ReopenStoreAsync(TimeProvider time)
    {
        var store = PostgreSqlTestKit.Open(ConnectionStringOrThrow, time, meters: Meters);
        await store.InitializeAsync();
        return store;
    }

    protected override async Task CleanUpAsync()
    {
        if (_connectionString is not null) await server.DropDatabaseAsync(_connectionString);
    }
}
