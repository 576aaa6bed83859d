using System.Text.RegularExpressions;
using MiracleCell.Bot.Interactions;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Tests.Commands;

/// <summary>The declarations are the one source: /help and the README's command table follow them.</summary>
public sealed partial class CommandDeclarationTests
{
    [Fact]
    public void The_README_command_table_lists_every_declared_command_and_option_and_nothing_else()
    {
        using var bot = new TestBot();
        var rows = ReadmeCommandRows();
        var readmeSlash = rows.SelectMany(row => SlashName().Matches(row).Select(m => m.Groups["name"].Value))
            .ToHashSet();
        var readmeMessage = rows.Where(row => row.StartsWith("message command", StringComparison.Ordinal))
            .Select(row => MessageName().Match(row).Groups["name"].Value).ToHashSet();

        var declared = bot.Router.Definitions;
        Assert.Equal(
            declared.Where(d => d.Type == ApplicationCommandType.ChatInput).Select(d => d.Name).Order(),
            readmeSlash.Order());
        Assert.Equal(
            declared.Where(d => d.Type == ApplicationCommandType.Message).Select(d => d.Name).Order(),
            readmeMessage.Order());
        foreach (var definition in declared.Where(d => d.Type == ApplicationCommandType.ChatInput))
        {
            var text = string.Join(" ",
                rows.Where(row => row.StartsWith($"`/{definition.Name} ", StringComparison.Ordinal)
                || row.StartsWith($"`/{definition.Name}`", StringComparison.Ordinal)));
            foreach (var option in AllOptions(definition.Options))
                Assert.True(Regex.IsMatch(text, $@"(?<![-\w]){Regex.Escape(option.Name)}(?![-\w])"),
                    $"The README's row for /{definition.Name} does not mention its option '{option.Name}'.");
        }
    }

    [Fact]
    public async Task Help_names_every_command_and_option_as_the_readers_client_shows_them()
    {
        using var bot = new TestBot();
        foreach (var locale in Locales.All)
        {
            var help = TestBot.MarkdownText(await bot.Reply("/help", locale));
            foreach (var other in Locales.All.Where(other => other != locale))
            {
                foreach (var definition in bot.Router.Definitions)
                {
                    var mine = LocalizedNames.Of(definition, locale);
                    var theirs = LocalizedNames.Of(definition, other);
                    var slash = definition.Type == ApplicationCommandType.ChatInput ? "/" : "";
                    Assert.Contains(slash + mine, help, StringComparison.Ordinal);
                    if (mine != theirs)
                        Assert.DoesNotMatch($@"{Regex.Escape(slash + theirs)}(?![-\w])", help);
                    foreach (var option in definition.Options ?? [])
                    {
                        var theirOption = LocalizedNames.Of(option, other);
                        if (theirOption == LocalizedNames.Of(option, locale)) continue;
                        Assert.DoesNotContain($"[{theirOption}]", help, StringComparison.Ordinal);
                        Assert.DoesNotContain($"{theirOption}:", help, StringComparison.Ordinal);
                    }
                }
            }
        }
    }

    private static IEnumerable<ApplicationCommandOption> AllOptions(IReadOnlyList<ApplicationCommandOption>? options) =>
        (options ?? []).SelectMany(option => AllOptions(option.Options).Prepend(option));

    /// <summary>The first cell of each row of the README's command table.</summary>
    private static List<string> ReadmeCommandRows()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MiracleCell.sln")))
            directory = directory.Parent;
        Assert.NotNull(directory);
        var lines = File.ReadAllLines(Path.Combine(directory.FullName, "README.md"));
        var table = lines.SkipWhile(line => !line.StartsWith("| `/film", StringComparison.Ordinal))
            .TakeWhile(line => line.StartsWith('|'));
        return [.. table.Select(line => line.Split(" | ")[0].TrimStart('|', ' '))];
    }

    [GeneratedRegex(@"`/(?<name>[-\w]+)")]
    private static partial Regex SlashName();

    [GeneratedRegex(@"\*\*(?<name>[^*]+)\*\*")]
    private static partial Regex MessageName();
}
