using MiracleCell.EndToEnd.Tests.Infrastructure;

namespace MiracleCell.EndToEnd.Tests.Bot;

/// <summary>
/// The bot as an operator meets it: refusing wrong settings and a wrong token, and a full session whose logs never
/// show the token.
/// </summary>
[Collection(DigitalTwinCollection.Name)]
public sealed class BotLifecycleTests(DigitalTwinFixture twin)
{
    private const int ConfigurationExitCode = 78;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [E2EFact]
    public async Task A_wrong_token_ends_the_bot_with_exit_code_78_one_line_naming_the_setting_and_one_connection()
    {
        var connectionsBefore = await twin.Control.GetGatewayConnectionCountAsync();

        await using var bot = await BotProcess.LaunchAsync(twin,
            new Dictionary<string, string> { ["Discord__Token"] = "wrong-token-for-the-twin" });
        var exitCode = await bot.WaitForExitAsync(Wait);

        Assert.True(exitCode == ConfigurationExitCode, $"Expected exit code {ConfigurationExitCode}, got "
            + $"{exitCode?.ToString() ?? "none (still running)"}.\n{bot.Log}");
        var lines = bot.Log.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var problem = Assert.Single(lines, line => line.Contains("Discord:Token", StringComparison.Ordinal));
        Assert.Contains("4004", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        Assert.Equal(connectionsBefore + 1, await twin.Control.GetGatewayConnectionCountAsync());
    }

    /// <summary>
    /// In the deployment build, options are bound by generated code and checked before anything connects: values that
    /// cannot be read (a number, an enum, a duration) and values a validator refuses all come out together.
    /// </summary>
    [E2EFact]
    public async Task Every_wrong_setting_is_reported_at_once_and_ends_the_bot_with_exit_code_78_before_connecting()
    {
        var connectionsBefore = await twin.Control.GetGatewayConnectionCountAsync();
        var wrong = new Dictionary<string, string>
        {
            ["Discord__DevGuildId"] = "abc",
            ["Discord__GatewayUrl"] = "http://example.org",
            ["Bot__RegisterCommands"] = "Sometimes",
            ["Trivia__BetweenQuestions"] = "soon",
        };

        await using var bot = await BotProcess.LaunchAsync(twin, wrong);
        var exitCode = await bot.WaitForExitAsync(Wait);

        Assert.True(exitCode == ConfigurationExitCode, $"Expected exit code {ConfigurationExitCode}, got "
            + $"{exitCode?.ToString() ?? "none (still running)"}.\n{bot.Log}");
        var lines = bot.Log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains($"{wrong.Count} problem(s)", lines[0], StringComparison.Ordinal);
        foreach (var setting in wrong.Keys.Select(key => key.Replace("__", ":", StringComparison.Ordinal)))
        {
            Assert.Single(lines, line => line.StartsWith(setting, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(lines, line => line.StartsWith("at ", StringComparison.Ordinal));
        Assert.Equal(connectionsBefore, await twin.Control.GetGatewayConnectionCountAsync());
    }

    [E2EFact]
    public async Task A_full_session_with_every_command_never_writes_the_token_to_the_console_or_the_log_file()
    {
        var token = twin.Endpoints.BotToken;
        var logFile = Path.Combine(Path.GetTempPath(), "miraclecell-e2e-log-" + Guid.NewGuid().ToString("N"),
            "bot.log");
        var state = await twin.Control.GetStateAsync();
        var user = state.People.First(person => person.Username == "bob");
        var channel = await twin.Control.CreateChannelAsync("token-check");
        try
        {
            await using var bot = await BotProcess.StartAsync(twin, BotCommandTests.SlashCommands,
                new Dictionary<string, string>
            {
                ["Logging__File__Path"] = logFile,
                ["Logging__LogLevel__Default"] = "Debug",
            });

            var interactions = new List<InteractionHandle>
            {
                await twin.Control.SendSlashCommandAsync(user.Id, channel.Id, "film"),
                await twin.Control.SendSlashCommandAsync(user.Id, channel.Id, "recap",
                    [CommandOptionInput.Text("part", "ending")]),
                await twin.Control.SendSlashCommandAsync(user.Id, channel.Id, "character",
                    [CommandOptionInput.Text("name", "yong goo")]),
                await twin.Control.SendSlashCommandAsync(user.Id, channel.Id, "character",
                    [CommandOptionInput.Text("name", "nobody at all")]),
                await twin.Control.SendAutocompleteAsync(user.Id, channel.Id, "character",
                    [CommandOptionInput.Text("name", "ye", focused: true)]),
                await twin.Control.SendSlashCommandAsync(user.Id, channel.Id, "cast"),
                await twin.Control.SendSlashCommandAsync(user.Id, channel.Id, "spoiler",
                    [CommandOptionInput.Text("text", "secret")]),
                await twin.Control.SendSlashCommandAsync(user.Id, channel.Id, "help"),
                await twin.Control.SendSlashCommandAsync(user.Id, channel.Id, "no-such-command"),
            };
            var message = await twin.Control.PostUserMessageAsync(user.Id, channel.Id, "a spoiler to hide");
            interactions.Add(
                await twin.Control.SendMessageCommandAsync(user.Id, channel.Id, "Hide spoilers", message.Id));
            foreach (var interaction in interactions)
            {
                Assert.True((await twin.Control.WaitForInteractionResponseAsync(interaction.Id, Wait)).Acknowledged);
            }

            Assert.Equal(0, await bot.StopAsync());
            Assert.DoesNotContain(token, bot.Log, StringComparison.Ordinal);
            Assert.Contains("Registered", bot.Log, StringComparison.Ordinal);
            var written = await File.ReadAllTextAsync(logFile);
            Assert.Contains("Registered", written, StringComparison.Ordinal);
            Assert.DoesNotContain(token, written, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(Path.GetDirectoryName(logFile)))
            {
                Directory.Delete(Path.GetDirectoryName(logFile)!, recursive: true);
            }
        }
    }
}
