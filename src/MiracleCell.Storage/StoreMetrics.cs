using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MiracleCell.Storage;

/// <summary>
/// How long the store's writer takes to make each batch of writes durable (the commit, with LiteDB's log sync or
/// PostgreSQL's WAL flush), by store and outcome, and how many writes each commit carried (group commit). On the
/// <c>MiracleCell</c> meter, so <c>/metrics</c> exports them; free while nothing listens, and absent without a
/// meter factory.
/// </summary>
internal sealed class StoreMetrics
{
    // The meter every part of the bot reports on (the Discord client names it the same); Storage does not
    // reference the Discord project.
    public const string MeterName = "MiracleCell";

    public const string CommitDuration = "store.commit.duration";
    public const string CommitBatchSize = "store.commit.batch_size";

    private readonly Histogram<double>? _duration;
    private readonly Histogram<int>? _batchSize;
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
    }

    public long StartCommit() => _time.GetTimestamp();

    public void CommitEnded(long started, int writes, bool committed)
    {
        if (_duration is null || _batchSize is null) return;
        var tags = new TagList { _store, { "outcome", committed ? "committed" : "failed" } };
        _duration.Record(_time.GetElapsedTime(started).TotalSeconds, tags);
        if (committed) _batchSize.Record(writes, _store);
    }
}
