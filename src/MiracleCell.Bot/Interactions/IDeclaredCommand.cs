using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Interactions;

/// <summary>
/// A command whose declaration is known without an instance, so texts can name it before DI is built.
/// </summary>
internal interface IDeclaredCommand
{
    static abstract ApplicationCommand Command { get; }
}
