using MiracleCell.Bot.Interactions;
using MiracleCell.Bot.Rendering;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Commands;

/// <summary>
/// Message command "Hide spoilers": re-posts the target message's text spoiler-tagged. The reply asks the
/// transport to delete the original (<see cref="DeleteTargetMessage"/>) only when the invoker wrote it or may
/// manage messages, so nobody can use the bot to delete other people's messages.
/// </summary>
internal sealed class HideSpoilersCommand : IApplicationCommand, IDeclaredCommand
{
    public static ApplicationCommand Command { get; } = new()
    {
        Type = ApplicationCommandType.Message,
        Name = "Hide spoilers",
        NameLocalizations = Define.Id("Sembunyikan spoiler"),
        Description = "",
        Contexts = [InteractionContextType.Guild],
        IntegrationTypes = Define.GuildInstall,
    };

    public ApplicationCommand Definition => Command;

    public LocalizedText? Help => Strings.HideSpoilersHelp;

    public AcknowledgementMode Acknowledgement => AcknowledgementMode.Immediate;

    public ValueTask<CommandResult> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var interaction = context.Interaction;
        var targetId = interaction.Data?.TargetId;
        Message? target = null;
        if (targetId is { } id) interaction.Data?.Resolved?.Messages?.TryGetValue(id.ToString(), out target);
        if (target is null || string.IsNullOrWhiteSpace(target.Content))
            throw new UserErrorException(UserErrorKind.Unusable, Strings.MessageHasNoText);

        var hidSpoilers = Strings.HidSpoilers(SpoilerRepost.Mention(interaction.Invoker),
            SpoilerRepost.Mention(target.Author));
        var header = $"**{hidSpoilers[context.Locale]}**";
        var reply = SpoilerRepost.Build(header, target.Content, context.Locale);
        return ValueTask.FromResult(MayDelete(interaction, target)
            ? CommandResult.Reply(reply, new DeleteTargetMessage(target.ChannelId, target.Id))
            : CommandResult.Reply(reply));
    }

    private static bool MayDelete(Interaction interaction, Message target)
    {
        if (interaction.Invoker is { } invoker && target.Author?.Id == invoker.Id) return true;
        return PermissionSet.Parse(interaction.Member?.Permissions) is { } member
            && member.HasFlag(Permissions.ManageMessages);
    }
}
