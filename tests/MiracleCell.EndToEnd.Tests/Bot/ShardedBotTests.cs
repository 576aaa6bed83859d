using MiracleCell.EndToEnd.Tests.Infrastructure;
using MiracleCell.Testing;
using static MiracleCell.EndToEnd.Tests.Bot.TriviaTable;

namespace MiracleCell.EndToEnd.Tests.Bot;

/// <summary>
/// Two bot processes splitting four shards between them over one PostgreSQL database, as a deployment with
/// several hosts runs: each plays the trivia nights of the servers on its own shards, and one of them crashes.
/// </summary>
[Collection(DigitalTwinCollection.Name)]
public sealed class ShardedBotTests(DigitalTwinFixture twin,
    PostgreSqlServer postgres) : IClassFixture<PostgreSqlServer>
{
    private const int ShardCount = 4;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [E2EPostgreSqlFact]
    public async Task A_killed_process_closes_its_own_interrupted_games_on_restart_while_the_other_process_plays_on()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var database = new TriviaPostgreSqlDatabase(connectionString);
        var (guildA, guildB) = await GuildsOnBothHalvesAsync();
        var tableA = new TriviaTable(twin.Control, guildA.Channels.Single());
        var tableB = new TriviaTable(twin.Control, guildB.Channels.Single());
        var alice = await twin.Control.CreateUserAsync("alice-a", guildA.Id);
        var bob = await twin.Control.CreateUserAsync("bob-a", guildA.Id);
        var carol = await twin.Control.CreateUserAsync("carol-b", guildB.Id);
        var dave = await twin.Control.CreateUserAsync("dave-b", guildB.Id);

        var sessionsBefore = await twin.Control.GetGatewaySessionCountAsync();
        var starting = new[] { Start("0-1"), Start("2-3") };
        try
        {
            await Task.WhenAll(starting);
        }
        catch
        {
            foreach (var started in starting.Where(task => task.IsCompletedSuccessfully))
                await started.Result.DisposeAsync();
            throw;
        }
        await using var first = starting[0].Result;
        var second = starting[1].Result;
        BotProcess? restarted = null;
        try
        {
            await twin.Control.WaitForGatewaySessionsAsync(sessionsBefore + ShardCount, StartTimeout);

            // Process A's night: short questions, played to the end while process B crashes and comes back.
            Assert.Contains("has started", (await tableA.ReplyAsync(
                await tableA.CommandAsync(alice, "start", Number("questions", 3), Number("seconds", 15))))
                    .Message.VisibleText(),
                StringComparison.Ordinal);
            // Process B's night: a long question that is open when B is killed.
            Assert.Contains("has started", (await tableB.ReplyAsync(
                await tableB.CommandAsync(carol, "start", Number("questions", 3), Number("seconds", 60))))
                    .Message.VisibleText(),
                StringComparison.Ordinal);
            var ackA = new Dictionary<string, (TwinUser Player, char Letter)>();
            var ackB = new Dictionary<string, (TwinUser Player, char Letter)>();

            var questionA = await tableA.WaitForQuestionAsync(0);
            var questionB = await tableB.WaitForQuestionAsync(0);
            await AnswerAsync(tableA, database, questionA, [(alice, 0), (bob, 1)], ackA);
            await AnswerAsync(tableB, database, questionB, [(carol, 0), (dave, 1)], ackB);

            await second.KillAsync();
            await twin.Control.WaitForGatewaySessionsAtMostAsync(sessionsBefore + 2, Wait);
            Assert.Equal("running", await database.GameStateAsync(questionB.GameId));
            AssertStoredOnce(await database.AnswersAsync(questionB.GameId), ackB);

            restarted = await Start("2-3");
            await twin.Control.WaitForGatewaySessionsAsync(sessionsBefore + ShardCount, StartTimeout);
            await tableB.WaitForMessageContainingAsync("interrupted by a restart");
            Assert.Equal("interrupted", await database.GameStateAsync(questionB.GameId));
            Assert.Equal("running", await database.GameStateAsync(questionA.GameId));

            // Process A's night goes on as if nothing happened: questions 2 and 3 close once both have answered.
            for (var index = 1; index < 3; index++)
            {
                var next = await tableA.WaitForQuestionAsync(index, questionA.GameId);
                await AnswerAsync(tableA, database, next, [(alice, 0), (bob, 1)], ackA);
            }
            Assert.Contains($"<@{alice.Id}> wins the night",
                (await tableA.WaitForMessageContainingAsync("Trivia night over")).VisibleText(),
                StringComparison.Ordinal);
            Assert.Equal("finished", await database.GameStateAsync(questionA.GameId));
            var noticesA = (await twin.Control.GetMessagesAsync(tableA.Channel.Id))
                .Count(m => Shows(m, "interrupted by a restart"));
            var noticesB = (await twin.Control.GetMessagesAsync(tableB.Channel.Id))
                .Count(m => Shows(m, "interrupted by a restart"));
            Assert.Equal((0, 1), (noticesA, noticesB));

            var answersA = await database.AnswersAsync(questionA.GameId);
            var answersB = await database.AnswersAsync(questionB.GameId);
            AssertStoredOnce(answersA, ackA);
            AssertStoredOnce(answersB, ackB);
            AssertTotalsAreTheAnswers(answersA, await database.TotalsAsync(guildA.Id));
            AssertTotalsAreTheAnswers(answersB, await database.TotalsAsync(guildB.Id));

            // Each process answers for its own servers after the crash: the leaderboards come from the shared database.
            var boardA = (await tableA.ReplyAsync(await tableA.CommandAsync(bob, "leaderboard"))).Message.VisibleText();
            var boardB = (await tableB.ReplyAsync(await tableB.CommandAsync(dave, "leaderboard")))
                .Message.VisibleText();
            Assert.Contains($"<@{alice.Id}>: {answersA.Where(a => a.UserId == alice.Id).Sum(a => a.Points)} pts",
                boardA, StringComparison.Ordinal);
            Assert.Contains($"<@{carol.Id}>: {answersB.Where(a => a.UserId == carol.Id).Sum(a => a.Points)} pts",
                boardB, StringComparison.Ordinal);
            Assert.DoesNotContain("interrupted", first.Log, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            await second.DisposeAsync();
            if (restarted is not null) await restarted.DisposeAsync();
        }

        Task<BotProcess> Start(string shardIds) => BotProcess.StartAsync(twin, BotCommandTests.SlashCommands,
            new Dictionary<string, string>
            {
                ["Storage__Provider"] = "PostgreSql",
                ["Storage__ConnectionString"] = connectionString,
                ["Discord__ShardCount"] = "4",
                ["Discord__ShardIds"] = shardIds,
            }, StartTimeout, shards: 2);
    }

    /// <summary>New guilds until one lies on shards 0-1 and one on shards 2-3 (a guild's shard follows from its
    /// id).</summary>
    private async Task<(TwinGuild OnFirst, TwinGuild OnSecond)> GuildsOnBothHalvesAsync()
    {
        TwinGuild? onFirst = null, onSecond = null;
        for (var attempt = 0; attempt < 64 && (onFirst is null || onSecond is null); attempt++)
        {
            var guild = await twin.Control.CreateGuildAsync($"Club {attempt}", ["trivia"]);
            if (ShardOf(guild.Id) < 2) onFirst ??= guild;
            else onSecond ??= guild;
        }
        return (onFirst ?? throw new InvalidOperationException("No guild landed on shards 0-1."),
            onSecond ?? throw new InvalidOperationException("No guild landed on shards 2-3."));
    }

    private static int ShardOf(string guildId) =>
        (int)((ulong.Parse(guildId, System.Globalization.CultureInfo.InvariantCulture) >> 22) % ShardCount);

    /// <summary>The first player answers right, the second wrong; each click must be locked in.</summary>
    private static async Task AnswerAsync(TriviaTable table, TriviaPostgreSqlDatabase database,
        QuestionMessage question, (TwinUser Player, int Wrongness)[] players,
        Dictionary<string, (TwinUser Player, char Letter)> acknowledged)
    {
        await database.WaitUntilOpenedAsync(question.GameId, question.Index, Wait);
        var right = await database.CorrectLetterAsync(question.GameId, question.Index);
        foreach (var (player, wrongness) in players)
        {
            var letter = wrongness == 0 ? right : "ABCD".Where(l => l != right).ElementAt(wrongness - 1);
            var callback = await table.ClickAsync(player, question, letter);
            Assert.Contains($"Locked in: **{letter}**", CallbackMessage(callback).Content, StringComparison.Ordinal);
            acknowledged[callback.InteractionId] = (player, letter);
        }
    }

    private static void AssertStoredOnce(IReadOnlyList<StoredAnswer> answers,
        Dictionary<string, (TwinUser Player, char Letter)> acknowledged)
    {
        Assert.Equal(acknowledged.Keys.Order(), answers.Select(answer => answer.InteractionId).Order());
        Assert.All(answers, answer => Assert.Equal(acknowledged[answer.InteractionId].Letter, answer.Letter));
    }

    /// <summary>One game each, its answers counted once.</summary>
    private static void AssertTotalsAreTheAnswers(IReadOnlyList<StoredAnswer> answers,
        IReadOnlyDictionary<string, StoredTotals> totals)
    {
        Assert.Equal(answers.Select(a => a.UserId).Distinct().Order(), totals.Keys.Order());
        foreach (var player in answers.GroupBy(a => a.UserId))
        {
            var stored = totals[player.Key];
            Assert.Equal((player.Sum(a => a.Points), 1L, (long)player.Count(), (long)player.Count(a => a.IsCorrect)),
                (stored.Points, stored.Games, stored.Answers, stored.Correct));
        }
        Assert.Equal(1, totals.Values.Sum(t => t.Wins));
    }
}
