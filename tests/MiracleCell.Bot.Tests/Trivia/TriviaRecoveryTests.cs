using MiracleCell.Bot.Rendering;
using MiracleCell.Bot.Trivia;
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
        var crashed = await CrashMidQuestionAsync(bobAnswers: true);

        await using var after = crashed.Restart();
        await after.Coordinator.StartAsync(CancellationToken.None);

        var notice = Assert.Single(after.Messenger.In(Channel), m => !m.IsEdit);
        Assert.Equal(Strings.TriviaInterrupted.En, notice.Payload.Content);
        var bob = await after.Store.GetStatsAsync(Guild, Bob);
        Assert.Equal((1, 1), (bob!.Games, bob.Answers));
        Assert.Contains("does not belong to a running trivia night",
            Content(await after.Click(crashed.RightButton, Carol)));
        Assert.Equal(1, (await after.Store.GetStatsAsync(Guild, Bob))!.Answers);

        // The channel is free again.
        await after.StartAsync();
    }

    [Fact]
    public async Task A_start_cancelled_because_the_bot_is_stopping_does_not_throw_and_leaves_recovery_for_later()
    {
        var crashed = await CrashMidQuestionAsync(bobAnswers: true);

        await using var after = crashed.Restart();
        using var stopping = new CancellationTokenSource();
        await stopping.CancelAsync();
        await after.Coordinator.StartAsync(stopping.Token);

        Assert.Empty(after.Messenger.In(Channel));
        await after.Coordinator.StartAsync(CancellationToken.None);
        Assert.Contains("interrupted by a restart",
            RecordingMessenger.Text(Assert.Single(after.Messenger.In(Channel), m => !m.IsEdit).Payload));
    }

    [Fact]
    public async Task The_question_left_open_by_a_restart_gets_its_buttons_disabled_without_revealing_the_answer()
    {
        var crashed = await CrashMidQuestionAsync(bobAnswers: true);

        await using var after = crashed.Restart();
        await after.Coordinator.StartAsync(CancellationToken.None);

        var closed = Assert.Single(after.Messenger.In(Channel), m => m.IsEdit);
        Assert.Equal(crashed.Question.MessageId, closed.MessageId);
        Assert.All(Buttons(closed.Payload), button => Assert.True(button.Disabled));
        Assert.Equal(Buttons(crashed.Question.Payload).Select(b => b.Label),
            Buttons(closed.Payload).Select(b => b.Label));
        Assert.All(Buttons(closed.Payload), button => Assert.NotEqual(ButtonStyle.Success, button.Style));
        var footer = closed.Payload.Embeds!.Single().Footer!.Text;
        Assert.Contains(Strings.QuestionInterrupted.En, footer, StringComparison.Ordinal);
        Assert.Contains(Strings.AnsweredSoFar(1).En, footer, StringComparison.Ordinal);
        AssertWithinLimits(closed.Payload);
    }

    [Fact]
    public async Task An_Indonesian_night_is_closed_and_announced_in_Indonesian()
    {
        var crashed = await CrashMidQuestionAsync(Locale.Indonesian);

        await using var after = crashed.Restart();
        await after.Coordinator.StartAsync(CancellationToken.None);

        var closed = Assert.Single(after.Messenger.In(Channel), m => m.IsEdit);
        Assert.Contains(Strings.QuestionInterrupted.Id, closed.Payload.Embeds!.Single().Footer!.Text,
            StringComparison.Ordinal);
        Assert.Equal(Strings.TriviaInterrupted.Id,
            Assert.Single(after.Messenger.In(Channel), m => !m.IsEdit).Payload.Content);
    }

    [Fact]
    public async Task A_question_message_that_cannot_be_edited_does_not_stop_the_notice_or_the_start()
    {
        var crashed = await CrashMidQuestionAsync();

        await using var after = crashed.Restart();
        after.Messenger.FailingEdits = true;
        await after.Coordinator.StartAsync(CancellationToken.None);

        Assert.Equal(Strings.TriviaInterrupted.En, Assert.Single(after.Messenger.In(Channel)).Payload.Content);
        await after.StartAsync();
    }

    [Fact]
    public async Task A_shard_closes_only_its_own_guilds_nights_and_leaves_the_other_shards_running()
    {
        var shardOneGuild = new Snowflake(1UL << 22); // (id >> 22) % 2 == 1
        var time = new ManualTimeProvider(new DateTimeOffset(2024, 5, 10, 20, 0, 0, TimeSpan.Zero));
        var before = new TriviaHarness(time: time);
        await before.StartAsync("questions:5");
        var otherShardsGame = await before.StartAsync("questions:5", guild: shardOneGuild);
        await before.CrashAsync();

        await using var shardZero = new TriviaHarness(before.Folder, time: time, shard: (0, 2));
        await shardZero.Coordinator.StartAsync(CancellationToken.None);

        Assert.Single(shardZero.Messenger.In(Channel), m => !m.IsEdit);
        Assert.Null(await shardZero.Store.FindRunningGameAsync(Guild, Channel));
        Assert.Equal(otherShardsGame, (await shardZero.Store.FindRunningGameAsync(shardOneGuild, Channel))!.GameId);
    }

    /// <summary>A process that died with question 1 of 5 open (and Bob's right answer recorded when asked).</summary>
    private static async Task<CrashedNight> CrashMidQuestionAsync(Locale locale = Locale.English,
        bool bobAnswers = false)
    {
        var before = new TriviaHarness(
            time: new ManualTimeProvider(new DateTimeOffset(2024, 5, 10, 20, 0, 0, TimeSpan.Zero)));
        var game = await before.StartAsync("questions:5", locale: locale);
        var right = before.Right(game);
        if (bobAnswers) await before.Answer(game, right, Bob);
        var question = Assert.Single(before.Messenger.In(Channel), m => !m.IsEdit && Buttons(m.Payload).Count == 4);
        await before.CrashAsync();
        return new CrashedNight(before, question, new AnswerButtonId(game, 0, right).ToString());
    }

    private sealed record CrashedNight(TriviaHarness Before, SentMessage Question, string RightButton)
    {
        /// <summary>A new process on the same database and clock.</summary>
        public TriviaHarness Restart() => new(Before.Folder, time: Before.Time);
    }

    private static IReadOnlyList<Component> Buttons(MessagePayload message) =>
        [.. (message.Components ?? []).SelectMany(row => row.Components ?? [])
            .Where(c =>
                c.Type == ComponentType.Button
                    && c.CustomId?.StartsWith(AnswerButtonId.Prefix, StringComparison.Ordinal) == true)];
}
