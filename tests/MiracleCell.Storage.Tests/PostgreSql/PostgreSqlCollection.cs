using MiracleCell.Testing;

namespace MiracleCell.Storage.Tests.PostgreSql;

/// <summary>The PostgreSQL tests share one private server (started once, stopped at the end); each test gets its own
/// database.</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlServer>
{
    public const string Name = "PostgreSQL server";
}
