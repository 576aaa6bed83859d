using System.Text.Json;
using MiracleCell.Bot.Console;
using MiracleCell.Bot.Interactions;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Tests.Console;

public sealed class ConsoleSessionTests
{
    private static async Task<(int Exit, string Output, string Error)> Cli(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await BotCli.RunAsync(args, new StringReader(""), output, error,
            loadPack: _ => TestPacks.MiracleInCellNo7());
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Ask_prints_the_reply_as_discord_shows_it_and_exits_0()
    {
        var (exit, output, error) = await Cli("ask", "/recap part:ending");

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains("┌── Part 4 of 4\n", output, StringComparison.Ordinal);
        Assert.Contains("│ ▸ What happens", output, StringComparison.Ordinal);
        Assert.Contains("• ||Yong-gu is sentenced to death.|| [1]", output, StringComparison.Ordinal);
        Assert.Contains("└── Sources: [1] Fan blog review", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_shows_escaped_text_as_discord_would_without_the_backslashes()
    {
        var (exit, output, _) = await Cli("ask", "/spoiler text:\"(he) *lives*\"");

        Assert.Equal(0, exit);
        Assert.Contains("||(he) *lives*||", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\\(", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_marks_ephemeral_replies_and_speaks_indonesian_with_locale_id()
    {
        var (exit, output, _) = await Cli("ask", "/recap part:ending spoilers:true", "--locale", "id");

        Assert.Equal(0, exit);
        Assert.StartsWith("(ephemeral: only you can see this)", output, StringComparison.Ordinal);
        Assert.Contains("Bagian 4 dari 4", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/trailer", "There is no command `/trailer`")]
    [InlineData("/recap part:credits", "`part` must be one of")]
    [InlineData("/recap spoilers:perhaps part:ending", "`spoilers` must be true or false")]
    [InlineData("/cast role:father", "/cast has no option 'role'")]
    [InlineData("recap", "Start with a command")]
    public async Task Ask_reports_an_unknown_command_or_bad_option_on_stderr_with_exit_2(string line, string expected)
    {
        var (exit, output, error) = await Cli("ask", line);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_prints_did_you_mean_for_an_unknown_name_as_the_bot_would_reply()
    {
        var (exit, output, _) = await Cli("ask", "/character name:ang");

        Assert.Equal(0, exit);
        Assert.Contains("Did you mean", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_json_prints_the_exact_callback_body()
    {
        var (exit, output, _) = await Cli("ask", "/spoiler text:\"@everyone\"", "--json");

        Assert.Equal(0, exit);
        var body = JsonSerializer.Deserialize(output, DiscordJsonContext.Default.InteractionResponse)!;
        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, body.Type);
        Assert.Contains("\"allowed_mentions\":{\"parse\":[]}", output, StringComparison.Ordinal);
        Assert.Contains("||\\\\@everyone||", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_prints_autocomplete_choices_for_a_trailing_question_mark()
    {
        var (exit, output, _) = await Cli("ask", "/character name:yong?");

        Assert.Equal(0, exit);
        Assert.StartsWith(" 1. Lee Yong-gu (the father)  →  lee-yong-gu", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_command_line_arguments_exit_2_with_usage()
    {
        Assert.Equal(2, (await Cli("ask")).Exit);
        Assert.Equal(2, (await Cli("ask", "/film", "--locale", "fr")).Exit);
        Assert.Equal(2, (await Cli("dance")).Exit);
    }

    [Fact]
    public async Task The_console_runs_lines_until_exit_and_presses_buttons()
    {
        var output = new StringWriter();
        var input = new StringReader("/character name:\"so yang-ho\"\n/recap part:part-5\npress 3\n/recap "
            + "part\nexit\n/film\n");
        var exit = await BotCli.RunAsync(["console"], input, output, new StringWriter(),
            loadPack: _ => TestPacks.Oversized());
        var text = output.ToString();

        Assert.Equal(0, exit);
        Assert.Contains("┌── So Yang-ho", text, StringComparison.Ordinal);
        Assert.Contains("[Page 1 of", text, StringComparison.Ordinal);
        Assert.Contains("(updates the message)", text, StringComparison.Ordinal);
        Assert.Contains("error: Expected name:value but found 'part'", text, StringComparison.Ordinal);
        Assert.DoesNotContain("┌── Miracle in Cell", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Tab_completion_offers_commands_options_and_suggestions()
    {
        using var bot = new TestBot();
        var session = new ConsoleSession(bot.Router, Locale.English);

        Assert.Equal(["/cast ", "/character ", "/club "], session.Complete("/c"));
        Assert.Equal(["/recap part:x spoilers:"], session.Complete("/recap part:x s"));
        Assert.Equal("/character name:lee-yong-gu ", session.Complete("/character name:yong go")[0]);
    }

    [Fact]
    public void The_console_builds_typed_options_like_discord()
    {
        using var bot = new TestBot();
        var interaction = new ConsoleInteractions(bot.Router, Locale.Indonesian)
            .FromLine(ConsoleLineParser.Parse("/recap part:ending spoilers:true", _ => ["part", "spoilers"]));

        Assert.Equal(InteractionType.ApplicationCommand, interaction.Type);
        Assert.Equal("id", interaction.Locale);
        Assert.Equal(JsonValueKind.True,
            interaction.Data!.Options!.Single(o => o.Name == "spoilers").Value!.Value.ValueKind);
        Assert.Equal(ApplicationCommandOptionType.Boolean,
            interaction.Data.Options!.Single(o => o.Name == "spoilers").Type);
        Assert.NotNull(interaction.Member?.User);
    }
}
