using MiracleCell.Bot.Rendering;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;
using MiracleCell.Testing;
using static MiracleCell.Bot.Tests.Trivia.TriviaHarness;

namespace MiracleCell.Bot.Tests.Trivia;

public sealed class TriviaRecoveryTests
{
    [Fact]
    public async Task A_night_cut_short_by_a_restart_is_closed_with_its_points_and_its_channel_is_told()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2024, 5, 10, 20, 0, 0, TimeSpan.Zero));
        var before = new TriviaHarness(time: time);
        var game = await before.StartAsync("questions:5");
        await before.Answer(game, before.Right(game), Bob);
        var staleButton = new Bot.Trivia.AnswerButtonId(game, 0, before.Right(game)).ToString();
        await before.CrashAsync();

        await using var after = new TriviaHarness(before.Folder, time: time);
        await after.Coordinator.StartAsync(CancellationToken.None);

        var notice = Assert.Single(after.Messenger.In(Channel), m => !m.IsEdit);
        Assert.Equal(Strings.TriviaInterrupted.En, notice.Payload.Content);
        var bob = await after.Store.GetStatsAsync(Guild, Bob);
        Assert.Equal((1, 1), (bob!.Games, bob.Answers));
        Assert.Contains("does not belong to a running trivia night", Content(await after.Click(staleButton, Carol)));
        Assert.Equal(1, (await after.Store.GetStatsAsync(Guild, Bob))!.Answers);

        // The channel is free again.
        await after.StartAsync();
    }

    [Fact]
    public async Task A_start_cancelled_because_the_bot_is_stopping_does_not_throw_and_leaves_recovery_for_later()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2024, 5, 10, 20, 0, 0, TimeSpan.Zero));
        var before = new TriviaHarness(time: time);
        var game = await before.StartAsync("questions:5");
        await before.Answer(game, before.Right(game), Bob);
        await before.CrashAsync();

        await using var after = new TriviaHarness(before.Folder, time: time);
        using var stopping = new CancellationTokenSource();
        await stopping.CancelAsync();
        await after.Coordinator.StartAsync(stopping.Token);

        Assert.Empty(after.Messenger.In(Channel));
        await after.Coordinator.StartAsync(CancellationToken.None);
        Assert.Contains("interrupted by a restart", RecordingMessenger.Text(Assert.Single(after.Messenger.In(Channel), m => !m.IsEdit).Payload));
    }

    [Fact]
    public async Task The_question_left_open_by_a_restart_gets_its_buttons_disabled_without_revealing_the_answer()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2024, 5, 10, 20, 0, 0, TimeSpan.Zero));
        var before = new TriviaHarness(time: time);
        var game = await before.StartAsync("questions:5");
        await before.Answer(game, before.Right(game), Bob);
        var question = Assert.Single(before.Messenger.In(Channel), m => !m.IsEdit && Buttons(m.Payload).Count == 4);
        await before.CrashAsync();

        await using var after = new TriviaHarness(before.Folder, time: time);
        await after.Coordinator.StartAsync(CancellationToken.None);

        var closed = Assert.Single(after.Messenger.In(Channel), m => m.IsEdit);
        Assert.Equal(question.MessageId, closed.MessageId);
        Assert.All(Buttons(closed.Payload), button => Assert.True(button.Disabled));
        Assert.Equal(Buttons(question.Payload).Select(b => b.Label), Buttons(closed.Payload).Select(b => b.Label));
        Assert.All(Buttons(closed.Payload), button => Assert.NotEqual(ButtonStyle.Success, button.Style));
        var footer = closed.Payload.Embeds!.Single().Footer!.Text;
        Assert.Contains(Strings.QuestionInterrupted.En, footer, StringComparison.Ordinal);
        Assert.Contains(Strings.AnsweredSoFar(1).En, footer, StringComparison.Ordinal);
        AssertWithinLimits(closed.Payload);
    }

    [Fact]
    public async Task An_Indonesian_night_is_closed_and_announced_in_Indonesian()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2024, 5, 10, 20, 0, 0, TimeSpan.Zero));
        var before = new TriviaHarness(time: time);
        await before.StartAsync("questions:5", locale: Locale.Indonesian);
        await before.CrashAsync();

        await using var after = new TriviaHarness(before.Folder, time: time);
        await after.Coordinator.StartAsync(CancellationToken.None);

        var closed = Assert.Single(after.Messenger.In(Channel), m => m.IsEdit);
        Assert.Contains(Strings.QuestionInterrupted.Id, closed.Payload.Embeds!.Single().Footer!.Text, StringComparison.Ordinal);
        Assert.Equal(Strings.TriviaInterrupted.Id, Assert.Single(after.Messenger.In(Channel), m => !m.IsEdit).Payload.Content);
    }

    [Fact]
    public async Task A_question_message_that_cannot_be_edited_does_not_stop_the_notice_or_the_start()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2024, 5, 10, 20, 0, 0, TimeSpan.Zero));
        var before = new TriviaHarness(time: time);
        await before.StartAsync("questions:5");
        await before.CrashAsync();

        await using var after = new TriviaHarness(before.Folder, time: time);
        after.Messenger.FailingEdits = true;
        await after.Coordinator.StartAsync(CancellationToken.None);

        Assert.Equal(Strings.TriviaInterrupted.En, Assert.Single(after.Messenger.In(Channel)).Payload.Content);
        await after.StartAsync();
    }

    private static IReadOnlyList<Component> Buttons(MessagePayload message) =>
        [.. (message.Components ?? []).SelectMany(row => row.Components ?? []).Where(c => c.Type == ComponentType.Button && c.CustomId?.StartsWith("trivia", StringComparison.Ordinal) == true)];
}
