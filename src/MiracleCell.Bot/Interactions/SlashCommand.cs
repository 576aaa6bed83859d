using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Interactions;

/// <summary>
/// A command whose options are bound to one record, <typeparamref name="TOptions"/>, by reading each of its
/// option declarations once (<see cref="Bind"/>); the handler sees only the record.
/// </summary>
internal abstract class SlashCommand<TOptions> : IApplicationCommand
{
    public abstract ApplicationCommand Definition { get; }

    public abstract AcknowledgementMode Acknowledgement { get; }

    /// <summary>Reads every option; a value the user must fix throws <see cref="UserErrorException"/>.</summary>
    public abstract TOptions Bind(GivenOptions given);

    /// <summary>Whether a deferred acknowledgement must already be ephemeral for these options.</summary>
    protected virtual bool RepliesEphemerally(TOptions options) => false;

    protected abstract ValueTask<CommandResult> HandleAsync(
        CommandContext context, TOptions options, CancellationToken cancellationToken);

    bool IApplicationCommand.RepliesEphemerally(CommandContext context) => RepliesEphemerally(Bind(context.Given));

    ValueTask<CommandResult> IApplicationCommand.HandleAsync(CommandContext context,
        CancellationToken cancellationToken) =>
        HandleAsync(context, Bind(context.Given), cancellationToken);
}
