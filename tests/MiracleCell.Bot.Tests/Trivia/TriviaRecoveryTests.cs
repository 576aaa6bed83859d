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

        var notice = Assert.Single(after.Messenger.In(Channel));
        Assert.Contains("interrupted by a restart; points so far were kept", RecordingMessenger.Text(notice.Payload));
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
        Assert.Contains("interrupted by a restart", RecordingMessenger.Text(Assert.Single(after.Messenger.In(Channel)).Payload));
    }
}
