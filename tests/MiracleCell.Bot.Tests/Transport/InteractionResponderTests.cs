using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using MiracleCell.Bot.Interactions;
using MiracleCell.Bot.Transport;
using MiracleCell.Discord.Models;
using MiracleCell.Discord.Rest;
using MiracleCell.Testing;

namespace MiracleCell.Bot.Tests.Transport;

public sealed class InteractionResponderTests
{
    // Snowflakes count from 2015, so the clock starts after that.
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 20, 0, 0, TimeSpan.Zero));
    private readonly Mock<IDiscordRestClient> _rest = new();
    private readonly ListLogger _log = new();

    private InteractionResponder Responder(params IApplicationCommand[] commands) =>
        new(new InteractionRouter(commands, [], NullLogger<InteractionRouter>.Instance), _rest.Object, _time,
            new InteractionTimings(), _log.For<InteractionResponder>());

    private List<InteractionResponse> Callbacks() =>
        [.. _rest.Invocations.Where(i => i.Method.Name == nameof(IDiscordRestClient.CreateInteractionResponseAsync))
            .Select(i => (InteractionResponse)i.Arguments[2])];

    private List<MessagePayload> Calls(string method) =>
        [.. _rest.Invocations.Where(i => i.Method.Name == method).Select(i => (MessagePayload)i.Arguments[2])];

    private int CallCount(string method) => _rest.Invocations.Count(i => i.Method.Name == method);

    [Fact]
    public async Task An_immediate_command_gets_exactly_one_callback_carrying_its_reply()
    {
        var responder = Responder(
            new FakeCommand("film", AcknowledgementMode.Immediate,
                _ => ValueTask.FromResult(FakeCommand.Text("Miracle in Cell No. 7"))));

        await responder.OnInteractionCreateAsync(FakeInteractions.Command("film", _time.GetUtcNow()),
            CancellationToken.None);

        var callback = Assert.Single(Callbacks());
        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, callback.Type);
        Assert.Equal("Miracle in Cell No. 7", callback.Data!.Content);
        Assert.Single(_rest.Invocations);
    }

    [Fact]
    public async Task A_deferred_command_is_acknowledged_with_type_5_then_its_reply_edits_the_original()
    {
        var responder = Responder(
            new FakeCommand("stats", AcknowledgementMode.Deferred,
                _ => ValueTask.FromResult(FakeCommand.Text("12 points"))));

        await responder.OnInteractionCreateAsync(FakeInteractions.Command("stats", _time.GetUtcNow()),
            CancellationToken.None);

        var callback = Assert.Single(Callbacks());
        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, callback.Type);
        Assert.Null(callback.Data);
        var edit = Assert.Single(Calls(nameof(IDiscordRestClient.EditOriginalResponseAsync)));
        Assert.Equal("12 points", edit.Content);
        Assert.Null(edit.Flags);
    }

    [Fact]
    public async Task A_deferred_ephemeral_command_defers_with_flag_64_and_edits_the_original()
    {
        var responder = Responder(
            new FakeCommand("reset", AcknowledgementMode.Deferred,
                _ => ValueTask.FromResult(FakeCommand.Failure("You need Manage Server.")), ephemeral: true));

        await responder.OnInteractionCreateAsync(FakeInteractions.Command("reset", _time.GetUtcNow()),
            CancellationToken.None);

        var callback = Assert.Single(Callbacks());
        Assert.Equal(MessageFlags.Ephemeral, callback.Data!.Flags);
        var edit = Assert.Single(Calls(nameof(IDiscordRestClient.EditOriginalResponseAsync)));
        Assert.Contains("You need Manage Server.", edit.Content, StringComparison.Ordinal);
        Assert.Equal(0, CallCount(nameof(IDiscordRestClient.CreateFollowupMessageAsync)));
    }

    [Fact]
    public async Task A_public_deferred_command_that_fails_replaces_the_public_placeholder_with_an_ephemeral_error()
    {
        var responder = Responder(
            new FakeCommand("leaderboard", AcknowledgementMode.Deferred,
                _ => ValueTask.FromResult(FakeCommand.Failure("No scores yet: start a game with /trivia start."))));

        await responder.OnInteractionCreateAsync(FakeInteractions.Command("leaderboard", _time.GetUtcNow()),
            CancellationToken.None);

        var callback = Assert.Single(Callbacks());
        Assert.Null(callback.Data);
        Assert.Equal(0, CallCount(nameof(IDiscordRestClient.EditOriginalResponseAsync)));
        Assert.Equal(1, CallCount(nameof(IDiscordRestClient.DeleteOriginalResponseAsync)));
        var followUp = Assert.Single(Calls(nameof(IDiscordRestClient.CreateFollowupMessageAsync)));
        Assert.Equal(MessageFlags.Ephemeral, followUp.Flags);
        Assert.Contains("No scores yet", followUp.Content, StringComparison.Ordinal);
        var order = _rest.Invocations.Select(i => i.Method.Name).ToList();
        Assert.True(
            order.IndexOf(nameof(IDiscordRestClient.DeleteOriginalResponseAsync)) < order.IndexOf(
                nameof(IDiscordRestClient.CreateFollowupMessageAsync)),
            "The placeholder must go before the follow-up, or the follow-up would replace it publicly.");
    }

    [Fact]
    public async Task A_handler_that_throws_becomes_an_ephemeral_message_saying_something_went_wrong()
    {
        var responder = Responder(
            new FakeCommand("film", AcknowledgementMode.Immediate, _ => throw new InvalidDataException("broken pack")));

        await responder.OnInteractionCreateAsync(FakeInteractions.Command("film", _time.GetUtcNow()),
            CancellationToken.None);

        var callback = Assert.Single(Callbacks());
        Assert.Equal(MessageFlags.Ephemeral, callback.Data!.Flags);
        Assert.DoesNotContain("broken pack", callback.Data.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_edit_after_a_public_defer_is_reported_to_the_user_ephemerally()
    {
        _rest.Setup(r =>
            r.EditOriginalResponseAsync(It.IsAny<Snowflake>(), It.IsAny<string>(), It.IsAny<MessagePayload>(),
                It.IsAny<CancellationToken>()))
            .ThrowsAsync(
                new DiscordApiException(HttpStatusCode.BadRequest, 50035, "Invalid Form Body", [], "PATCH",
                    "/webhooks/{application}/{token}/messages/@original"));
        var responder = Responder(
            new FakeCommand("stats", AcknowledgementMode.Deferred,
                _ => ValueTask.FromResult(FakeCommand.Text("12 points"))));

        await responder.OnInteractionCreateAsync(FakeInteractions.Command("stats", _time.GetUtcNow()),
            CancellationToken.None);

        Assert.Single(Callbacks());
        var followUp = Assert.Single(Calls(nameof(IDiscordRestClient.CreateFollowupMessageAsync)));
        Assert.Equal(MessageFlags.Ephemeral, followUp.Flags);
        Assert.Contains(_log.Entries,
            e => e.Level == LogLevel.Error && e.Message.Contains("50035", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failure_outside_the_router_tells_the_user_the_error_id_that_is_logged()
    {
        _rest.Setup(r => r.EditOriginalResponseAsync(It.IsAny<Snowflake>(), It.IsAny<string>(),
                It.IsAny<MessagePayload>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("connection reset"));
        var responder = Responder(new FakeCommand("stats", AcknowledgementMode.Deferred,
            _ => ValueTask.FromResult(FakeCommand.Text("12 points"))));

        await responder.OnInteractionCreateAsync(FakeInteractions.Command("stats", _time.GetUtcNow()),
            CancellationToken.None);

        var followUp = Assert.Single(Calls(nameof(IDiscordRestClient.CreateFollowupMessageAsync)));
        var id = System.Text.RegularExpressions.Regex.Match(followUp.Content ?? "", "`([0-9a-f]{8})`").Groups[1].Value;
        Assert.Equal(8, id.Length);
        var logged = Assert.Single(_log.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains($"failed with error {id}", logged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_interaction_older_than_the_window_is_dropped_and_logged_without_any_request()
    {
        var responder = Responder(
            new FakeCommand("film", AcknowledgementMode.Immediate,
                _ => ValueTask.FromResult(FakeCommand.Text("film"))));
        var created = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromSeconds(3.2));

        await responder.OnInteractionCreateAsync(FakeInteractions.Command("film", created), CancellationToken.None);

        Assert.Empty(_rest.Invocations);
        Assert.Contains(_log.Entries,
            e => e.Level == LogLevel.Warning && e.Message.Contains("Dropped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_interaction_stamped_slightly_in_the_future_is_answered()
    {
        var responder = Responder(
            new FakeCommand("film", AcknowledgementMode.Immediate,
                _ => ValueTask.FromResult(FakeCommand.Text("film"))));

        await responder.OnInteractionCreateAsync(FakeInteractions.Command("film", _time.GetUtcNow().AddSeconds(2)),
            CancellationToken.None);

        Assert.Single(Callbacks());
    }

    [Fact]
    public async Task A_second_delivery_of_the_same_interaction_sends_no_second_callback()
    {
        var responder = Responder(
            new FakeCommand("film", AcknowledgementMode.Immediate,
                _ => ValueTask.FromResult(FakeCommand.Text("film"))));
        var interaction = FakeInteractions.Command("film", _time.GetUtcNow());

        await responder.OnInteractionCreateAsync(interaction, CancellationToken.None);
        await responder.OnInteractionCreateAsync(interaction, CancellationToken.None);

        Assert.Single(Callbacks());
    }

    [Fact]
    public async Task A_delete_action_refused_with_403_keeps_the_reply_and_tells_the_invoker_privately_what_is_missing()
    {
        _rest.Setup(r =>
            r.DeleteMessageAsync(It.IsAny<Snowflake>(), It.IsAny<Snowflake>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(
                new DiscordApiException(HttpStatusCode.Forbidden, 50013, "Missing Permissions", [], "DELETE",
                    "/channels/{channel}/messages/{message}"));
        var responder = Responder(new FakeCommand("hide", AcknowledgementMode.Immediate,
            _ =>
                ValueTask.FromResult(
                    FakeCommand.Text("||hidden||", new DeleteTargetMessage(new Snowflake(7), new Snowflake(99))))));

        await responder.OnInteractionCreateAsync(FakeInteractions.Command("hide", _time.GetUtcNow()),
            CancellationToken.None);

        Assert.Single(Callbacks());
        var delete = Assert.Single(_rest.Invocations,
            i => i.Method.Name == nameof(IDiscordRestClient.DeleteMessageAsync));
        Assert.Equal(new Snowflake(99), delete.Arguments[1]);
        var note = (MessagePayload)Assert.Single(_rest.Invocations,
            i => i.Method.Name == nameof(IDiscordRestClient.CreateFollowupMessageAsync))
            .Arguments[2];
        Assert.Equal(MessageFlags.Ephemeral, note.Flags);
        Assert.Contains("Manage Messages", note.Content, StringComparison.Ordinal);
        Assert.DoesNotContain(_log.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task An_immediate_handler_running_at_the_safety_net_is_deferred_then_its_reply_edits_the_original()
    {
        var release = new TaskCompletionSource<CommandResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var responder = Responder(
            new FakeCommand("film", AcknowledgementMode.Immediate, _ => new ValueTask<CommandResult>(release.Task)));

        var handling = responder.OnInteractionCreateAsync(FakeInteractions.Command("film", _time.GetUtcNow()),
            CancellationToken.None);
        await WaitUntil(() => _time.PendingTimers > 0);
        _time.Advance(TimeSpan.FromSeconds(2.5));
        await WaitUntil(() => Callbacks().Count > 0);
        release.SetResult(FakeCommand.Text("late but here"));
        await handling;

        var callback = Assert.Single(Callbacks());
        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, callback.Type);
        Assert.Equal("late but here",
            Assert.Single(Calls(nameof(IDiscordRestClient.EditOriginalResponseAsync))).Content);
    }

    [Fact]
    public async Task A_command_arriving_while_the_bot_starts_is_deferred_at_the_safety_net_and_answered_once_ready()
    {
        var router = new TaskCompletionSource<InteractionRouter>(TaskCreationOptions.RunContinuationsAsynchronously);
        var responder = new InteractionResponder(
            router.Task, _rest.Object, _time, new InteractionTimings(), _log.For<InteractionResponder>());

        var handling = responder.OnInteractionCreateAsync(
            FakeInteractions.Command("film", _time.GetUtcNow()), CancellationToken.None);
        await WaitUntil(() => _time.PendingTimers > 0);
        Assert.Empty(_rest.Invocations);
        _time.Advance(TimeSpan.FromSeconds(2.5));
        await WaitUntil(() => Callbacks().Count > 0);
        router.SetResult(FilmRouter());
        await handling;

        var callback = Assert.Single(Callbacks());
        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, callback.Type);
        var edit = Assert.Single(Calls(nameof(IDiscordRestClient.EditOriginalResponseAsync)));
        Assert.Equal("Miracle in Cell No. 7", edit.Content);
    }

    private static InteractionRouter FilmRouter() => new(
        [new FakeCommand("film", AcknowledgementMode.Immediate,
            _ => ValueTask.FromResult(FakeCommand.Text("Miracle in Cell No. 7")))],
        [], NullLogger<InteractionRouter>.Instance);

    [Fact]
    public async Task A_command_arriving_while_the_bot_starts_gets_one_callback_if_start_up_ends_before_the_safety_net()
    {
        var router = new TaskCompletionSource<InteractionRouter>(TaskCreationOptions.RunContinuationsAsynchronously);
        var responder = new InteractionResponder(
            router.Task, _rest.Object, _time, new InteractionTimings(), _log.For<InteractionResponder>());

        var handling = responder.OnInteractionCreateAsync(
            FakeInteractions.Command("film", _time.GetUtcNow()), CancellationToken.None);
        await WaitUntil(() => _time.PendingTimers > 0);
        _time.Advance(TimeSpan.FromSeconds(2.4));
        router.SetResult(FilmRouter());
        await handling;

        var callback = Assert.Single(Callbacks());
        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, callback.Type);
        Assert.Equal("Miracle in Cell No. 7", callback.Data!.Content);
        Assert.Single(_rest.Invocations);
    }

    [Fact]
    public async Task A_second_callback_attempt_is_logged_as_a_bug_and_never_sent()
    {
        var exchange = new InteractionExchange(FakeInteractions.Command("film", _time.GetUtcNow()), _rest.Object,
            _log.For<InteractionResponder>());
        var reply = new InteractionResponse { Type = InteractionCallbackType.ChannelMessageWithSource,
            Data = new InteractionCallbackData { Content = "one" } };

        Assert.True(await exchange.RespondAsync(reply, CancellationToken.None));
        Assert.False(await exchange.RespondAsync(reply, CancellationToken.None));
        Assert.False(await exchange.DeferAsync(ephemeral: false, CancellationToken.None));

        Assert.Single(Callbacks());
        Assert.Equal(2,
            _log.Entries.Count(e =>
                e.Level == LogLevel.Error && e.Message.StartsWith("Bug: a second callback", StringComparison.Ordinal)));
    }

    /// <summary>Waits for work running on other threads to reach a point; bounded so a broken test fails instead of
    /// hanging.</summary>
    private static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Yield();
            timeout.Token.ThrowIfCancellationRequested();
        }
    }
}
