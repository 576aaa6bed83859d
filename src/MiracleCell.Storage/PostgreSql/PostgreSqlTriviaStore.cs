using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Polly;
using Polly.Retry;

namespace MiracleCell.Storage.PostgreSql;

/// <summary>
/// The trivia store on a PostgreSQL server shared by every process of the bot: pooled connections, group commit
/// of concurrent writes, answers kept exactly once by their unique keys, and the schema migrated at start under an
/// advisory lock. A commit is acknowledged only after the server has made it durable (its default
/// <c>synchronous_commit</c>).
/// </summary>
public sealed partial class PostgreSqlTriviaStore : ITriviaStore
{
    private readonly StorageOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<PostgreSqlTriviaStore> _logger;
    private readonly StoreMetrics _metrics;
    private readonly IReadOnlyList<PostgreSqlMigration> _migrations;
    private readonly SemaphoreSlim _initGate = new(1, 1);
    private readonly NpgsqlDataSource _dataSource;
    private PostgreSqlWriteQueue? _writer;
    private bool _disposed;

    /// <param name="meterFactory">Where the commit metrics go (<see cref="StoreMetrics"/>); none without one.</param>
    public PostgreSqlTriviaStore(IOptions<StorageOptions> options, TimeProvider timeProvider,
        ILogger<PostgreSqlTriviaStore>? logger = null,
        IMeterFactory? meterFactory = null)
        : this(options.Value, timeProvider, logger, PostgreSqlMigrations.All, meterFactory)
    {
    }

    internal PostgreSqlTriviaStore(
        StorageOptions options, TimeProvider timeProvider, ILogger<PostgreSqlTriviaStore>? logger,
        IReadOnlyList<PostgreSqlMigration> migrations,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new StorageOptionsValidator().Validate(null, options);
        if (problems.Failed)
            throw new OptionsValidationException(StorageOptions.SectionName, typeof(StorageOptions), problems.Failures);
        if (options.Provider != StorageProvider.PostgreSql)
        {
            throw new ArgumentException("The PostgreSQL store needs Storage:Provider=PostgreSql.", nameof(options));
        }
        _options = options;
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? NullLogger<PostgreSqlTriviaStore>.Instance;
        _migrations = migrations;
        _metrics = new StoreMetrics(meterFactory, "postgresql", _time);
        // The slim builder maps only the basic types this store uses: no reflection, safe to trim.
        var builder = new NpgsqlSlimDataSourceBuilder(options.ConnectionString);
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0) builder.ConnectionStringBuilder.MaxAutoPrepare = 32;
        _dataSource = builder.Build();
    }

    /// <summary>Host, port and database of the server, without credentials.</summary>
    public string Where => PostgreSqlErrors.Where(_dataSource);

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_writer is not null) return;
        await _initGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_writer is not null) return;
            var attempts = 0;
            IReadOnlyList<int> applied;
            try
            {
                applied = await StartupRetry().ExecuteAsync(async token =>
                {
                    attempts++;
                    var connection = await _dataSource.OpenConnectionAsync(token).ConfigureAwait(false);
                    await using (connection.ConfigureAwait(false))
                    {
                        return await PostgreSqlMigrations.ApplyAsync(connection, _migrations, token)
                            .ConfigureAwait(false);
                    }
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
            {
                throw new StoreUnavailableException(
                    $"Cannot reach the score database at {Where} after {attempts} attempt(s) "
                    + $"({PostgreSqlErrors.OneLine(ex)}): "
                    + "check Storage:ConnectionString and that the PostgreSQL server is running and accepts this user.",
                    ex);
            }
            if (applied.Count > 0)
            {
                _logger.LogInformation("Score database {Where} migrated to schema version {Version}", Where,
                    applied[^1]);
            }
            _writer = new PostgreSqlWriteQueue(_dataSource, _options.MaxBatchSize, _logger, _metrics);
        }
        finally
        {
            _initGate.Release();
        }
    }

    /// <summary>Retries reaching the server with exponential backoff (0.5 s, 1 s, 2 s, … at most 5 s apart),
    /// Storage:ConnectAttempts times in all.</summary>
    private ResiliencePipeline StartupRetry()
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = _time };
        if (_options.ConnectAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = _options.ConnectAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(500),
                MaxDelay = TimeSpan.FromSeconds(5),
                UseJitter = false,
                ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>().Handle<TimeoutException>()
                    .Handle<System.Net.Sockets.SocketException>(),
                OnRetry = args =>
                {
                    _logger.LogWarning("Score database {Where} not reachable ({Problem}); trying again in {Delay} ms",
                        Where, args.Outcome.Exception is { } ex ? PostgreSqlErrors.OneLine(ex) : "no answer",
                        (int)args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }
        return builder.Build();
    }

    internal async Task<T> WriteAsync<T>(Func<PostgreSqlWriteSession, Task<T>> work,
        CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await _writer!.EnqueueAsync(work, cancellationToken).ConfigureAwait(false);
    }

    internal async Task<T> ReadAsync<T>(Func<NpgsqlConnection, Task<T>> query, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await using (connection.ConfigureAwait(false))
                {
                    return await query(connection).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (attempt == 1 && PostgreSqlErrors.IsUnavailable(ex))
            {
                // A pooled connection from before a server restart: drop the idle ones and read once more.
                _dataSource.Clear();
            }
            catch (Exception ex) when (PostgreSqlErrors.IsUnavailable(ex) && ex is not StoreUnavailableException)
            {
                throw PostgreSqlErrors.Describe(ex, _dataSource);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        if (_writer is not null) await _writer.DisposeAsync().ConfigureAwait(false);
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        _initGate.Dispose();
    }

    internal static string MonthKey(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    // Ids are kept bit for bit in PostgreSQL's signed 64-bit bigint.
    internal static long Id(Snowflake id) => id.ToInt64();
    internal static Snowflake Snowflake(long value) => MiracleCell.Snowflake.FromInt64(value);

    internal static string SerializeSettings(Core.Trivia.TriviaSettings settings) =>
        JsonSerializer.Serialize(settings, PostgreSqlJsonContext.Default.TriviaSettings);

    internal static NpgsqlParameter<T> P<T>(string name, T value) => new(name, value);

    internal static NpgsqlParameter<DateTime> Time(string name, DateTimeOffset value) => new(name, value.UtcDateTime);
}
