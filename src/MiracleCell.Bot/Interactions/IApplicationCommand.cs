using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Interactions;

/// <summary>One command: its definition as registered with Discord, how it is acknowledged, and its handler.</summary>
internal interface IApplicationCommand
{
    /// <summary>What is sent to Discord's bulk-overwrite endpoint; its name routes interactions here.</summary>
    ApplicationCommand Definition { get; }

    /// <summary>Immediate when the handler only reads memory; Deferred when it touches I/O.</summary>
    AcknowledgementMode Acknowledgement { get; }

    /// <summary>
    /// What <c>/help</c> says about a command whose Discord description must be empty (a message command); null to
    /// use the declared description.
    /// </summary>
    LocalizedText? Help => null;

    /// <summary>Whether a deferred acknowledgement must already be ephemeral for these options.</summary>
    bool RepliesEphemerally(CommandContext context) => false;

    /// <summary>
    /// Builds the reply; never sends it. A mistake the user can fix is thrown as <see cref="UserErrorException"/>.
    /// </summary>
    ValueTask<CommandResult> HandleAsync(CommandContext context, CancellationToken cancellationToken);
}

/// <summary>A command with options marked <c>autocomplete</c>.</summary>
internal interface IAutocompleteCommand : IApplicationCommand
{
    /// <summary>
    /// At most 25 choices, best first, for the focused option. Discord cannot hide a choice behind a spoiler tag:
    /// a choice names nothing past the typing member's watch progress.
    /// </summary>
    ValueTask<IReadOnlyList<ApplicationCommandOptionChoice>> AutocompleteAsync(
        AutocompleteContext context, CancellationToken cancellationToken);
}

/// <summary>Handles button presses whose <c>custom_id</c> starts with <see cref="Prefix"/> followed by
/// <c>:</c>.</summary>
internal interface IComponentHandler
{
    string Prefix { get; }

    AcknowledgementMode Acknowledgement { get; }

    ValueTask<CommandResult> HandleAsync(ComponentContext context, CancellationToken cancellationToken);
}
