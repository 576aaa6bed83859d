using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MiracleCell.Discord.Gateway;
using MiracleCell.Storage;
using Npgsql;

namespace MiracleCell.Bot.Transport;

/// <summary>
/// Paces Identify across every process that shares one PostgreSQL database: the time of the last Identify per
/// rate-limit bucket lives in <c>identify_buckets</c>, read and written under a transaction-scoped advisory lock on
/// the bucket. The lock is held only for that short transaction (never while waiting out an interval) and dies
/// with the session, so a process killed while holding it blocks the others only until the server drops it.
/// Times come from the <see cref="TimeProvider"/>: hosts are expected to keep their clocks in step (NTP); a host
/// whose clock runs ahead by a second would identify that much early in a bucket another host used.
/// </summary>
internal sealed class PostgreSqlIdentifyCoordinator : IIdentifyCoordinator, IAsyncDisposable
{
    /// <summary>First key of the two-key advisory locks taken here (the second is <see cref="LockKey"/>);
    /// 'MCID'.</summary>
    public const int LockSpace = 0x4D434944;

    private const string CreateTable = """
        CREATE TABLE IF NOT EXISTS identify_buckets (
            max_concurrency integer NOT NULL,
            bucket integer NOT NULL,
            last_identify_at timestamptz NOT NULL,
            PRIMARY KEY (max_concurrency, bucket))
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly ILogger _logger;
    private readonly InProcessIdentifyCoordinator _fallback;
    private readonly SemaphoreSlim _tableReady = new(1, 1);
    private bool _tableCreated;

    public PostgreSqlIdentifyCoordinator(
        NpgsqlDataSource dataSource, TimeProvider time, TimeSpan interval, ILogger? logger = null)
        : this(dataSource, ownsDataSource: false, time, interval, logger)
    {
    }

    private PostgreSqlIdentifyCoordinator(
        NpgsqlDataSource dataSource, bool ownsDataSource, TimeProvider time, TimeSpan interval, ILogger? logger)
    {
        _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));
        _ownsDataSource = ownsDataSource;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _interval = interval;
        _logger = logger ?? NullLogger.Instance;
        _fallback = new InProcessIdentifyCoordinator(time, interval);
    }

    /// <summary>A coordinator with its own small connection pool on the score database of
    /// <paramref name="options"/>.</summary>
    public static PostgreSqlIdentifyCoordinator ForStorage(
        StorageOptions options, TimeProvider time, TimeSpan interval, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new NpgsqlSlimDataSourceBuilder(options.ConnectionString);
        // Used once per Identify: two connections are plenty, and idle ones are closed by the pool.
        builder.ConnectionStringBuilder.MaxPoolSize = 2;
        return new PostgreSqlIdentifyCoordinator(builder.Build(), ownsDataSource: true, time, interval, logger);
    }

    /// <summary>The second advisory-lock key of a bucket: one lock per (max_concurrency, bucket) pair.</summary>
    public static int LockKey(int maxConcurrency, int bucket) => bucket + (maxConcurrency << 16);

    public async Task WaitTurnAsync(int shardId, int maxConcurrency, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shardId);
        maxConcurrency = Math.Max(1, maxConcurrency);
        var bucket = shardId % maxConcurrency;
        while (true)
        {
            TimeSpan wait;
            try
            {
                await EnsureTableAsync(cancellationToken);
                wait = await TryTakeTurnAsync(maxConcurrency, bucket, cancellationToken);
            }
            catch (Exception ex) when (IsUnreachable(ex) && !cancellationToken.IsCancellationRequested)
            {
                // Without the database this process still paces its own shards; it cannot see the others'.
                _logger.LogWarning(
                    "Shard {ShardId}: identify pacing across processes is unavailable ({Problem}); "
                        + "pacing this process only",
                    shardId, ex.Message.ReplaceLineEndings(" "));
                await _fallback.WaitTurnAsync(shardId, maxConcurrency, cancellationToken);
                return;
            }
            if (wait <= TimeSpan.Zero) return;
            // Another process identified in this bucket moments ago: wait out its interval, then ask again.
            await Task.Delay(wait, _time, cancellationToken);
        }
    }

    /// <summary>Zero when the turn was taken and recorded; otherwise how long until the bucket is free.</summary>
    private async Task<TimeSpan> TryTakeTurnAsync(int maxConcurrency, int bucket, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockBucket = new NpgsqlCommand(
            "SELECT pg_advisory_xact_lock(@space, @key)", connection, transaction))
        {
            lockBucket.Parameters.Add(new NpgsqlParameter<int>("space", LockSpace));
            lockBucket.Parameters.Add(new NpgsqlParameter<int>("key", LockKey(maxConcurrency, bucket)));
            await lockBucket.ExecuteNonQueryAsync(cancellationToken);
        }

        // Read after the lock is granted: a turn taken while this process waited for the lock counts.
        var now = _time.GetUtcNow();
        await using (var read = new NpgsqlCommand(
            "SELECT last_identify_at FROM identify_buckets WHERE max_concurrency = @mc AND bucket = @bucket",
            connection, transaction))
        {
            read.Parameters.Add(new NpgsqlParameter<int>("mc", maxConcurrency));
            read.Parameters.Add(new NpgsqlParameter<int>("bucket", bucket));
            if (await read.ExecuteScalarAsync(cancellationToken) is DateTime last)
            {
                var wait = new DateTimeOffset(DateTime.SpecifyKind(last, DateTimeKind.Utc)) + _interval - now;
                if (wait > TimeSpan.Zero)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    return wait;
                }
            }
        }

        await using (var record = new NpgsqlCommand(
            """
            INSERT INTO identify_buckets (max_concurrency, bucket, last_identify_at) VALUES (@mc, @bucket, @now)
            ON CONFLICT (max_concurrency, bucket) DO UPDATE SET last_identify_at = EXCLUDED.last_identify_at
            """, connection, transaction))
        {
            record.Parameters.Add(new NpgsqlParameter<int>("mc", maxConcurrency));
            record.Parameters.Add(new NpgsqlParameter<int>("bucket", bucket));
            record.Parameters.Add(new NpgsqlParameter<DateTime>("now", now.UtcDateTime));
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
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // Two processes creating the table at once can collide in the catalog even with IF NOT EXISTS.
            await using (var serialise = new NpgsqlCommand(
                "SELECT pg_advisory_xact_lock(@space, -1)", connection, transaction))
            {
                serialise.Parameters.Add(new NpgsqlParameter<int>("space", LockSpace));
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

    private static bool IsUnreachable(Exception ex) => ex switch
    {
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal)
            || pg.SqlState is "57P01" or "57P02" or "57P03",
        NpgsqlException => true,
        System.Net.Sockets.SocketException or TimeoutException => true,
        _ => false,
    };

    public async ValueTask DisposeAsync()
    {
        if (_ownsDataSource) await _dataSource.DisposeAsync();
        _tableReady.Dispose();
    }
}
