using MiracleCell.Bot.Interactions;
using MiracleCell.Discord.Models;
using static MiracleCell.Bot.Tests.Trivia.TriviaHarness;

namespace MiracleCell.Bot.Tests.Trivia;

public sealed class TriviaResetTests
{
    private static async Task<TriviaHarness> WithScoresAsync()
    {
        var bot = new TriviaHarness();
        var game = await bot.StartAsync("questions:1");
        await bot.Answer(game, bot.Right(game), Bob);
        await bot.Answer(game, bot.Right(game), Carol);
        await bot.AdvanceAsync(TimeSpan.FromSeconds(20));
        return bot;
    }

    private static IReadOnlyList<string> Buttons(InteractionResult result) =>
        [.. result.Response.Data!.Components!.Single().Components!.Select(b => b.CustomId!)];

    [Fact]
    public async Task Only_the_requester_with_Manage_Server_can_confirm_and_then_one_member_is_reset()
    {
        await using var bot = await WithScoresAsync();
        var ask = await bot.Run($"/trivia-reset user:<@{Bob}>", Alice, permissions: ManageServer);
        Assert.True(IsEphemeral(ask));
        Assert.Contains($"<@{Bob}>", Content(ask));
        var confirm = Buttons(ask)[0];

        var byOther = await bot.Click(confirm, Carol, permissions: ManageServer);
        Assert.Contains("Only the person who asked", Content(byOther));
        var withoutPermission = await bot.Click(confirm, Alice, permissions: "0");
        Assert.Contains("Manage Server", Content(withoutPermission));
        Assert.NotNull(await bot.Store.GetStatsAsync(Guild, Bob));

        var done = await bot.Click(confirm, Alice, permissions: ManageServer);
        Assert.Equal(InteractionCallbackType.UpdateMessage, done.Response.Type);
        Assert.Contains("were reset", Content(done));
        Assert.Null(await bot.Store.GetStatsAsync(Guild, Bob));
        Assert.NotNull(await bot.Store.GetStatsAsync(Guild, Carol));
    }

    [Fact]
    public async Task Without_a_user_the_whole_server_is_reset_and_cancel_or_expiry_change_nothing()
    {
        await using var bot = await WithScoresAsync();
        var ask = await bot.Run("/trivia-reset", Alice, permissions: ManageServer);
        var (confirm, cancel) = (Buttons(ask)[0], Buttons(ask)[1]);

        Assert.Contains("Cancelled", Content(await bot.Click(cancel, Alice, permissions: ManageServer)));
        bot.Time.Advance(TimeSpan.FromMinutes(6));
        Assert.Contains("expired", Content(await bot.Click(confirm, Alice, permissions: ManageServer)));
        Assert.NotNull(await bot.Store.GetStatsAsync(Guild, Bob));

        var fresh = await bot.Run("/trivia-reset", Alice, permissions: ManageServer);
        var done = await bot.Click(Buttons(fresh)[0], Alice, permissions: ManageServer);
        Assert.Contains("2 members were reset", Content(done));
        Assert.Null(await bot.Store.GetStatsAsync(Guild, Carol));
    }

    [Fact]
    public async Task The_command_checks_Manage_Server_itself_and_a_button_for_another_server_is_refused()
    {
        await using var bot = await WithScoresAsync();
        var refused = await bot.Run("/trivia-reset", Bob, permissions: "0");
        Assert.Equal(UserErrorKind.MissingPermission, refused.Error?.Kind);

        var ask = await bot.Run("/trivia-reset", Alice, permissions: ManageServer);
        var elsewhere = await bot.Click(Buttons(ask)[0], Alice, guild: OtherGuild, permissions: ManageServer);
        Assert.Equal(InteractionOutcome.UserError, elsewhere.Outcome);
        var forged = await bot.Click("trivia-reset:1000:0:501:notanumber:yes", Alice, permissions: ManageServer);
        Assert.Equal(InteractionOutcome.UserError, forged.Outcome);
        Assert.NotNull(await bot.Store.GetStatsAsync(Guild, Bob));
    }
}
