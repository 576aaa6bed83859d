using MiracleCell.Discord.Gateway;
using Npgsql;

namespace MiracleCell.Storage.PostgreSql;

/// <summary>
/// Paces Identify across every process that shares one PostgreSQL database: the time of the last Identify per
/// rate-limit bucket lives in <c>identify_buckets</c>, read and written under a transaction-scoped advisory lock on
/// the bucket, with the database's clock, so processes on different hosts agree without a clock of their own.
/// </summary>
public sealed class PostgreSqlIdentifyCoordinator(NpgsqlDataSource dataSource, TimeProvider time, TimeSpan interval)
    : IIdentifyCoordinator, IDisposable
{
    /// <summary>First key of the two-key advisory locks taken here (the second is the bucket); 'MCID' in ASCII.</summary>
    public const int LockSpace = 0x4D434944;

    private const string CreateTable = """
        CREATE TABLE IF NOT EXISTS identify_buckets (
            max_concurrency integer NOT NULL,
            bucket integer NOT NULL,
            last_identify_at timestamptz NOT NULL,
            PRIMARY KEY (max_concurrency, bucket))
        """;

    private readonly SemaphoreSlim _tableReady = new(1, 1);
    private bool _tableCreated;

    public async Task WaitTurnAsync(int shardId, int maxConcurrency, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shardId);
        maxConcurrency = Math.Max(1, maxConcurrency);
        var bucket = shardId % maxConcurrency;
        await EnsureTableAsync(cancellationToken);
        while (true)
        {
            var wait = await TryTakeTurnAsync(maxConcurrency, bucket, cancellationToken);
            if (wait <= TimeSpan.Zero) return;
            // Another process identified in this bucket moments ago: wait out its interval, then ask again.
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>Zero when the turn was taken and recorded; otherwise how long until the bucket is free.</summary>
    private async Task<TimeSpan> TryTakeTurnAsync(int maxConcurrency, int bucket, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockBucket = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@space, @bucket)", connection, transaction))
        {
            lockBucket.Parameters.AddWithValue("space", LockSpace);
            lockBucket.Parameters.AddWithValue("bucket", bucket + (maxConcurrency << 16));
            await lockBucket.ExecuteNonQueryAsync(cancellationToken);
        }

        double secondsLeft;
        await using (var read = new NpgsqlCommand(
            """
            SELECT COALESCE(EXTRACT(EPOCH FROM (last_identify_at + @interval - clock_timestamp()))::float8, 0)
            FROM identify_buckets WHERE max_concurrency = @mc AND bucket = @bucket
            """, connection, transaction))
        {
            read.Parameters.AddWithValue("interval", interval);
            read.Parameters.AddWithValue("mc", maxConcurrency);
            read.Parameters.AddWithValue("bucket", bucket);
            secondsLeft = await read.ExecuteScalarAsync(cancellationToken) is double left ? left : 0;
        }
        if (secondsLeft > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return TimeSpan.FromSeconds(secondsLeft);
        }

        await using (var record = new NpgsqlCommand(
            """
            INSERT INTO identify_buckets (max_concurrency, bucket, last_identify_at) VALUES (@mc, @bucket, clock_timestamp())
            ON CONFLICT (max_concurrency, bucket) DO UPDATE SET last_identify_at = EXCLUDED.last_identify_at
            """, connection, transaction))
        {
            record.Parameters.AddWithValue("mc", maxConcurrency);
            record.Parameters.AddWithValue("bucket", bucket);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return TimeSpan.Zero;
    }

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (_tableCreated) return;
        await _tableReady.WaitAsync(cancellationToken);
        try
        {
            if (_tableCreated) return;
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // Two processes creating the table at once can collide in the catalog even with IF NOT EXISTS.
            await using (var serialise = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@space, -1)", connection, transaction))
            {
                serialise.Parameters.AddWithValue("space", LockSpace);
                await serialise.ExecuteNonQueryAsync(cancellationToken);
            }
            await using (var create = new NpgsqlCommand(CreateTable, connection, transaction))
                await create.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            _tableCreated = true;
        }
        finally
        {
            _tableReady.Release();
        }
    }

    public void Dispose() => _tableReady.Dispose();
}
