using StjSerializer = System.Text.Json.JsonSerializer;
using System.Diagnostics.Metrics;
using LiteDB;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MiracleCell.Storage.Import;

namespace MiracleCell.Storage.LiteDb;

/// <summary>
/// The trivia store on one embedded LiteDB file, opened once per process in direct mode and locked against a second
/// bot. Every change goes through one writer thread with group commit; an answer is acknowledged after its
/// transaction is committed and LiteDB's log file is synced to disk. Reads run on the caller's thread against the
/// last committed state.
/// </summary>
public sealed partial class LiteDbTriviaStore : ITriviaStore
{
    private readonly StorageOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<LiteDbTriviaStore> _logger;
    private readonly StoreMetrics _metrics;
    private readonly SemaphoreSlim _initGate = new(1, 1);
    private FileStream? _lock;
    private LiteDatabase? _database;
    private LogFileSync? _sync;
    private LiteDbWriteQueue? _writer;
    private bool _disposed;

    // Running games' guild, questions and answers, touched only on the writer thread: an answer is checked against
    // them without querying the file. Dropped whenever a transaction is rolled back, and reloaded on next use.
    private readonly Dictionary<long, RunningGameAnswers> _runningGames = [];

    public LiteDbTriviaStore(IOptions<StorageOptions> options, TimeProvider timeProvider,
        ILogger<LiteDbTriviaStore>? logger = null,
        IMeterFactory? meterFactory = null)
        : this(options.Value, timeProvider, logger, meterFactory)
    {
    }

    /// <param name="meterFactory">Where the commit metrics go (<see cref="StoreMetrics"/>); none without one.</param>
    public LiteDbTriviaStore(StorageOptions options, TimeProvider timeProvider,
        ILogger<LiteDbTriviaStore>? logger = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new StorageOptionsValidator().Validate(null, options);
        if (problems.Failed)
            throw new OptionsValidationException(StorageOptions.SectionName, typeof(StorageOptions), problems.Failures);
        _options = options;
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? NullLogger<LiteDbTriviaStore>.Instance;
        _metrics = new StoreMetrics(meterFactory, "litedb", _time);
    }

    public string DatabasePath => _options.DatabasePath;

    /// <summary>
    /// Locks and opens the file (importing a database left by the SQLite store on first start). Throws
    /// <see cref="StoreUnavailableException"/> when the file cannot be used as it is.
    /// </summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_writer is not null) return;
        await _initGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_writer is not null) return;
            var path = _options.DatabasePath;
            var fileLock = LiteDbFileOpener.Lock(path);
            try
            {
                LiteDbFileOpener.CheckExisting(path);
                if (!File.Exists(path) && File.Exists(_options.SqliteDatabasePath))
                {
                    SqliteScoreImporter.Import(_options.SqliteDatabasePath, path, _time, _logger);
                }
                var database = OpenOrExplain(path);
                _sync = new LogFileSync(LogFileSync.LogPathOf(path));
                _database = database;
                _lock = fileLock;
                _writer = new LiteDbWriteQueue(database, _sync, _options.MaxBatchSize, _logger, _runningGames.Clear,
                    _metrics);
            }
            catch
            {
                await fileLock.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
        finally
        {
            _initGate.Release();
        }
    }

    private static LiteDatabase OpenOrExplain(string path)
    {
        try
        {
            return LiteDbFileOpener.OpenForWriting(path);
        }
        catch (Exception ex) when (ex is LiteException or IOException or UnauthorizedAccessException)
        {
            throw new StoreUnavailableException(
                $"Cannot open the score database {path} ({ex.Message.ReplaceLineEndings(" ")}): check "
                    + "Storage:DataFolder and the file's permissions.", ex);
        }
    }

    internal async Task<T> WriteAsync<T>(Func<LiteDatabase, T> work, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return await _writer!.EnqueueAsync(work, cancellationToken).ConfigureAwait(false);
    }

    internal async Task<T> ReadAsync<T>(Func<LiteDatabase, T> query, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return query(_database!);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        if (_writer is not null) await _writer.DisposeAsync().ConfigureAwait(false);
        _sync?.Dispose();
        _database?.Dispose();
        if (_lock is not null) await _lock.DisposeAsync().ConfigureAwait(false);
        _initGate.Dispose();
    }

    internal static ILiteCollection<BsonDocument> Games(LiteDatabase database) =>
        database.GetCollection(ScoreDocuments.Games, BsonAutoId.Int64);
    internal static ILiteCollection<BsonDocument> Answers(LiteDatabase database) =>
        database.GetCollection(ScoreDocuments.Answers);
    internal static ILiteCollection<BsonDocument> Totals(LiteDatabase database) =>
        database.GetCollection(ScoreDocuments.Totals);
    internal static ILiteCollection<BsonDocument> Monthly(LiteDatabase database) =>
        database.GetCollection(ScoreDocuments.Monthly);

    internal static string SerializeSettings(Core.Trivia.TriviaSettings settings) =>
        StjSerializer.Serialize(settings, StorageJsonContext.Default.TriviaSettings);
}
