using MiracleCell.EndToEnd.Tests.Infrastructure;
using static MiracleCell.EndToEnd.Tests.Bot.TriviaTable;

namespace MiracleCell.EndToEnd.Tests.Bot;

/// <summary>
/// Trivia nights played by several members against the real bot and the twin: answers locked in by button clicks,
/// reveals, the final table, the scores commands, the refusals, and a crash in the middle of a question.
/// </summary>
[Collection(DigitalTwinCollection.Name)]
public sealed class TriviaNightTests(DigitalTwinFixture twin)
{
    /// <summary>View Channel, Send Messages and Use Application Commands: an ordinary member, without Manage
    /// Server.</summary>
    private const ulong OrdinaryMember = (1UL << 10) | (1UL << 11) | (1UL << 31);

    [E2EFact]
    public async Task A_night_of_three_players_locks_answers_reveals_ranks_them_and_sends_only_valid_requests()
    {
        var firstRequest = await twin.Control.GetLastRequestIdAsync();
        var (alice, bob) = await SeededPlayersAsync();
        var carol = await twin.Control.CreateUserWithPermissionsAsync("carol", OrdinaryMember);
        var table = new TriviaTable(twin.Control, await twin.Control.CreateChannelAsync("trivia-night"));
        await using var bot = await BotProcess.StartAsync(twin, BotCommandTests.SlashCommands);
        var database = new TriviaDatabase(bot.DataFolder);

        var started = await table.ReplyAsync(
            await table.CommandAsync(alice, "start", Number("questions", 2), Number("seconds", 10)));
        AssertPrivateReply(started, "Your trivia night has started: 2 questions, 10 s each");

        // Question 1 always runs its full 10 s: nobody has played before it, so nobody can be waited for.
        var first = await table.WaitForQuestionAsync(0);
        await database.WaitUntilOpenedAsync(first.GameId, 0, Wait);
        Assert.All(first.Buttons, button => Assert.False(button.Disabled, "An open question's buttons must work."));
        var right1 = await database.CorrectLetterAsync(first.GameId, 0);
        var wrong1 = Wrong(right1, 0);
        await AssertLockedInAsync(table, alice, first, right1);
        await AssertLockedInAsync(table, bob, first, right1);
        await AssertLockedInAsync(table, carol, first, wrong1);
        AssertPrivateCallback(await table.ClickAsync(alice, first, wrong1), $"already locked in: **{right1}**");

        var busy = await table.ReplyAsync(
            await table.CommandAsync(bob, "start", Number("questions", 1), Number("seconds", 10)));
        AssertPrivateReply(busy, $"already running in this channel, started by <@{alice.Id}>");
        // The twin gives members every permission unless told otherwise; carol was created without Manage Server.
        var refused = await table.ReplyAsync(await table.CommandAsync(carol, "stop"));
        AssertPrivateReply(refused, $"Only <@{alice.Id}>, who started this trivia night, or someone with Manage "
            + "Server can stop it.");

        var revealed1 = QuestionMessage.TryRead(
            await table.WaitForMessageContainingAsync("Time's up", first.Message.Id))!;
        AssertRevealed(revealed1, right1, new() { [right1] = 2, [wrong1] = 1 });

        // Question 2 closes as soon as the three who played question 1 have answered.
        var second = await table.WaitForQuestionAsync(1, first.GameId);
        await database.WaitUntilOpenedAsync(first.GameId, 1, Wait);
        var right2 = await database.CorrectLetterAsync(first.GameId, 1);
        await AssertLockedInAsync(table, alice, second, right2);
        await AssertLockedInAsync(table, bob, second, Wrong(right2, 0));
        await AssertLockedInAsync(table, carol, second, Wrong(right2, 1));
        var revealed2 = QuestionMessage.TryRead(
            await table.WaitForMessageContainingAsync("Everyone has answered", second.Message.Id))!;
        AssertRevealed(revealed2, right2, new() { [right2] = 1, [Wrong(right2, 0)] = 1, [Wrong(right2, 1)] = 1 });

        var final = (await table.WaitForMessageContainingAsync("Trivia night over")).VisibleText();
        var answers = await database.AnswersAsync(first.GameId);
        Assert.Equal(6, answers.Count);
        var points = answers.GroupBy(a => a.UserId).ToDictionary(g => g.Key, g => g.Sum(a => a.Points));
        Assert.True(points[alice.Id] >= 200 && points[bob.Id] is >= 100 and <= 150 && points[carol.Id] == 0,
            $"Points: {string.Join(", ", points)}");
        Assert.Contains($"<@{alice.Id}> wins the night", final, StringComparison.Ordinal);
        Assert.Contains($"<@{alice.Id}>: {points[alice.Id]} pts (2/2 right)", final, StringComparison.Ordinal);
        Assert.Contains($"<@{bob.Id}>: {points[bob.Id]} pts (1/2 right)", final, StringComparison.Ordinal);
        Assert.Contains($"<@{carol.Id}>: 0 pts (0/2 right)", final, StringComparison.Ordinal);

        var leaderboard = (await table.ReplyAsync(await table.CommandAsync(bob, "leaderboard"))).Message;
        var board = leaderboard.VisibleText();
        Assert.Contains($"**1.** <@{alice.Id}>: {points[alice.Id]} pts", board, StringComparison.Ordinal);
        Assert.Contains($"**2.** <@{bob.Id}>: {points[bob.Id]} pts", board, StringComparison.Ordinal);
        Assert.True(Shows(leaderboard, $"You: #2 with {points[bob.Id]} pts"), "The leaderboard's footer should give "
            + "the caller's own rank: " + board);
        var bobStats = (await table.ReplyAsync(await table.CommandAsync(carol, "stats", UserOption(bob)))).Message;
        AssertStats(bobStats, points: points[bob.Id], games: 1, wins: 0, answers: 2);
        var aliceStats = (await table.ReplyAsync(await table.CommandAsync(bob, "stats", UserOption(alice)))).Message;
        AssertStats(aliceStats, points: points[alice.Id], games: 1, wins: 1, answers: 2);

        await AssertEveryRequestWasValidAsync(firstRequest, bot);
        AssertNothingWentWrong(bot.Log);
    }

