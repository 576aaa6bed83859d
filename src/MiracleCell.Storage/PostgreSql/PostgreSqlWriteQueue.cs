using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MiracleCell.Storage.PostgreSql;

/// <summary>The connection and transaction a batch of writes runs in.</summary>
internal sealed class PostgreSqlWriteSession(NpgsqlConnection connection, NpgsqlTransaction transaction)
{
    public NpgsqlConnection Connection { get; } = connection;
    public NpgsqlTransaction Transaction { get; } = transaction;

    public NpgsqlCommand Command(string sql) => new(sql, Connection, Transaction);

    public NpgsqlBatch Batch() => new(Connection, Transaction);
}

/// <summary>
/// This process's writer: work items that arrive together run in one transaction on one pooled connection, and
/// each caller's task completes only once that transaction is committed (group commit: one WAL flush for many
/// answers). Should one item fail, the transaction is rolled back and the items are run again one transaction
/// each, so one failure does not spoil the others. When the server cannot be reached every item fails with
/// <see cref="StoreUnavailableException"/>.
/// </summary>
internal sealed partial class PostgreSqlWriteQueue : IAsyncDisposable
{
    private readonly Channel<WorkItem> _queue = Channel.CreateUnbounded<WorkItem>(
        new UnboundedChannelOptions { SingleReader = true });
    private readonly NpgsqlDataSource _dataSource;
    private readonly int _maxBatchSize;
    private readonly ILogger _logger;
    private readonly StoreMetrics _metrics;
    private readonly Task _loop;

    public PostgreSqlWriteQueue(NpgsqlDataSource dataSource, int maxBatchSize, ILogger logger, StoreMetrics metrics)
    {
        _metrics = metrics;
        _dataSource = dataSource;
        _maxBatchSize = maxBatchSize;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    public Task<T> EnqueueAsync<T>(Func<PostgreSqlWriteSession, Task<T>> work, CancellationToken cancellationToken)
    {
        var item = new WorkItem<T>(work, cancellationToken);
        if (!_queue.Writer.TryWrite(item))
        {
            throw new ObjectDisposedException(nameof(PostgreSqlTriviaStore), "The trivia store is shut down; no more "
                + "changes can be written.");
        }
        return item.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<WorkItem>(_maxBatchSize);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < _maxBatchSize && _queue.Reader.TryRead(out var item))
            {
                if (!item.IsCancelled) batch.Add(item);
            }
            if (batch.Count > 0) await RunBatchAsync(batch).ConfigureAwait(false);
        }
    }

    private async Task RunBatchAsync(List<WorkItem> batch)
    {
        try
        {
            await CommitTogetherAsync(batch).ConfigureAwait(false);
            foreach (var item in batch) item.Complete();
            return;
        }
        catch (Exception ex) when (PostgreSqlErrors.IsUnavailable(ex) || batch.Count == 1)
        {
            var error = PostgreSqlErrors.Describe(ex, _dataSource);
            LogBatchNotCommitted(_logger, ex, batch.Count);
            foreach (var item in batch) item.Fail(error);
            return;
        }
        catch (Exception ex)
        {
            LogCommittingOneByOne(_logger, ex, batch.Count);
        }
        foreach (var item in batch)
        {
            try
            {
                await CommitTogetherAsync([item]).ConfigureAwait(false);
                item.Complete();
            }
            catch (Exception ex)
            {
                item.Fail(PostgreSqlErrors.Describe(ex, _dataSource));
            }
        }
    }

    private async Task CommitTogetherAsync(List<WorkItem> items)
    {
        for (var attempt = 1; ; attempt++)
        {
            var committing = false;
            try
            {
                var connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false);
                await using (connection.ConfigureAwait(false))
                {
                    var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
                    await using (transaction.ConfigureAwait(false))
                    {
                        var session = new PostgreSqlWriteSession(connection, transaction);
                        foreach (var item in items) await item.RunAsync(session).ConfigureAwait(false);
                        committing = true;
                        var started = _metrics.StartCommit();
                        var committed = false;
                        try
                        {
                            await transaction.CommitAsync().ConfigureAwait(false);
                            committed = true;
                        }
                        finally
                        {
                            _metrics.CommitEnded(started, items.Count, committed);
                        }
                        return;
                    }
                }
            }
            catch (Exception ex) when (attempt == 1 && !committing && PostgreSqlErrors.IsUnavailable(ex))
            {
                // Most often a pooled connection the server dropped when it restarted: nothing was committed, so drop
                // every idle connection and try once more on a new one. If the server is really down, that fails too.
                _dataSource.Clear();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} trivia store writes could not be committed")]
    private static partial void LogBatchNotCommitted(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "A batch of {Count} trivia store writes failed; committing them one by one")]
    private static partial void LogCommittingOneByOne(ILogger logger, Exception exception, int count);

    private abstract class WorkItem
    {
        public abstract bool IsCancelled { get; }
        public abstract Task RunAsync(PostgreSqlWriteSession session);
        public abstract void Fail(Exception error);
        public abstract void Complete();
    }

    private sealed class WorkItem<T>(Func<PostgreSqlWriteSession, Task<T>> work,
        CancellationToken cancellationToken) : WorkItem
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Task => _completion.Task;

        public override bool IsCancelled
        {
            get
            {
                if (!cancellationToken.IsCancellationRequested) return false;
                _completion.TrySetCanceled(cancellationToken);
                return true;
            }
        }

        // Run again from scratch when its batch is retried one by one: the result of the rolled-back run is dropped.
        public override async Task RunAsync(PostgreSqlWriteSession session) =>
            _result = await work(session).ConfigureAwait(false);

        public override void Fail(Exception error) => _completion.TrySetException(error);

        public override void Complete() => _completion.TrySetResult(_result!);
    }
}
