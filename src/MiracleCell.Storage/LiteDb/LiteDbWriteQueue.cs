using System.Collections.Concurrent;
using LiteDB;
using Microsoft.Extensions.Logging;

namespace MiracleCell.Storage.LiteDb;

/// <summary>
/// The single writer: every change to the file goes through one thread (LiteDB binds a transaction to its thread).
/// Work items that arrive together run in one transaction (group commit); after the commit the log file is synced
/// to disk, and only then does each caller's task complete. LiteDB has no savepoints: when an item throws, the
/// batch is rolled back and its items are run again one transaction each, so one failure does not spoil the others.
/// </summary>
internal sealed partial class LiteDbWriteQueue : IAsyncDisposable
{
    // A checkpoint holds the writer for a fixed ~2-4 ms (fsync of the data file, truncating the log) plus ~10 µs per
    // log page, and nothing commits meanwhile (see decisions §32). Run as soon as the writer has nothing queued once
    // the log holds a few commits' worth, each stall stays a few milliseconds; under a run of writes that never
    // leaves the queue empty the log is copied at 1,000 pages (LiteDB's own default), fewer and larger stalls that
    // cost the least time per page.
    private const int CheckpointWhenQueueEmptyPages = 128;
    private const int IdleCheckpointPages = 1;
    private const int ForcedCheckpointPages = 1_000;
    private static readonly TimeSpan IdleBeforeCheckpoint = TimeSpan.FromMilliseconds(50);

    private readonly BlockingCollection<WorkItem> _queue = new(new ConcurrentQueue<WorkItem>());
    private readonly LiteDatabase _database;
    private readonly LogFileSync _sync;
    private readonly int _maxBatchSize;
    private readonly ILogger _logger;
    private readonly Action _rolledBack;
    private readonly StoreMetrics _metrics;
    private readonly Thread _thread;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="rolledBack">Called on the writer thread after any rollback, so caches of the file's state can be
    /// dropped.</param>
    public LiteDbWriteQueue(
        LiteDatabase database, LogFileSync sync, int maxBatchSize, ILogger logger, Action rolledBack,
        StoreMetrics metrics)
    {
        _rolledBack = rolledBack;
        _metrics = metrics;
        _database = database;
        _sync = sync;
        _maxBatchSize = maxBatchSize;
        _logger = logger;
        _thread = new Thread(Run) { IsBackground = true, Name = "MiracleCell score writer" };
        _thread.Start();
    }

    public Task<T> EnqueueAsync<T>(Func<LiteDatabase, T> work, CancellationToken cancellationToken)
    {
        var item = new WorkItem<T>(work, cancellationToken);
        try
        {
            _queue.Add(item, CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            throw new ObjectDisposedException(nameof(LiteDbTriviaStore), "The trivia store is shut down; no more "
                + "changes can be written.");
        }
        return item.Task;
    }

    private void Run()
    {
        try
        {
            var batch = new List<WorkItem>(_maxBatchSize);
            while (true)
            {
                // Waits for work; when the log holds enough pages, only as long as counts as idle, then checkpoints.
                var wait = _sync.LogPages >= IdleCheckpointPages ? IdleBeforeCheckpoint : Timeout.InfiniteTimeSpan;
                if (!_queue.TryTake(out var first, wait))
                {
                    if (_queue.IsCompleted) break;
                    Checkpoint();
                    continue;
                }
                batch.Clear();
                if (!first.IsCancelled) batch.Add(first);
                while (batch.Count < _maxBatchSize && _queue.TryTake(out var item))
                {
                    if (!item.IsCancelled) batch.Add(item);
                }
                if (batch.Count > 0) RunBatch(batch);
                var pages = _sync.LogPages;
                if (pages >= ForcedCheckpointPages || (pages >= CheckpointWhenQueueEmptyPages && _queue.Count == 0))
                    Checkpoint();
            }
            // A stopped store leaves every change in the data file and an empty log.
            Checkpoint();
        }
        finally
        {
            _stopped.TrySetResult();
        }
    }

    /// <summary>
    /// Copies the committed pages from the log into the data file, between transactions on this thread, never inside a
    /// commit (the file's CHECKPOINT pragma is 0): when nothing is queued once the log holds a few commits' worth,
    /// after 50 ms idle whatever it holds, and forced once the log is large under a run of writes.
    /// A commit in the log is already durable, so a failed checkpoint loses nothing and is tried again later.
    /// </summary>
    private void Checkpoint()
    {
        var logPages = _sync.LogPages;
        var started = _metrics.Timestamp();
        try
        {
            _database.Checkpoint();
            _metrics.CheckpointEnded(started, logPages);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _logger.LogWarning(ex, "Copying the trivia store's log into its data file failed; it is tried again later");
        }
    }

    private void RunBatch(List<WorkItem> batch)
    {
        if (batch.Count > 1 && TryRunTogether(batch)) return;
        foreach (var item in batch) RunAlone(item);
    }

    private bool TryRunTogether(List<WorkItem> batch)
    {
        _database.BeginTrans();
        try
        {
            foreach (var item in batch) item.Run(_database);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            TryRollback();
            return false;
        }
        try
        {
            Commit(batch.Count);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogBatchNotCommitted(_logger, ex, batch.Count);
            TryRollback();
            foreach (var item in batch) item.Fail(ex);
            return true;
        }
        foreach (var item in batch) item.Complete();
        return true;
    }

    private void RunAlone(WorkItem item)
    {
        _database.BeginTrans();
        try
        {
            item.Run(_database);
            Commit(1);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            TryRollback();
            item.Fail(ex);
            return;
        }
        item.Complete();
    }

    private void Commit(int writes)
    {
        var started = _metrics.StartCommit();
        var committed = false;
        try
        {
            var logPages = _sync.LogPages;
            _database.Commit();
            var synced = _metrics.Timestamp();
            _sync.FlushToDisk();
            _metrics.LogWritten((int)(_sync.LogPages - logPages), _metrics.ElapsedSince(synced));
            committed = true;
        }
        finally
        {
            _metrics.CommitEnded(started, writes, committed);
        }
    }

    private void TryRollback()
    {
        _rolledBack();
        try
        {
            _database.Rollback();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogRollbackFailed(_logger, ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.CompleteAdding();
        await _stopped.Task.ConfigureAwait(false);
        _queue.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} trivia store writes could not be committed")]
    private static partial void LogBatchNotCommitted(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rolling back a failed trivia store write failed too")]
    private static partial void LogRollbackFailed(ILogger logger, Exception exception);

    private abstract class WorkItem
    {
        public abstract bool IsCancelled { get; }
        public abstract void Run(LiteDatabase database);
        public abstract void Fail(Exception error);
        public abstract void Complete();
    }

    private sealed class WorkItem<T>(Func<LiteDatabase, T> work, CancellationToken cancellationToken) : WorkItem
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

        public override void Run(LiteDatabase database) => _result = work(database);

        public override void Fail(Exception error) => _completion.TrySetException(error);

        public override void Complete() => _completion.TrySetResult(_result!);
    }
}
