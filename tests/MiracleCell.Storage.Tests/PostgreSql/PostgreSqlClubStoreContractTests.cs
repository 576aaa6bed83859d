using MiracleCell.Storage.PostgreSql;
using MiracleCell.Storage.Tests.Contract;
using MiracleCell.Testing;

namespace MiracleCell.Storage.Tests.PostgreSql;

/// <summary>The club store contract on a fresh database of the shared private PostgreSQL server.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlClubStoreContractTests(PostgreSqlServer server) : ClubStoreContract
{
    private string _connectionString = "";
    private PostgreSqlTriviaStore? _trivia;

    protected override async Task<IClubStore> OpenStoreAsync()
    {
        _connectionString = await server.CreateDatabaseAsync();
        return await ReopenStoreAsync();
    }

    protected override async Task<IClubStore> ReopenStoreAsync()
    {
        if (_trivia is not null) await _trivia.DisposeAsync();
        _trivia = PostgreSqlTestKit.Open(_connectionString);
        await _trivia.InitializeAsync();
        return new PostgreSqlClubStore(_trivia);
    }

    protected override async Task CleanUpAsync()
    {
        if (_trivia is not null) await _trivia.DisposeAsync();
    }
}
