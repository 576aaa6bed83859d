using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace MiracleCell.Storage.Sqlite;

/// <summary>The writer's open connection and transaction, with prepared commands reused across batches.</summary>
internal sealed class WriteSession(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = [];

    public SqliteConnection Connection { get; } = connection;
    public SqliteTransaction? Transaction { get; set; }

    /// <summary>A prepared command for <paramref name="sql"/>, parameters cleared, bound to the current transaction.</summary>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }
        command.Parameters.Clear();
        command.Transaction = Transaction;
        return command;
    }

    public int Execute(string sql)
    {
        var command = Command(sql);
        return command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values) command.Dispose();
        _commands.Clear();
    }
}

/// <summary>
/// The single writer: every change to the database goes through here. Work items that arrive together are run
/// in one transaction (group commit), each inside its own savepoint so one failure does not spoil the others;
/// each caller's task completes only once the transaction holding its change is committed.
/// </summary>
internal sealed class SqliteWriteQueue : IAsyncDisposable
{
    private readonly Channel<WorkItem> _queue = Channel.CreateUnbounded<WorkItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly WriteSession _session;
    private readonly int _maxBatchSize;
    private readonly ILogger _logger;
    private readonly Task _loop;

    public SqliteWriteQueue(SqliteConnection connection, int maxBatchSize, ILogger logger)
    {
        _session = new WriteSession(connection);
        _maxBatchSize = maxBatchSize;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    public Task<T> EnqueueAsync<T>(Func<WriteSession, T> work, CancellationToken cancellationToken)
    {
        var item = new WorkItem<T>(work, cancellationToken);
        if (!_queue.Writer.TryWrite(item))
        {
            throw new ObjectDisposedException(nameof(SqliteTriviaStore), "The trivia store is shut down; no more changes can be written.");
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
            if (batch.Count > 0) RunBatch(batch);
        }
    }

    private void RunBatch(List<WorkItem> batch)
    {
        try
        {
            using var transaction = _session.Connection.BeginTransaction();
            _session.Transaction = transaction;
            foreach (var item in batch)
            {
                _session.Execute("SAVEPOINT work;");
                try
                {
                    item.Run(_session);
                    _session.Execute("RELEASE work;");
                }
                catch (Exception ex)
                {
                    _session.Execute("ROLLBACK TO work;");
                    _session.Execute("RELEASE work;");
                    item.Fail(ex);
                }
            }
            transaction.Commit();
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "A batch of {Count} trivia store writes could not be committed", batch.Count);
            foreach (var item in batch) item.Fail(ex);
            return;
        }
        finally
        {
            _session.Transaction = null;
        }
        foreach (var item in batch) item.Complete();
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        _session.Dispose();
    }

    private abstract class WorkItem
    {
        public abstract bool IsCancelled { get; }
        public abstract void Run(WriteSession session);
        public abstract void Fail(Exception error);
        public abstract void Complete();
    }

    private sealed class WorkItem<T>(Func<WriteSession, T> work, CancellationToken cancellationToken) : WorkItem
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;
        private bool _failed;

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

        public override void Run(WriteSession session) => _result = work(session);

        public override void Fail(Exception error)
        {
            _failed = true;
            _completion.TrySetException(error);
        }

        public override void Complete()
        {
            if (!_failed) _completion.TrySetResult(_result!);
        }
    }
}
