using System.Text.Json;
using MiracleCell.EndToEnd.Tests.Infrastructure;

namespace MiracleCell.EndToEnd.Tests.Bot;

/// <summary>
/// The real bot against the twin: each test starts the bot, runs one command as a guild member, reads what a
/// user would see, and requires that every request the bot sent is valid for Discord.
/// </summary>
[Collection(DigitalTwinCollection.Name)]
public sealed class BotCommandTests(DigitalTwinFixture twin) : IAsyncLifetime
{
    internal static readonly string[] SlashCommands = ["film", "recap", "character", "cast", "trivia", "spoiler",
        "help", "Hide spoilers"];
    private static readonly TimeSpan ReplyWait = TimeSpan.FromSeconds(15);

    private BotProcess? _bot;
    private long _firstRequest;
    private TwinUser _user = null!;
    private TwinChannel _channel = null!;

    public async Task InitializeAsync()
    {
        // Skipped tests never reach here: xunit builds the class only for tests that run.
        _firstRequest = await twin.Control.GetLastRequestIdAsync();
        var state = await twin.Control.GetStateAsync();
        _user = state.People.First(user => user.Username == "alice");
        _channel = await twin.Control.CreateChannelAsync("movie-night");
        _bot = await BotProcess.StartAsync(twin, SlashCommands);
    }