    [E2EFact]
    public async Task Answers_acknowledged_before_a_crash_are_kept_exactly_once_and_the_channel_is_told()
    {
        var firstRequest = await twin.Control.GetLastRequestIdAsync();
        var (alice, bob) = await SeededPlayersAsync();
        var carol = await twin.Control.CreateUserAsync("carol");
        var dave = await twin.Control.CreateUserAsync("dave");
        var table = new TriviaTable(twin.Control, await twin.Control.CreateChannelAsync("trivia-crash"));
        var dataFolder = Path.Combine(Path.GetTempPath(), "miraclecell-e2e-crash-" + Guid.NewGuid().ToString("N"));
        var sameDatabase = new Dictionary<string, string> { ["Storage__DataFolder"] = dataFolder };
        var database = new TriviaDatabase(dataFolder);
        try
        {
            var sessionsBefore = await twin.Control.GetGatewaySessionCountAsync();
            var acknowledged = new Dictionary<string, (TwinUser Player, char Letter)>();
            QuestionMessage question;
            string log;
            await using (var bot = await BotProcess.StartAsync(twin, BotCommandTests.SlashCommands, sameDatabase))
            {
                AssertPrivateReply(
                    await table.ReplyAsync(
                        await table.CommandAsync(alice, "start", Number("questions", 3), Number("seconds", 60))),
                    "has started");
                question = await table.WaitForQuestionAsync(0);
                await database.WaitUntilOpenedAsync(question.GameId, 0, Wait);
                // Alice alone is right, so she leads when the game is closed: her points and a win.
                var right = await database.CorrectLetterAsync(question.GameId, 0);
                foreach (var (player, letter) in new[] { (alice, right), (bob, Wrong(right, 0)),
                    (carol, Wrong(right, 1)) })
                {
                    acknowledged[(await AssertLockedInAsync(table, player, question, letter)).InteractionId] = (player,
                        letter);
                }

                // No graceful stop: the process dies with the question open, as in a crash or a power cut.
                await bot.KillAsync();
                log = bot.Log;
            }

            await twin.Control.WaitForGatewaySessionsAtMostAsync(sessionsBefore, Wait);
            Assert.Equal("running", await database.GameStateAsync(question.GameId));
            AssertStoredOnce(await database.AnswersAsync(question.GameId), acknowledged);

            await using var restarted = await BotProcess.StartAsync(twin, BotCommandTests.SlashCommands, sameDatabase);
            await table.WaitForMessageContainingAsync("interrupted by a restart");
            Assert.Equal("interrupted", await database.GameStateAsync(question.GameId));
            var answers = await database.AnswersAsync(question.GameId);
            AssertStoredOnce(answers, acknowledged);
            var totals = await database.TotalsAsync(twin.Endpoints.GuildId);
            AssertTotalsMatch(answers, totals, winnerId: alice.Id);

            // The question left open is closed: its buttons disabled, its answer not revealed.
            var closedQuestion = QuestionMessage.TryRead(
                await table.WaitForMessageContainingAsync("A restart interrupted the trivia night",
                    question.Message.Id))!;
            Assert.All(closedQuestion.Buttons, button => Assert.True(button.Disabled, $"Button {button.Letter} of the "
                + "interrupted question still looks live."));
            Assert.DoesNotContain(closedQuestion.Buttons, button => button.Style == AnswerButton.SuccessStyle);

            // A click that reaches the bot anyway (a stale client) belongs to no running game: a clear private reply,
            // and nothing recorded.
            foreach (var (player, letter) in new[] { (dave, 'D'), (alice, 'B') })
            {
                AssertPrivateCallback(await table.ClickAsync(player, question, letter), "does not belong to a running "
                    + "trivia night (it may be from before a restart)");
            }

            AssertStoredOnce(await database.AnswersAsync(question.GameId), acknowledged);
            Assert.Equal(totals, await database.TotalsAsync(twin.Endpoints.GuildId));
            var stats = (await table.ReplyAsync(await table.CommandAsync(bob, "stats", UserOption(alice)))).Message;
            AssertStats(stats, points: answers.Single(a => a.UserId == alice.Id).Points, games: 1, wins: 1, answers: 1);
            var notices = (await twin.Control.GetMessagesAsync(table.Channel.Id))
                .Count(m => TriviaTable.Shows(m, "interrupted by a restart"));
            Assert.True(notices == 1, $"Expected one restart notice, found {notices}.\nFirst bot:\n{log}\nRestarted "
                + $"bot:\n{restarted.Log}");
            await AssertEveryRequestWasValidAsync(firstRequest, restarted);
            AssertNothingWentWrong(restarted.Log);
        }
        finally
        {
            if (Directory.Exists(dataFolder))
            {
                Directory.Delete(dataFolder, recursive: true);
            }
        }
    }

