using System.Text.RegularExpressions;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Tests.Commands;

public sealed partial class CommandDefinitionTests
{
    [Fact]
    public void Every_definition_is_valid_for_discord_and_localised_in_indonesian()
    {
        using var bot = new TestBot();
        foreach (var definition in bot.Router.Definitions)
        {
            Assert.True(definition.NameLocalizations?.ContainsKey("id"), $"{definition.Name} has no Indonesian name");
            Assert.NotNull(definition.Contexts);
            if (definition.Type != ApplicationCommandType.ChatInput)
            {
                Assert.Equal("", definition.Description);
                continue;
            }
            Assert.Matches(NamePattern(), definition.Name);
            Assert.InRange(DiscordText.Length(definition.Description), 1, 100);
            Assert.InRange(DiscordText.Length(definition.DescriptionLocalizations!["id"]), 1, 100);
            Assert.Matches(NamePattern(), definition.NameLocalizations!["id"]);
            var options = definition.Options ?? [];
            Assert.True(options.SkipWhile(o => o.Required == true).All(o => o.Required != true), $"{definition.Name}: "
                + "required options must come first");
            foreach (var option in options)
            {
                Assert.Matches(NamePattern(), option.Name);
                Assert.Matches(NamePattern(), option.NameLocalizations!["id"]);
                Assert.InRange(DiscordText.Length(option.Description), 1, 100);
                Assert.InRange(DiscordText.Length(option.DescriptionLocalizations!["id"]), 1, 100);
            }
        }
    }

    [Fact]
    public void The_message_command_and_the_autocomplete_options_are_declared()
    {
        using var bot = new TestBot();
        var definitions = bot.Router.Definitions;

        Assert.Contains(definitions, d => d is { Type: ApplicationCommandType.Message, Name: "Hide spoilers" });
        Assert.True(definitions.Single(d => d.Name == "character").Options!.Single(o => o.Name == "name").Autocomplete);
        Assert.True(definitions.Single(d => d.Name == "cast").Options!.Single(o => o.Name == "actor").Autocomplete);
        Assert.True(definitions.Single(d => d.Name == "recap").Options!.Single(o => o.Name == "part").Autocomplete);
    }

    [GeneratedRegex(@"^[-_'\p{L}\p{N}]{1,32}$")]
    private static partial Regex NamePattern();
}
