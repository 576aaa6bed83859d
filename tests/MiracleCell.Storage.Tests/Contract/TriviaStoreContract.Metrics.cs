using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using MiracleCell.Testing;
using static MiracleCell.Storage.Tests.StoreTestKit;

namespace MiracleCell.Storage.Tests.Contract;

public abstract partial class TriviaStoreContract
{
    [SuiteFact]
    public async Task Every_commit_is_timed_with_its_store_and_outcome_and_counts_the_writes_it_carried()
    {
        var commits = new ConcurrentBag<(double Seconds, string? Store, string? Outcome)>();
        var writes = 0L;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == Meters
                && instrument.Name is StoreMetrics.CommitDuration or StoreMetrics.CommitBatchSize)
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
        {
            string? store = null, outcome = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "store") store = tag.Value as string;
                if (tag.Key == "outcome") outcome = tag.Value as string;
            }
            commits.Add((seconds, store, outcome));
        });
        listener.SetMeasurementEventCallback<int>((_, count, _, _) => Interlocked.Add(ref writes, count));
        listener.Start();

        var game = await StartGameAsync(Store);
        await Task.WhenAll(
            Enumerable.Range(1, 10).Select(user => Store.RecordAnswerAsync(Answer(game, 0, new Snowflake((ulong)user),
                100))));

        Assert.Equal(11, Interlocked.Read(ref writes)); // the game and ten answers, each committed once
        Assert.InRange(commits.Count, 2, 11); // group commit may carry several answers in one
        Assert.All(commits, commit => Assert.Equal("committed", commit.Outcome));
        Assert.All(commits, commit => Assert.True(commit.Seconds >= 0));
        Assert.False(string.IsNullOrEmpty(Assert.Single(commits.Select(c => c.Store).Distinct())));
    }
}