    private async Task<(TwinUser Alice, TwinUser Bob)> SeededPlayersAsync()
    {
        var people = (await twin.Control.GetStateAsync()).People.ToList();
        return (people.First(user => user.Username == "alice"), people.First(user => user.Username == "bob"));
    }

    /// <summary>A wrong letter for the question whose right one is <paramref name="right"/>; different
    /// <paramref name="nth"/> give different letters.</summary>
    private static char Wrong(char right, int nth) => "ABCD".Where(letter => letter != right).ElementAt(nth);

    private static async Task<InteractionResponseRecord> AssertLockedInAsync(TriviaTable table, TwinUser player,
        QuestionMessage question, char letter)
    {
        var callback = await table.ClickAsync(player, question, letter);
        AssertPrivateCallback(callback, $"Locked in: **{letter}**");
        return callback;
    }

    private static void AssertPrivateCallback(InteractionResponseRecord callback, string expected)
    {
        Assert.True(callback.Acknowledged && callback.Type == 4,
            $"Expected an immediate reply (type 4), got {callback.Type}.");
        var (content, ephemeral) = CallbackMessage(callback);
        Assert.True(ephemeral, $"A button reply must be visible only to the one who clicked: \"{content}\"");
        Assert.Contains(expected, content, StringComparison.Ordinal);
    }

    private static void AssertPrivateReply((TwinMessage Message, InteractionResponseRecord Callback) reply,
        string expected)
    {
        var (_, ephemeral) = CallbackMessage(reply.Callback);
        Assert.True(ephemeral, "Expected a reply only the caller sees (flag 64 on callback type "
            + $"{reply.Callback.Type}): \"{reply.Message.Content}\"");
        Assert.Contains(expected, reply.Message.VisibleText(), StringComparison.Ordinal);
    }

