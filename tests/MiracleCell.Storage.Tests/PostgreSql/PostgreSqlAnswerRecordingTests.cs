using System.Collections.Concurrent;
using MiracleCell.Testing;
using static MiracleCell.Storage.Tests.StoreTestKit;

namespace MiracleCell.Storage.Tests.PostgreSql;

/// <summary>
/// Answers through several processes at once on one database; what a single store promises is in the contract
/// (<see cref="PostgreSqlTriviaStoreContractTests"/>).
/// </summary>
public sealed class PostgreSqlAnswerRecordingTests(PostgreSqlServer server) : PostgreSqlStoreTests(server)
{
    [PostgreSqlFact]
    public async Task Replays_of_the_same_clicks_through_two_processes_at_once_are_each_recorded_exactly_once()
    {
        await using var second = OpenAnother();
        var game = await StartGameAsync(Store, questions: 4);
        var clicks = (from q in Enumerable.Range(0, 4) from p in Enumerable.Range(1, 50) select Answer(game, q,
            new Snowflake((ulong)p), points: 100 + p))
            .ToArray();
        var results = new ConcurrentBag<(Snowflake Interaction, AnswerWriteResult Result)>();

        // Each click is delivered to both processes (as a gateway replay after a reconnect could), three times over.
        var deliveries = clicks.SelectMany(c =>
            new[] { (Store, c), (second, c), (Store, c), (second, c), (Store, c), (second, c) })
            .OrderBy(_ => Random.Shared.Next()).ToArray();
        await Parallel.ForEachAsync(deliveries, new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (delivery, ct) =>
                results.Add((delivery.c.InteractionId, await delivery.Item1.RecordAnswerAsync(delivery.c, ct))));

        foreach (var click in results.GroupBy(r => r.Interaction))
        {
            Assert.Single(click, r => r.Result == AnswerWriteResult.Recorded);
            Assert.All(click.Where(r => r.Result != AnswerWriteResult.Recorded),
                r => Assert.Equal(AnswerWriteResult.Redelivered, r.Result));
        }
        var closures = await Task.WhenAll(
            Store.FinishGameAsync(GuildA, game, GameEndState.Finished, Start),
            second.FinishGameAsync(GuildA, game, GameEndState.Finished, Start));
        Assert.Single(closures, c => c!.TotalsApplied);
        Assert.Equal(clicks.Sum(c => (long)c.Points), await ScalarAsync("SELECT SUM(points) FROM player_totals"));
        Assert.Equal(clicks.Length, await ScalarAsync("SELECT SUM(answers) FROM player_totals"));
    }
}
