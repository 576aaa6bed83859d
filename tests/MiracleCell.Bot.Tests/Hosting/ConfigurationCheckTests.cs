using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MiracleCell.Bot.Hosting;

namespace MiracleCell.Bot.Tests.Hosting;

public sealed class ConfigurationCheckTests
{
    private static string[] Arguments(params string[] settings) => [.. settings.Select(setting => "--" + setting)];

    [Fact]
    public async Task Every_wrong_setting_across_sections_is_reported_at_once_with_exit_code_78()
    {
        using var error = new StringWriter();

        var exitCode = await BotHost.RunAsync(
            Arguments("Discord:Token=", "Discord:ShardCount=0", "Discord:DevGuildId=abc",
                "Discord:GatewayUrl=http://example.org",
                "Storage:MaxBatchSize=0", "Storage:DatabaseFileName=a/b.db", "Bot:RegisterCommands=Sometimes"),
            error, CancellationToken.None);

        Assert.Equal(ExitCodes.Configuration, exitCode);
        var lines = error.ToString()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var setting in new[] { "Discord:Token", "Discord:ShardCount", "Discord:DevGuildId",
            "Discord:GatewayUrl", "Storage:MaxBatchSize", "Storage:DatabaseFileName", "Bot:RegisterCommands" })
        {
            Assert.Single(lines, line => line.StartsWith(setting, StringComparison.Ordinal));
        }
        Assert.DoesNotContain(lines, line => line.StartsWith("at ", StringComparison.Ordinal));
        Assert.Contains("7 problem(s)", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_token_is_one_line_naming_Discord_Token()
    {
        using var error = new StringWriter();

        var exitCode = await BotHost.RunAsync(Arguments("Discord:Token="), error, CancellationToken.None);

        Assert.Equal(ExitCodes.Configuration, exitCode);
        var problem = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1));
        Assert.StartsWith("Discord:Token is not set", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_content_folder_is_reported_with_the_other_problems()
    {
        using var error = new StringWriter();

        var exitCode = await BotHost.RunAsync(Arguments("Bot:ContentFolder=/nowhere/film", "Discord:ShardId=3"), error,
            CancellationToken.None);

        Assert.Equal(ExitCodes.Configuration, exitCode);
        var output = error.ToString();
        Assert.Contains("Bot:ContentFolder: the film library folder /nowhere/film does not exist", output,
            StringComparison.Ordinal);
        Assert.Contains("does not exist", output, StringComparison.Ordinal);
        Assert.Contains("Discord:ShardId is 3", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_that_cannot_be_read_are_named_and_the_rest_of_the_section_is_still_validated()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = "Bot abc",
            ["Discord:ShardCount"] = "many",
            ["Discord:DevGuildId"] = "0",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        MiracleCell.Discord.GatewayServiceCollectionExtensions.AddDiscordOptions(services);
        using var provider = services.BuildServiceProvider();

        var problems = new ConfigurationCheck().Add<MiracleCell.Discord.DiscordOptions>("Discord")
            .FindProblems(provider, configuration);

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems,
            p => p.StartsWith("Discord:ShardCount is 'many', which is not a valid number", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Discord:Token starts with a prefix", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Discord:DevGuildId is 0", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("abc", StringComparison.Ordinal));
    }
}