    /// <summary>Buttons disabled, the right one green unless it is a spoiler, and how many chose each letter.</summary>
    private static void AssertRevealed(QuestionMessage revealed, char right, Dictionary<char, int> counts)
    {
        Assert.All(revealed.Buttons, button => Assert.True(button.Disabled, $"Button {button.Letter} still "
            + "works after the reveal."));
        var text = revealed.Message.VisibleText();
        var spoiler = text.Contains($"||**{right}.**", StringComparison.Ordinal);
        var green = revealed.Buttons.Where(button => button.Style == AnswerButton.SuccessStyle)
            .Select(button => button.Letter).ToList();
        Assert.Equal(spoiler ? [] : new[] { right }, green);
        foreach (var letter in "ABCD")
        {
            Assert.Contains($"{letter}: {counts.GetValueOrDefault(letter)}", text, StringComparison.Ordinal);
        }
    }

    private static void AssertStats(TwinMessage stats, long points, int games, int wins, int answers)
    {
        var fields = stats.Embeds.Single().GetProperty("fields").EnumerateArray()
            .ToDictionary(field => field.GetProperty("name").GetString()!,
                field => field.GetProperty("value").GetString()!);
        Assert.Equal(points.ToString(System.Globalization.CultureInfo.InvariantCulture), fields["Points"]);
        Assert.Equal(games.ToString(System.Globalization.CultureInfo.InvariantCulture), fields["Games"]);
        Assert.Equal(wins.ToString(System.Globalization.CultureInfo.InvariantCulture), fields["Wins"]);
        Assert.Equal(answers.ToString(System.Globalization.CultureInfo.InvariantCulture), fields["Answers"]);
    }

    /// <summary>Every acknowledged click is in the table once, under its own interaction, and nothing else
    /// is.</summary>
    private static void AssertStoredOnce(IReadOnlyList<StoredAnswer> answers,
        Dictionary<string, (TwinUser Player, char Letter)> acknowledged)
    {
        Assert.Equal(acknowledged.Keys.Order(), answers.Select(answer => answer.InteractionId).Order());
        Assert.All(answers, answer =>
        {
            Assert.Equal(acknowledged[answer.InteractionId].Player.Id, answer.UserId);
            Assert.Equal(acknowledged[answer.InteractionId].Letter, answer.Letter);
        });
    }

    /// <summary>Each player's totals are their answers counted once: one game, one answer, the same points, one win for
    /// the leader.</summary>
    private static void AssertTotalsMatch(IReadOnlyList<StoredAnswer> answers,
        IReadOnlyDictionary<string, StoredTotals> totals, string winnerId)
    {
        Assert.Equal(answers.Select(a => a.UserId).Order(), totals.Keys.Order());
        foreach (var answer in answers)
        {
            var expected = new StoredTotals(answer.Points, Games: 1, Wins: answer.UserId == winnerId ? 1 : 0,
                Answers: 1, Correct: answer.IsCorrect ? 1 : 0);
            Assert.Equal(expected, totals[answer.UserId]);
        }
    }

    /// <summary>A night without faults logs no warning or error (a failed post or edit would, and the players would see
    /// a stale message).</summary>
    private static void AssertNothingWentWrong(string log)
    {
        var problems = log.Split('\n')
            .Where(line =>
                line.Contains(" warn: ", StringComparison.Ordinal) || line.Contains(" fail: ", StringComparison.Ordinal)
                    || line.Contains(" crit: ", StringComparison.Ordinal))
            .ToList();
        Assert.True(problems.Count == 0, "The bot logged problems:\n" + string.Join('\n', problems));
    }

    private async Task AssertEveryRequestWasValidAsync(long since, BotProcess bot)
    {
        var violations = await twin.Control.GetViolationsAsync(since);
        Assert.True(violations.Count == 0,
            "The bot sent invalid requests:\n" + string.Join('\n', violations) + "\nBot output:\n" + bot.Log);
        var gaps = await twin.Control.GetTwinGapsAsync(since);
        Assert.True(gaps.Count == 0,
            "The bot used operations the twin does not implement: "
                + string.Join(", ", gaps.Select(g => $"{g.Method} {g.Path}")));
    }
}
