using MiracleCell.Bot.Interactions;
using MiracleCell.Storage;
using static MiracleCell.Bot.Tests.Trivia.TriviaHarness;

namespace MiracleCell.Bot.Tests.Trivia;

public sealed class TriviaControlTests
{
    [Fact]
    public async Task The_starter_can_stop_the_night_and_the_points_so_far_count()
    {
        await using var bot = new TriviaHarness();
        var game = await bot.StartAsync("questions:5");
        await bot.Answer(game, bot.Right(game), Bob);

        var stop = await bot.Run("/trivia stop", Alice);
        await bot.Coordinator.WhenIdleAsync();

        Assert.Equal(InteractionOutcome.Replied, stop.Outcome);
        Assert.True(IsEphemeral(stop));
        Assert.Null(bot.Coordinator.GameIn(Guild, Channel));
        var final = RecordingMessenger.Text(bot.Messenger.In(Channel).Last(m => !m.IsEdit).Payload);
        Assert.Contains($"<@{Alice}> stopped the trivia night after 1 of 5 questions", final);
        Assert.Contains($"<@{Bob}>", final);
        var closedQuestion = bot.Messenger.In(Channel).Last(m => m.IsEdit).Payload;
        Assert.All(closedQuestion.Components!.Single().Components!, b => Assert.True(b.Disabled));
        var bob = await bot.Store.GetStatsAsync(Guild, Bob);
        Assert.Equal((1, 1), (bob!.Games, bob.Answers));
        Assert.True(bob.Points >= 100);
    }

    [Fact]
    public async Task Someone_with_Manage_Server_can_stop_a_night_they_did_not_start()
    {
        await using var bot = new TriviaHarness();
        await bot.StartAsync();

        var stop = await bot.Run("/trivia stop", Carol, permissions: ManageServer);

        Assert.Equal(InteractionOutcome.Replied, stop.Outcome);
        Assert.Null(bot.Coordinator.GameIn(Guild, Channel));
    }

    [Fact]
    public async Task Anyone_else_is_told_who_can_stop_it_and_the_night_goes_on()
    {
        await using var bot = new TriviaHarness();
        var game = await bot.StartAsync();

        var stop = await bot.Run("/trivia stop", Carol, permissions: "2048");

        Assert.Equal(InteractionOutcome.UserError, stop.Outcome);
        Assert.True(IsEphemeral(stop));
        Assert.Contains($"Only <@{Alice}>", Content(stop));
        Assert.Equal(game, bot.Coordinator.GameIn(Guild, Channel));
    }

    [Fact]
    public async Task Stop_where_nothing_runs_says_how_to_start()
    {
        await using var bot = new TriviaHarness();
        var stop = await bot.Run("/trivia stop", Alice);
        Assert.Equal(InteractionOutcome.UserError, stop.Outcome);
        Assert.Contains("/trivia start", Content(stop));
    }

    [Fact]
    public async Task A_second_start_in_the_same_channel_is_refused_privately_naming_the_starter()
    {
        await using var bot = new TriviaHarness();
        var game = await bot.StartAsync();

        var second = await bot.Run("/trivia start", Bob);

        Assert.Equal(InteractionOutcome.UserError, second.Outcome);
        Assert.True(IsEphemeral(second));
        Assert.Contains($"started by <@{Alice}>", Content(second));
        Assert.Equal(game, bot.Coordinator.GameIn(Guild, Channel));
        Assert.True(bot.Router.PlanAcknowledgement(bot.Command("/trivia start", Bob)).Ephemeral);
    }

    [Fact]
    public async Task Other_channels_and_other_servers_run_their_own_nights()
    {
        await using var bot = new TriviaHarness();
        var first = await bot.StartAsync(channel: Channel);
        var second = await bot.StartAsync(user: Bob, channel: OtherChannel);
        var third = await bot.StartAsync(user: Carol, guild: OtherGuild, channel: Channel);

        Assert.Equal(3, new[] { first, second, third }.Distinct().Count());
        Assert.Equal(3, bot.Coordinator.RunningGames);
    }

    [Fact]
    public void The_commands_declare_acknowledgement_and_permissions_as_Discord_needs_them()
    {
        var trivia = MiracleCell.Bot.Commands.TriviaCommand.Command;
        Assert.Null(trivia.DefaultMemberPermissions);
        Assert.Equal(["start", "stop", "leaderboard", "stats"], trivia.Options!.Select(o => o.Name));
        Assert.All(trivia.Options!, o => Assert.True(o.NameLocalizations!.ContainsKey("id")));
        Assert.Equal("32", MiracleCell.Bot.Commands.TriviaResetCommand.Command.DefaultMemberPermissions);
        var spoilers = trivia.Options![0].Options!.Single(o => o.Name == "spoilers");
        Assert.Equal(["allow", "avoid"], spoilers.Choices!.Select(c => c.Value.GetString()));
    }

    [Theory]
    [InlineData("0", "View Channel, Send Messages, Embed Links")]
    [InlineData("3072", "Embed Links")]
    [InlineData("17408", "Send Messages")]
    public async Task A_night_is_not_started_where_the_bot_cannot_post_and_the_reply_names_what_is_missing(
        string botPermissions, string missing)
    {
        await using var bot = new TriviaHarness();

        var refused = await bot.Router.HandleAsync(
            bot.Command("/trivia start", Alice) with { AppPermissions = botPermissions }, CancellationToken.None);

        Assert.True(IsEphemeral(refused));
        Assert.Contains($"I am missing {missing} here", Content(refused));
        Assert.Null(bot.Coordinator.GameIn(Guild, Channel));
        Assert.Empty(bot.Messenger.Sent);
    }

    [Theory]
    [InlineData("19456")] // exactly View Channel, Send Messages and Embed Links
    [InlineData("8")]     // Administrator
    public async Task A_night_starts_where_the_bot_has_what_it_needs(string botPermissions)
    {
        await using var bot = new TriviaHarness();

        var started = await bot.Router.HandleAsync(
            bot.Command("/trivia start", Alice) with { AppPermissions = botPermissions }, CancellationToken.None);
        await bot.Coordinator.WhenIdleAsync();

        Assert.Contains("has started", Content(started));
        Assert.NotNull(bot.Coordinator.GameIn(Guild, Channel));
    }
}