    public async Task DisposeAsync()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }
    }

    private async Task<string> RunAsync(string command, params CommandOptionInput[] options) =>
        (await ReplyToAsync(command, options)).VisibleText();

    private async Task<TwinMessage> ReplyToAsync(string command, params CommandOptionInput[] options)
    {
        var sent = await twin.Control.SendSlashCommandAsync(_user.Id, _channel.Id, command, options);
        return await ReplyAsync(sent, "/" + command);
    }

    private async Task<TwinMessage> ReplyAsync(InteractionHandle sent, string what)
    {
        var response = await twin.Control.WaitForInteractionResponseAsync(sent.Id, ReplyWait);
        Assert.True(response.Type is 4 or 5, $"{what} answered with callback type {response.Type}; expected 4 "
            + "(reply) or 5 (deferred).");
        var messages = await twin.Control.GetMessagesAsync(_channel.Id, minCount: 1, wait: ReplyWait);
        return messages.Last(message => message.Author.Bot);
    }

    private async Task AssertEveryRequestWasValidAsync()
    {
        var violations = await twin.Control.GetViolationsAsync(_firstRequest);
        Assert.True(violations.Count == 0,
            "The bot sent invalid requests:\n" + string.Join('\n', violations) + "\nBot output:\n" + _bot?.Log);
        var gaps = await twin.Control.GetTwinGapsAsync(_firstRequest);
        Assert.True(gaps.Count == 0,
            "The bot used operations the twin does not implement: "
                + string.Join(", ", gaps.Select(g => g.OperationId)));
    }

    [E2EFact]
    public async Task Film_shows_the_title_year_and_director()
    {
        var text = await RunAsync("film");

        Assert.Contains("Miracle in Cell No. 7", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("2013", text, StringComparison.Ordinal);
        Assert.Contains("Lee Hwan-kyung", text, StringComparison.Ordinal);
        await AssertEveryRequestWasValidAsync();
    }

    [E2EFact]
    public async Task Recap_of_the_ending_is_behind_spoiler_tags()
    {
        var text = await RunAsync("recap", CommandOptionInput.Text("part", "ending"));

        Assert.Matches(@"\|\|[^|]+\|\|", text);
        await AssertEveryRequestWasValidAsync();
    }

    [E2EFact]
    public async Task Character_resolves_a_spelling_variant_and_names_the_actor()
    {
        var text = await RunAsync("character", CommandOptionInput.Text("name", "yong goo"));

        Assert.Contains("Yong-gu", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Ryu Seung-ryong", text, StringComparison.Ordinal);
        await AssertEveryRequestWasValidAsync();
    }

    [E2EFact]
    public async Task Character_autocomplete_offers_the_canonical_name()
    {
        var sent = await twin.Control.SendAutocompleteAsync(_user.Id, _channel.Id, "character",
            [CommandOptionInput.Text("name", "yong", focused: true)]);

        var response = await twin.Control.WaitForInteractionResponseAsync(sent.Id, ReplyWait);

        Assert.Equal(8, response.Type);
        var choices = response.Data!.Value.GetProperty("choices").EnumerateArray()
            .Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains(choices, name => name!.Contains("Yong-gu", StringComparison.OrdinalIgnoreCase));
        await AssertEveryRequestWasValidAsync();
    }

    [E2EFact]
    public async Task Cast_lists_the_lead_actors()
    {
        var text = await RunAsync("cast");

        Assert.Contains("Ryu Seung-ryong", text, StringComparison.Ordinal);
        Assert.Contains("Kal So-won", text, StringComparison.Ordinal);
        await AssertEveryRequestWasValidAsync();
    }

    [E2EFact]
    public async Task Help_names_the_commands()
    {
        var text = await RunAsync("help");

        foreach (var command in new[] { "/film", "/recap", "/character", "/cast", "/trivia", "/spoiler" })
        {
            Assert.Contains(command, text, StringComparison.Ordinal);
        }

        await AssertEveryRequestWasValidAsync();
    }

    [E2EFact]
    public async Task Spoiler_reposts_the_text_hidden_and_mentions_nobody()
    {
        var text = await RunAsync("spoiler", CommandOptionInput.Text("text", "Ye-sung becomes a lawyer @everyone"));

        // The mention may be escaped as well; allowed_mentions (checked below) is what stops the ping.
        Assert.Matches(@"\|\|Ye-sung becomes a lawyer \\?@everyone\|\|", text);
        var replies = (await twin.Control.GetRequestsAsync(_firstRequest))
            .Where(request =>
                request.Body is { ValueKind: JsonValueKind.Object } body
                    && MessageData(body).TryGetProperty("content", out _))
            .ToList();
        Assert.NotEmpty(replies);
        Assert.All(replies,
            request =>
                Assert.Equal(0,
                    MessageData(request.Body!.Value).GetProperty("allowed_mentions").GetProperty("parse")
                        .GetArrayLength()));
        await AssertEveryRequestWasValidAsync();
    }

    [E2EFact]
    public async Task Recap_without_a_part_tells_the_premise()
    {
        var text = await RunAsync("recap");

        Assert.Contains("Recap", text, StringComparison.Ordinal);
        Assert.Contains("Ye-seung", text, StringComparison.Ordinal);
        await AssertEveryRequestWasValidAsync();
    }

    [E2EFact]
    public async Task Cast_with_an_actor_names_the_role()
    {
        var text = await RunAsync("cast", CommandOptionInput.Text("actor", "Ryu Seung-ryong"));

        Assert.Contains("Lee Yong-gu", text, StringComparison.Ordinal);
        await AssertEveryRequestWasValidAsync();
    }

    [E2EFact]
    public async Task An_unknown_character_gets_an_ephemeral_reply_with_suggestions()
    {
        var reply = await ReplyToAsync("character", CommandOptionInput.Text("name", "yonggoo bear"));

        Assert.True(reply.IsEphemeral, "A user error must be visible only to the user who asked.");
        Assert.Contains("Did you mean", reply.Content, StringComparison.Ordinal);
        Assert.Contains("Lee Yong-gu", reply.Content, StringComparison.Ordinal);
        await AssertEveryRequestWasValidAsync();
    }

    [E2EFact]
    public async Task Hide_spoilers_reposts_a_message_behind_spoiler_tags_and_removes_the_original()
    {
        var original = await twin.Control.PostUserMessageAsync(_user.Id, _channel.Id, "The father is "
            + "executed in the end");

        var sent = await twin.Control.SendMessageCommandAsync(_user.Id, _channel.Id, "Hide spoilers", original.Id);
        var reply = await ReplyAsync(sent, "Hide spoilers");

        Assert.Contains("||The father is executed in the end||", reply.Content, StringComparison.Ordinal);
        var deleted = await WaitUntilAsync(async () =>
            (await twin.Control.GetMessagesAsync(_channel.Id)).All(message => message.Id != original.Id));
        Assert.True(deleted, "The author's own message should have been deleted after the re-post.");
        await AssertEveryRequestWasValidAsync();
    }

    /// <summary>Polls the twin (the bot deletes after it replies); false when the condition never held.</summary>
    private static async Task<bool> WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        return false;
    }

    /// <summary>A callback carries the message under "data"; webhook and channel messages carry it at the
    /// top.</summary>
    private static JsonElement MessageData(JsonElement body) =>
        body.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object ? data : body;
}
