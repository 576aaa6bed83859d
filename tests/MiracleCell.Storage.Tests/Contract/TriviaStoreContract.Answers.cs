using System.Collections.Concurrent;
using MiracleCell.Testing;
using static MiracleCell.Storage.Tests.StoreTestKit;

namespace MiracleCell.Storage.Tests.Contract;

public abstract partial class TriviaStoreContract
{
    [SuiteFact]
    public async Task A_new_answer_is_recorded()
    {
        var game = await StartGameAsync(Store);

        Assert.Equal(AnswerWriteResult.Recorded,
            await Store.RecordAnswerAsync(Answer(game, 0, user: Ann, points: 140)));

        var score = Assert.Single((await CloseAsync(game)).Scores);
        Assert.Equal(new PlayerGameScore(Ann, 140, 1, 1), score);
    }

    [SuiteFact]
    public async Task A_redelivered_interaction_is_recognised_and_not_counted_twice()
    {
        var game = await StartGameAsync(Store);
        var answer = Answer(game, 0, user: Ann, points: 140, interaction: new(555));

        await Store.RecordAnswerAsync(answer);
        var again = await Store.RecordAnswerAsync(answer);
        await Store.FinishGameAsync(GuildA, game, GameEndState.Finished, Start);
        var afterFinish = await Store.RecordAnswerAsync(answer);

        Assert.Equal(AnswerWriteResult.Redelivered, again);
        Assert.Equal(AnswerWriteResult.Redelivered, afterFinish);
        Assert.Equal(140, (await Store.GetStatsAsync(GuildA, Ann))!.Points);
    }

    [SuiteFact]
    public async Task A_second_answer_by_the_same_player_to_the_same_question_is_refused()
    {
        var game = await StartGameAsync(Store);

        await Store.RecordAnswerAsync(Answer(game, 0, user: Ann, points: 0, interaction: new(1)));
        var second = await Store.RecordAnswerAsync(Answer(game, 0, user: Ann, points: 150, interaction: new(2)));
        var nextQuestion = await Store.RecordAnswerAsync(Answer(game, 1, user: Ann, points: 150, interaction: new(3)));

        Assert.Equal(AnswerWriteResult.AlreadyAnswered, second);
        Assert.Equal(AnswerWriteResult.Recorded, nextQuestion);
        Assert.Equal(new PlayerGameScore(Ann, 150, 2, 1), Assert.Single((await CloseAsync(game)).Scores));
    }

    [SuiteFact]
    public async Task Answers_to_a_closed_game_or_a_question_it_does_not_have_are_refused()
    {
        var game = await StartGameAsync(Store, questions: 2);

        var noSuchQuestion = await Store.RecordAnswerAsync(Answer(game, 2, user: Ann, points: 150));
        var noSuchGame = await Store.RecordAnswerAsync(Answer(game + 99, 0, user: Ann, points: 150));
        var closure = await Store.FinishGameAsync(GuildA, game, GameEndState.Stopped, Start);
        var closed = await Store.RecordAnswerAsync(Answer(game, 0, user: Ann, points: 150));

        Assert.Equal(AnswerWriteResult.GameNotRunning, noSuchQuestion);
        Assert.Equal(AnswerWriteResult.GameNotRunning, noSuchGame);
        Assert.Equal(AnswerWriteResult.GameNotRunning, closed);
        Assert.Empty(closure!.Scores);
        Assert.Null(await Store.GetStatsAsync(GuildA, Ann));
    }

    [SuiteFact]
    public async Task Hundreds_of_concurrent_clicks_across_many_games_keep_one_answer_per_player_per_question()
    {
        const int games = 8, questions = 3, players = 40, clicksPerPlayer = 3;
        var gameIds = new long[games];
        for (var g = 0; g < games; g++)
            gameIds[g] = await StartGameAsync(Store, channel: new Snowflake((ulong)g + 1), questions: questions);
        // Every player clicks each question three times (three interactions); one of those is also redelivered.
        var clicks = (from g in gameIds
                      from q in Enumerable.Range(0, questions)
                      from p in Enumerable.Range(1, players)
                      from c in Enumerable.Range(0, clicksPerPlayer)
                      select Answer(g, q, new Snowflake((ulong)p), points: 100 + p,
                          interaction: new Snowflake((ulong)(g * 10_000_000 + q * 100_000 + p * 10 + c))))
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
        var stored = 0;
        foreach (var g in gameIds) stored += (await CloseAsync(g)).Scores.Sum(s => s.Answers);
        Assert.Equal(games * questions * players, stored);
        for (var p = 1; p <= players; p++)
        {
            var stats = (await Store.GetStatsAsync(GuildA, new Snowflake((ulong)p)))!;
            Assert.Equal(games * questions * (100 + p), stats.Points);
            Assert.Equal(games, stats.Games);
            Assert.Equal(games * questions, stats.Answers);
        }
    }

    [SuiteFact]
    public async Task Games_answered_from_many_threads_at_once_each_close_with_their_own_answers()
    {
        const int games = 20, players = 25;
        var gameIds = await Task.WhenAll(
            Enumerable.Range(1, games).Select(c => StartGameAsync(Store, channel: new Snowflake((ulong)c),
                questions: 2)));

        await Task.WhenAll(gameIds.Select(g => Task.Run(async () =>
        {
            for (var q = 0; q < 2; q++)
            {
                await Task.WhenAll(
                    Enumerable.Range(1, players)
                        .Select(p => Store.RecordAnswerAsync(Answer(g, q, new Snowflake((ulong)p),
                            points: p % 2 == 0 ? 100 : 0))));
            }
        })));
        var closures = await Task.WhenAll(gameIds.Select(g => Task.Run(() => CloseAsync(g))));

        Assert.All(closures, c => Assert.Equal(players * 2, c.Scores.Sum(s => s.Answers)));
        Assert.Equal(games * 200L, (await Store.GetStatsAsync(GuildA, new Snowflake(2)))!.Points);
    }
}
