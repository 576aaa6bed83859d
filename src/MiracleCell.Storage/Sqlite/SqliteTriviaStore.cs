using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MiracleCell.Storage.Sqlite;

/// <summary>
/// The trivia store on an embedded SQLite file: WAL journal, <c>synchronous=FULL</c> so a committed answer
/// survives a crash or power loss, one writer connection with group commit, pooled read connections.
/// </summary>
public sealed partial class SqliteTriviaStore : ITriviaStore
{
    private readonly StorageOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SqliteTriviaStore> _logger;
    private readonly IReadOnlyList<SqliteMigration> _migrations;
    private readonly SemaphoreSlim _initGate = new(1, 1);
    private readonly string _connectionString;
    private SqliteConnection? _writerConnection;
    private SqliteWriteQueue? _writer;
    private bool _disposed;

    static SqliteTriviaStore() => SQLitePCL.Batteries_V2.Init();

    public SqliteTriviaStore(IOptions<StorageOptions> options, TimeProvider timeProvider, ILogger<SqliteTriviaStore>? logger = null)
        : this(options.Value, timeProvider, logger, SqliteMigrations.All)
    {
    }

    internal SqliteTriviaStore(StorageOptions options, TimeProvider timeProvider, ILogger<SqliteTriviaStore>? logger, IReadOnlyList<SqliteMigration> migrations)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new StorageOptionsValidator().Validate(null, options);
        if (problems.Failed) throw new OptionsValidationException(StorageOptions.SectionName, typeof(StorageOptions), problems.Failures);
        _options = options;
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? NullLogger<SqliteTriviaStore>.Instance;
        _migrations = migrations;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = options.DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 5,
        }.ToString();
    }

    public string DatabasePath => _options.DatabasePath;

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_writer is not null) return;
        await _initGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_writer is not null) return;
            Directory.CreateDirectory(Path.GetDirectoryName(_options.DatabasePath)!);
            var connection = new SqliteConnection(_connectionString);
            try
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                Pragma(connection, "journal_mode = WAL");
                ConfigureConnection(connection);
                var applied = SqliteMigrations.Apply(connection, _migrations);
                if (applied.Count > 0)
                {
                    _logger.LogInformation("Score database {Path} migrated to schema version {Version}", _options.DatabasePath, applied[^1]);
                }
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }
            _writerConnection = connection;
            _writer = new SqliteWriteQueue(connection, _options.MaxBatchSize, _logger);
        }
        catch (SqliteException ex)
        {
            throw new InvalidOperationException(
                $"Cannot open the score database at {_options.DatabasePath}: {ex.Message}. Check that Storage:DataFolder points to a writable folder.", ex);
        }
        finally
        {
            _initGate.Release();
        }
    }

    private void ConfigureConnection(SqliteConnection connection)
    {
        Pragma(connection, "synchronous = FULL");
        Pragma(connection, "foreign_keys = ON");
        Pragma(connection, $"busy_timeout = {5000}");
    }

    private static void Pragma(SqliteConnection connection, string pragma)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + pragma + ";";
        command.ExecuteNonQuery();
    }

    private async Task<T> WriteAsync<T>(Func<WriteSession, T> work, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await _writer!.EnqueueAsync(work, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> ReadAsync<T>(Func<SqliteConnection, T> query, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var connection = new SqliteConnection(_connectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            Pragma(connection, $"busy_timeout = {5000}");
            return query(connection);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        if (_writer is not null) await _writer.DisposeAsync().ConfigureAwait(false);
        if (_writerConnection is not null)
        {
            SqliteConnection.ClearPool(_writerConnection);
            await _writerConnection.DisposeAsync().ConfigureAwait(false);
        }
        _initGate.Dispose();
    }

    internal static long ToUnixMs(DateTimeOffset at) => at.ToUnixTimeMilliseconds();
    internal static DateTimeOffset FromUnixMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
    internal static string MonthKey(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    // Snowflakes fit in 63 bits; SQLite integers are signed 64-bit.
    internal static long Id(ulong snowflake) => unchecked((long)snowflake);
    internal static ulong Snowflake(long value) => unchecked((ulong)value);

    internal static string SerializeSettings(Core.Trivia.TriviaSettings settings) => JsonSerializer.Serialize(settings, StorageJsonContext.Default.TriviaSettings);
}
