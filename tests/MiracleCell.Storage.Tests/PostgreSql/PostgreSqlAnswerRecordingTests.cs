using System.Collections.Concurrent;
using MiracleCell.Testing;
using static MiracleCell.Storage.Tests.StoreTestKit;

namespace MiracleCell.Storage.Tests.PostgreSql;

public sealed class PostgreSqlAnswerRecordingTests(PostgreSqlServer server) : PostgreSqlStoreTests(server)
{
    [PostgreSqlFact]
    public async Task A_redelivered_interaction_is_recognised_and_not_counted_twice()
    {
        var game = await StartGameAsync(Store);
        var answer = Answer(game, 0, user: 1, points: 140, interaction: 555);

        var first = await Store.RecordAnswerAsync(answer);
        var again = await Store.RecordAnswerAsync(answer);
        await Store.FinishGameAsync(GuildA, game, GameEndState.Finished, Start);
        var afterFinish = await Store.RecordAnswerAsync(answer);

        Assert.Equal((AnswerWriteResult.Recorded, AnswerWriteResult.Redelivered, AnswerWriteResult.Redelivered), (first, again, afterFinish));
        Assert.Equal(140, (await Store.GetStatsAsync(GuildA, 1))!.Points);
    }

    [PostgreSqlFact]
    public async Task A_second_answer_by_the_same_player_to_the_same_question_is_refused()
    {
        var game = await StartGameAsync(Store);

        await Store.RecordAnswerAsync(Answer(game, 0, user: 1, points: 0, interaction: 1));
        var second = await Store.RecordAnswerAsync(Answer(game, 0, user: 1, points: 150, interaction: 2));
        var nextQuestion = await Store.RecordAnswerAsync(Answer(game, 1, user: 1, points: 150, interaction: 3));

        Assert.Equal(AnswerWriteResult.AlreadyAnswered, second);
        Assert.Equal(AnswerWriteResult.Recorded, nextQuestion);
    }

    [PostgreSqlFact]
    public async Task Answers_to_a_closed_game_or_a_question_it_does_not_have_are_refused()
    {
        var game = await StartGameAsync(Store, questions: 2);

        var noSuchQuestion = await Store.RecordAnswerAsync(Answer(game, 2, user: 1, points: 150));
        var noSuchGame = await Store.RecordAnswerAsync(Answer(game + 99, 0, user: 1, points: 150));
        var otherGuild = await Store.RecordAnswerAsync(Answer(game, 0, user: 1, points: 150, guild: GuildB));
        await Store.FinishGameAsync(GuildA, game, GameEndState.Stopped, Start);
        var closed = await Store.RecordAnswerAsync(Answer(game, 0, user: 1, points: 150));

        Assert.All([noSuchQuestion, noSuchGame, otherGuild, closed], result => Assert.Equal(AnswerWriteResult.GameNotRunning, result));
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM answers"));
    }

    [PostgreSqlFact]
    public async Task Hundreds_of_concurrent_clicks_across_many_games_keep_one_answer_per_player_per_question()
    {
        const int games = 8, questions = 3, players = 40, clicksPerPlayer = 3;
        var gameIds = new long[games];
        for (var g = 0; g < games; g++) gameIds[g] = await StartGameAsync(Store, channel: (ulong)g + 1, questions: questions);
        // Every player clicks each question three times (three interactions); some clicks are also redelivered.
        var clicks = (from g in gameIds
                      from q in Enumerable.Range(0, questions)
                      from p in Enumerable.Range(1, players)
                      from c in Enumerable.Range(0, clicksPerPlayer)
                      select Answer(g, q, (ulong)p, points: 100 + p, interaction: (ulong)(g * 10_000_000 + q * 100_000 + p * 10 + c)))
                     .ToList();
        clicks.AddRange(clicks.Where((_, i) => i % 7 == 0).ToList());
        var shuffled = clicks.OrderBy(_ => Random.Shared.Next()).ToArray();
        var results = new ConcurrentBag<(AnswerRecord Answer, AnswerWriteResult Result)>();

        await Parallel.ForEachAsync(shuffled, new ParallelOptions { MaxDegreeOfParallelism = 64 },
            async (answer, ct) => results.Add((answer, await Store.RecordAnswerAsync(answer, ct))));

        foreach (var slot in results.GroupBy(r => (r.Answer.GameId, r.Answer.QuestionIndex, r.Answer.UserId)))
        {
            Assert.Single(slot, r => r.Result == AnswerWriteResult.Recorded);
        }
        Assert.Equal(games * questions * players, await ScalarAsync("SELECT COUNT(*) FROM answers"));

        foreach (var g in gameIds) await Store.FinishGameAsync(GuildA, g, GameEndState.Finished, Start);
        for (var p = 1; p <= players; p++)
        {
            var stats = (await Store.GetStatsAsync(GuildA, (ulong)p))!;
            Assert.Equal((games * questions * (100L + p), games, games * questions), (stats.Points, stats.Games, stats.Answers));
        }
    }

    [PostgreSqlFact]
    public async Task Replays_of_the_same_clicks_through_two_processes_at_once_are_each_recorded_exactly_once()
    {
        await using var second = OpenAnother();
        var game = await StartGameAsync(Store, questions: 4);
        var clicks = (from q in Enumerable.Range(0, 4) from p in Enumerable.Range(1, 50) select Answer(game, q, (ulong)p, points: 100 + p)).ToArray();
        var results = new ConcurrentBag<(ulong Interaction, AnswerWriteResult Result)>();

        // Each click is delivered to both processes (as a gateway replay after a reconnect could), three times over.
        var deliveries = clicks.SelectMany(c => new[] { (Store, c), (second, c), (Store, c), (second, c), (Store, c), (second, c) })
            .OrderBy(_ => Random.Shared.Next()).ToArray();
        await Parallel.ForEachAsync(deliveries, new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (delivery, ct) => results.Add((delivery.c.InteractionId, await delivery.Item1.RecordAnswerAsync(delivery.c, ct))));

        foreach (var click in results.GroupBy(r => r.Interaction))
        {
            Assert.Single(click, r => r.Result == AnswerWriteResult.Recorded);
            Assert.All(click.Where(r => r.Result != AnswerWriteResult.Recorded), r => Assert.Equal(AnswerWriteResult.Redelivered, r.Result));
        }
        var closures = await Task.WhenAll(
            Store.FinishGameAsync(GuildA, game, GameEndState.Finished, Start), second.FinishGameAsync(GuildA, game, GameEndState.Finished, Start));
        Assert.Single(closures, c => c!.TotalsApplied);
        Assert.Equal(clicks.Sum(c => (long)c.Points), await ScalarAsync("SELECT SUM(points) FROM player_totals"));
        Assert.Equal(clicks.Length, await ScalarAsync("SELECT SUM(answers) FROM player_totals"));
    }
}
