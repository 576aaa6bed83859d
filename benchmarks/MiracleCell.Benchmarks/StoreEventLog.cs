using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace MiracleCell.Benchmarks;

/// <summary>One answer's wait: from when it was due or sent to its acknowledgement (Stopwatch timestamps).</summary>
internal readonly record struct Wait(long From, long Acked);

/// <summary>The answers of one phase of a run and when it started and ended.</summary>
internal sealed record Phase(Wait[] Waits, long Start, long End);

/// <summary>
/// The score store's measurements (the <c>store.*</c> instruments on the MiracleCell meter) as they are recorded,
/// stamped with when they ended, and a report of one phase: commits, log pages, log fsyncs and checkpoints, and
/// which answers' waits overlapped a checkpoint.
/// </summary>
internal sealed class StoreEventLog
{
    public sealed record Commit(double Ms, int Writes, int LogPages);
    public sealed record Checkpoint(long Start, long End, double Ms, int Pages);
    public sealed record Snapshot(List<Commit> Commits, List<double> Syncs, List<Checkpoint> Checkpoints);

    private const string CommitDuration = "store.commit.duration";
    private const string CommitBatchSize = "store.commit.batch_size";
    private const string CommitLogPages = "store.commit.log_pages";
    private const string LogSyncDuration = "store.log_sync.duration";
    private const string CheckpointDuration = "store.checkpoint.duration";
    private const string CheckpointLogPages = "store.checkpoint.log_pages";

    private readonly ConcurrentQueue<(string Name, long At, double Value)> _recorded = new();

    public MeterListener Listen()
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "MiracleCell" && instrument.Name.StartsWith("store.",
                        StringComparison.Ordinal))
                    l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<double>((i, value, _, _) =>
            _recorded.Enqueue((i.Name, Stopwatch.GetTimestamp(), value)));
        listener.SetMeasurementEventCallback<int>((i, value, _, _) =>
            _recorded.Enqueue((i.Name, Stopwatch.GetTimestamp(), value)));
        listener.Start();
        return listener;
    }

    public void Clear() => _recorded.Clear();

    public Snapshot TakeAll()
    {
        var all = new List<(string Name, long At, double Value)>();
        while (_recorded.TryDequeue(out var e)) all.Add(e);
        // Each commit records duration, batch size and log pages in that order on the writer thread; each
        // checkpoint its duration then its pages.
        var durations = all.Where(e => e.Name == CommitDuration).ToList();
        var sizes = all.Where(e => e.Name == CommitBatchSize).ToList();
        var pages = all.Where(e => e.Name == CommitLogPages).ToList();
        var commits = durations.Zip(sizes, pages)
            .Select(t => new Commit(t.First.Value * 1000, (int)t.Second.Value, (int)t.Third.Value)).ToList();
        var syncs = all.Where(e => e.Name == LogSyncDuration).Select(e => e.Value * 1000).ToList();
        var checkpointPages = all.Where(e => e.Name == CheckpointLogPages).ToList();
        var checkpoints = all.Where(e => e.Name == CheckpointDuration)
            .Zip(checkpointPages, (d, p) => new Checkpoint(
                d.At - (long)(d.Value * Stopwatch.Frequency), d.At, d.Value * 1000, (int)p.Value))
            .ToList();
        return new Snapshot(commits, syncs, checkpoints);
    }

    public static void Report(string name, Phase phase, Snapshot events)
    {
        var seconds = Stopwatch.GetElapsedTime(phase.Start, phase.End).TotalSeconds;
        var waits = phase.Waits.Select(w => Ms(w.Acked - w.From)).Order().ToArray();
        var answers = events.Commits.Sum(c => c.Writes);
        var pages = events.Commits.Sum(c => c.LogPages);
        Line($"{name}: {phase.Waits.Length / seconds:0} answers/s; wait p50 {P(waits, 0.5):0.00} ms, p99 "
            + $"{P(waits, 0.99):0.00} ms, max {waits[^1]:0.00} ms");
        Line($"  commits {events.Commits.Count / seconds:0}/s, {(double)answers / events.Commits.Count:0.0} "
            + $"answers/commit, {(double)pages / events.Commits.Count:0.00} log pages/commit, "
            + $"{(double)pages / answers:0.00} log pages/answer; commit p50 "
            + $"{P(Sorted(events.Commits.Select(c => c.Ms)), 0.5):0.00} ms p99 "
            + $"{P(Sorted(events.Commits.Select(c => c.Ms)), 0.99):0.00} ms; log fsync p50 "
            + $"{P(Sorted(events.Syncs), 0.5):0.00} ms p99 {P(Sorted(events.Syncs), 0.99):0.00} ms; commits "
            + $"{events.Commits.Sum(c => c.Ms) / 10 / seconds:0.0}% of the time");
        var checkpoints = events.Checkpoints;
        if (checkpoints.Count == 0)
        {
            Line("  no checkpoint");
            return;
        }
        var (fixedMs, perPageUs) = Fit(checkpoints);
        var busy = checkpoints.Sum(c => c.Ms);
        Line($"  checkpoints {checkpoints.Count} ({checkpoints.Count / seconds:0.0}/s), pages mean "
            + $"{checkpoints.Average(c => c.Pages):0}, duration p50 "
            + $"{P(Sorted(checkpoints.Select(c => c.Ms)), 0.5):0.00} ms max {checkpoints.Max(c => c.Ms):0.00} ms, "
            + $"{busy / 10 / seconds:0.0}% of the time; fit "
            + $"{fixedMs:0.00} ms + {perPageUs:0.0} µs/page");
        var overlapping = phase.Waits.Where(w => checkpoints.Any(c => c.Start < w.Acked && c.End > w.From))
            .Select(w => Ms(w.Acked - w.From)).Order().ToArray();
        var clear = phase.Waits.Where(w => !checkpoints.Any(c => c.Start < w.Acked && c.End > w.From))
            .Select(w => Ms(w.Acked - w.From)).Order().ToArray();
        Line($"  answers overlapping a checkpoint {overlapping.Length} "
            + $"({100.0 * overlapping.Length / waits.Length:0.0}%), their p50 {P(overlapping, 0.5):0.00} ms; "
            + $"the others p99 {P(clear, 0.99):0.00} ms");
        foreach (var c in checkpoints.Take(8)) Line($"    checkpoint {c.Pages} pages {c.Ms:0.00} ms");
    }

    /// <summary>Least squares of checkpoint duration on its log pages: the fixed cost and the cost per page.</summary>
    private static (double FixedMs, double PerPageUs) Fit(List<Checkpoint> checkpoints)
    {
        var n = checkpoints.Count;
        var meanX = checkpoints.Average(c => (double)c.Pages);
        var meanY = checkpoints.Average(c => c.Ms);
        var sxx = checkpoints.Sum(c => (c.Pages - meanX) * (c.Pages - meanX));
        if (n < 2 || sxx == 0) return (double.NaN, double.NaN);
        var slope = checkpoints.Sum(c => (c.Pages - meanX) * (c.Ms - meanY)) / sxx;
        return (meanY - slope * meanX, slope * 1000);
    }

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
    private static double[] Sorted(IEnumerable<double> values) => [.. values.Order()];
    private static double P(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : FloorComparison.Percentile(sorted, p);
    private static void Line(FormattableString text) => Console.WriteLine(text.ToString(CultureInfo.InvariantCulture));
    private static void Line(string text) => Console.WriteLine(text);
}
