using Npgsql;

namespace MiracleCell.Storage.PostgreSql;

public sealed partial class PostgreSqlTriviaStore
{
    /// <summary>
    /// True when the server answers a trivial query now; false when it cannot be reached (the idle pooled
    /// connections are then dropped, so the next ask after a server restart starts afresh).
    /// </summary>
    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                await using var command = new NpgsqlCommand("SELECT 1;", connection);
                await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
        }
        catch (Exception ex) when (PostgreSqlErrors.IsUnavailable(ex))
        {
            _dataSource.Clear();
            return false;
        }
    }
}
