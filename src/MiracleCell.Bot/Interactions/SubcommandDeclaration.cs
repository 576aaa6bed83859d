using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Interactions;

/// <summary>A subcommand (<c>/trivia start</c>) with its own option declarations.</summary>
internal sealed class SubcommandDeclaration(ApplicationCommandOption definition) : OptionDeclaration(definition)
{
    /// <summary>The subcommand's options when it is the one given, or null when another one was given.</summary>
    public GivenOptions? Read(GivenOptions given)
    {
        if (given.Find(this) is not { Type: ApplicationCommandOptionType.SubCommand } sub) return null;
        var command = new LocalizedText($"{given.Command.En} {Names.En}", $"{given.Command.Id} {Names.Id}");
        return new GivenOptions(command, sub.Options);
    }
}
