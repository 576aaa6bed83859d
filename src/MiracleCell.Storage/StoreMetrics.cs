using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MiracleCell.Storage;

/// <summary>
/// How long the store's writer takes to make each batch of writes durable (the commit, with LiteDB's log sync or
/// PostgreSQL's WAL flush), by store and outcome, and how many writes each commit carried (group commit). On the
/// <c>MiracleCell</c> meter, so <c>/metrics</c> exports them; free while nothing listens, and absent without a
/// meter factory. LiteDB also reports the log pages each commit wrote, the log's fsync, and each checkpoint (how long
/// it held the writer and how many log pages it copied into the data file).
/// </summary>
internal sealed class StoreMetrics
{
    // The meter every part of the bot reports on (the Discord client names it the same); Storage does not
    // reference the Discord project.
    public const string MeterName = "MiracleCell";

    public const string CommitDuration = "store.commit.duration";
    public const string CommitBatchSize = "store.commit.batch_size";
    public const string CommitLogPages = "store.commit.log_pages";
    public const string LogSyncDuration = "store.log_sync.duration";
    public const string CheckpointDuration = "store.checkpoint.duration";
    public const string CheckpointLogPages = "store.checkpoint.log_pages";

    private readonly Histogram<double>? _duration;
    private readonly Histogram<int>? _batchSize;
    private readonly Histogram<int>? _commitLogPages;
    private readonly Histogram<double>? _syncDuration;
    private readonly Histogram<double>? _checkpointDuration;
    private readonly Histogram<int>? _checkpointLogPages;
    private readonly KeyValuePair<string, object?> _store;
    private readonly TimeProvider _time;

    /// <param name="store">The <c>store</c> tag: <c>litedb</c> or <c>postgresql</c>.</param>
    public StoreMetrics(IMeterFactory? meterFactory, string store, TimeProvider time)
    {
        _store = new("store", store);
        _time = time;
        if (meterFactory is null) return;
        var meter = meterFactory.Create(MeterName);
        _duration = meter.CreateHistogram<double>(CommitDuration, "s",
            "Commits of the score store's write batches, by store and outcome, and how long each took to be durable");
        _batchSize = meter.CreateHistogram<int>(CommitBatchSize, "{write}",
            "Writes committed together in one transaction of the score store (group commit)");
        _commitLogPages = meter.CreateHistogram<int>(CommitLogPages, "{page}",
            "Pages one commit of the score store appended to LiteDB's log file");
        _syncDuration = meter.CreateHistogram<double>(LogSyncDuration, "s",
            "The fsync of LiteDB's log file after each commit of the score store");
        _checkpointDuration = meter.CreateHistogram<double>(CheckpointDuration, "s",
            "Checkpoints of the score store: copying LiteDB's log into the data file, during which no write commits");
        _checkpointLogPages = meter.CreateHistogram<int>(CheckpointLogPages, "{page}",
            "Pages of LiteDB's log file each checkpoint of the score store copied into the data file");
    }

    public long StartCommit() => _time.GetTimestamp();

    public long Timestamp() => _time.GetTimestamp();

    public TimeSpan ElapsedSince(long started) => _time.GetElapsedTime(started);

    public void CommitEnded(long started, int writes, bool committed)
    {
        if (_duration is null || _batchSize is null) return;
        var tags = new TagList { _store, { "outcome", committed ? "committed" : "failed" } };
        _duration.Record(_time.GetElapsedTime(started).TotalSeconds, tags);
        if (committed) _batchSize.Record(writes, _store);
    }

    public void LogWritten(int pages, TimeSpan syncDuration)
    {
        _commitLogPages?.Record(pages, _store);
        _syncDuration?.Record(syncDuration.TotalSeconds, _store);
    }

    public void CheckpointEnded(long started, long logPages)
    {
        _checkpointDuration?.Record(_time.GetElapsedTime(started).TotalSeconds, _store);
        _checkpointLogPages?.Record((int)logPages, _store);
    }
}
