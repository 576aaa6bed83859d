using MiracleCell.Bot.Transport;
using MiracleCell.EndToEnd.Tests.Infrastructure;
using static MiracleCell.EndToEnd.Tests.Bot.TriviaTable;

namespace MiracleCell.EndToEnd.Tests.Bot;

/// <summary>
/// The other end-to-end tests run the deployment build (Native AOT); this one runs the build output under
/// <c>dotnet</c>, the JIT build that <c>dotnet run</c> starts while working on the bot: commands, autocomplete,
/// buttons, the score database and the command registration record all work there too, with only valid requests
/// and a clean log.
/// </summary>
[Collection(DigitalTwinCollection.Name)]
public sealed class BuildOutputTests(DigitalTwinFixture twin)
{
    [E2EFact]
    public async Task The_build_output_answers_every_kind_of_interaction_and_keeps_scores()
    {
        var firstRequest = await twin.Control.GetLastRequestIdAsync();
        var alice = (await twin.Control.GetStateAsync()).People.First(user => user.Username == "alice");
        var table = new TriviaTable(twin.Control, await twin.Control.CreateChannelAsync("build-output"));
        await using var bot = await BotProcess.StartAsync(twin, BotCommandTests.SlashCommands, buildOutput: true);

        Assert.Contains("Lee Hwan-kyung", await TextAsync(table, alice, "film"), StringComparison.Ordinal);
        Assert.Contains("Ryu Seung-ryong",
            await TextAsync(table, alice, "character", CommandOptionInput.Text("name", "yong goo")),
            StringComparison.Ordinal);
        Assert.Matches(@"\|\|[^|]+\|\|",
            await TextAsync(table, alice, "recap", CommandOptionInput.Text("part", "ending")));
        var autocomplete = await twin.Control.SendAutocompleteAsync(alice.Id, table.Channel.Id, "character",
            [CommandOptionInput.Text("name", "ye", focused: true)]);
        Assert.Equal(8, (await twin.Control.WaitForInteractionResponseAsync(autocomplete.Id, Wait)).Type);

        var started = await table.ReplyAsync(
            await table.CommandAsync(alice, "start", Number("questions", 1), Number("seconds", 10)));
        Assert.Contains("has started", started.Message.VisibleText(), StringComparison.Ordinal);
        var question = await table.WaitForQuestionAsync(0);
        var database = new TriviaDatabase(bot.DataFolder);
        await database.WaitUntilOpenedAsync(question.GameId, 0, Wait);
        var right = await database.CorrectLetterAsync(question.GameId, 0);
        var (locked, _) = CallbackMessage(await table.ClickAsync(alice, question, right));
        Assert.Contains($"Locked in: **{right}**", locked, StringComparison.Ordinal);
        await table.WaitForMessageContainingAsync("Trivia night over");

        var answer = Assert.Single(await database.AnswersAsync(question.GameId));
        Assert.True(answer.IsCorrect && answer.Points >= 100, $"Stored answer: {answer}");
        var board = (await table.ReplyAsync(await table.CommandAsync(alice, "leaderboard"))).Message.VisibleText();
        Assert.Contains($"<@{alice.Id}>: {answer.Points} pts", board, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(bot.DataFolder, CommandRegistrar.RecordFileName)), "The registration "
            + "record was not written.");
        Assert.True(File.Exists(database.Path), "The published bot wrote no LiteDB score file.");
        Assert.Empty(Directory.GetFiles(bot.DataFolder, "*.db*"));

        var violations = await twin.Control.GetViolationsAsync(firstRequest);
        Assert.True(violations.Count == 0,
            "The bot sent invalid requests:\n" + string.Join('\n', violations) + "\nBot output:\n" + bot.Log);
        var problems = bot.Log.Split('\n')
            .Where(line =>
                line.Contains(" warn: ", StringComparison.Ordinal)
                    || line.Contains(" fail: ", StringComparison.Ordinal))
            .ToList();
        Assert.True(problems.Count == 0, "The bot logged problems:\n" + string.Join('\n', problems));
    }

    private async Task<string> TextAsync(TriviaTable table, TwinUser user, string command,
        params CommandOptionInput[] options)
    {
        var sent = await twin.Control.SendSlashCommandAsync(user.Id, table.Channel.Id, command, options);
        var (message, callback) = await table.ReplyAsync(sent);
        Assert.True(callback.Type is 4 or 5, $"/{command} answered with callback type {callback.Type}.");
        return message.VisibleText();
    }
}
