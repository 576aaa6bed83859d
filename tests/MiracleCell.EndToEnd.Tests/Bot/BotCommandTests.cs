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
    private const string NeedsGatewayClient = "needs the gateway client";

    private static readonly string[] SlashCommands = ["film", "recap", "character", "cast", "trivia", "spoiler", "help"];
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

    private async Task<string> RunAsync(string command, params CommandOptionInput[] options)
    {
        var sent = await twin.Control.SendSlashCommandAsync(_user.Id, _channel.Id, command, options);
        var response = await twin.Control.WaitForInteractionResponseAsync(sent.Id, ReplyWait);
        Assert.True(response.Type is 4 or 5, $"/{command} answered with callback type {response.Type}; expected 4 (reply) or 5 (deferred).");
        var messages = await twin.Control.GetMessagesAsync(_channel.Id, minCount: 1, wait: ReplyWait);
        var reply = messages.Last(message => message.Author.Bot);
        return reply.VisibleText();
    }

    private async Task AssertEveryRequestWasValidAsync()
    {
        var violations = await twin.Control.GetViolationsAsync(_firstRequest);
        Assert.True(violations.Count == 0, "The bot sent invalid requests:\n" + string.Join('\n', violations) + "\nBot output:\n" + _bot?.Log);
        var gaps = await twin.Control.GetTwinGapsAsync(_firstRequest);
        Assert.True(gaps.Count == 0, "The bot used operations the twin does not implement: " + string.Join(", ", gaps.Select(g => g.OperationId)));
    }

    [E2EFact(Skip = NeedsGatewayClient)]
    public async Task Film_shows_the_title_year_and_director()
    {
        var text = await RunAsync("film");

        Assert.Contains("Miracle in Cell No. 7", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("2013", text, StringComparison.Ordinal);
        Assert.Contains("Lee Hwan-kyung", text, StringComparison.Ordinal);
        await AssertEveryRequestWasValidAsync();
    }

    [E2EFact(Skip = NeedsGatewayClient)]
    public async Task Recap_of_the_ending_is_behind_spoiler_tags()
    {
        var text = await RunAsync("recap", CommandOptionInput.Text("part", "ending"));

        Assert.Matches(@"\|\|[^|]+\|\|", text);
        await AssertEveryRequestWasValidAsync();
    }

    [E2EFact(Skip = NeedsGatewayClient)]
    public async Task Character_resolves_a_spelling_variant_and_names_the_actor()
    {
        var text = await RunAsync("character", CommandOptionInput.Text("name", "yong goo"));

        Assert.Contains("Yong-gu", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Ryu Seung-ryong", text, StringComparison.Ordinal);
        await AssertEveryRequestWasValidAsync();
    }

    [E2EFact(Skip = NeedsGatewayClient)]
    public async Task Character_autocomplete_offers_the_canonical_name()
    {
        var sent = await twin.Control.SendAutocompleteAsync(_user.Id, _channel.Id, "character", [CommandOptionInput.Text("name", "yong", focused: true)]);

        var response = await twin.Control.WaitForInteractionResponseAsync(sent.Id, ReplyWait);

        Assert.Equal(8, response.Type);
        var choices = response.Data!.Value.GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains(choices, name => name!.Contains("Yong-gu", StringComparison.OrdinalIgnoreCase));
        await AssertEveryRequestWasValidAsync();
    }

    [E2EFact(Skip = NeedsGatewayClient)]
    public async Task Cast_lists_the_lead_actors()
    {
        var text = await RunAsync("cast");

        Assert.Contains("Ryu Seung-ryong", text, StringComparison.Ordinal);
        Assert.Contains("Kal So-won", text, StringComparison.Ordinal);
        await AssertEveryRequestWasValidAsync();
    }

    [E2EFact(Skip = NeedsGatewayClient)]
    public async Task Help_names_the_commands()
    {
        var text = await RunAsync("help");

        foreach (var command in new[] { "/film", "/recap", "/character", "/cast", "/trivia", "/spoiler" })
        {
            Assert.Contains(command, text, StringComparison.Ordinal);
        }

        await AssertEveryRequestWasValidAsync();
    }

    [E2EFact(Skip = NeedsGatewayClient)]
    public async Task Spoiler_reposts_the_text_hidden_and_mentions_nobody()
    {
        var text = await RunAsync("spoiler", CommandOptionInput.Text("text", "Ye-sung becomes a lawyer @everyone"));

        Assert.Contains("||Ye-sung becomes a lawyer @everyone||", text, StringComparison.Ordinal);
        var replies = (await twin.Control.GetRequestsAsync(_firstRequest))
            .Where(request => request.Body is { ValueKind: JsonValueKind.Object } body && MessageData(body).TryGetProperty("content", out _))
            .ToList();
        Assert.NotEmpty(replies);
        Assert.All(replies, request => Assert.Equal(0, MessageData(request.Body!.Value).GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength()));
        await AssertEveryRequestWasValidAsync();
    }

    /// <summary>A callback carries the message under "data"; webhook and channel messages carry it at the top.</summary>
    private static JsonElement MessageData(JsonElement body) =>
        body.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object ? data : body;
}
