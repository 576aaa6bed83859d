namespace MiracleCell.Storage.PostgreSql;

/// <summary><c>/readyz</c>'s <c>store</c> line: ready while the PostgreSQL server of the score store answers.</summary>
public sealed class PostgreSqlReadinessCheck(PostgreSqlTriviaStore store) : IReadinessCheck
{
    public string Name => "store";

    public Task<bool> IsReadyAsync(CancellationToken cancellationToken) => store.IsReachableAsync(cancellationToken);
}
