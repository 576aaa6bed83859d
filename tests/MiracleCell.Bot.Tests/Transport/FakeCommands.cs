using MiracleCell.Bot.Interactions;
using MiracleCell.Bot.Rendering;
using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Tests.Transport;

/// <summary>A command whose acknowledgement, ephemerality and handler a test chooses.</summary>
internal sealed class FakeCommand(
    string name,
    AcknowledgementMode acknowledgement,
    Func<CommandContext, ValueTask<CommandResult>> handle,
    bool ephemeral = false) : IApplicationCommand
{
    public ApplicationCommand Definition { get; } = new() { Name = name, Description = $"The {name} command" };

    public AcknowledgementMode Acknowledgement => acknowledgement;

    public bool RepliesEphemerally(CommandContext context) => ephemeral;

    public ValueTask<CommandResult> HandleAsync(CommandContext context, CancellationToken cancellationToken) =>
        handle(context);

    public static CommandResult Text(string content, params IReadOnlyList<FollowUpAction> actions) =>
        CommandResult.Reply(new MessagePayload { Content = content, AllowedMentions = AllowedMentions.None }, actions);

    /// <summary>Reports a user's mistake the one way handlers do: by throwing.</summary>
    public static CommandResult Failure(string message) =>
        throw new UserErrorException(UserErrorKind.NotFound, new LocalizedText(message, message));
}

internal static class FakeInteractions
{
    public static Interaction Command(string name, DateTimeOffset createdAt, ulong sequence = 1) => new()
    {
        Id = new Snowflake(Snowflake.FromTime(createdAt).Value | sequence),
        ApplicationId = new Snowflake(42),
        Type = InteractionType.ApplicationCommand,
        Token = "interaction-token-" + sequence,
        ChannelId = new Snowflake(7),
        GuildId = new Snowflake(9),
        Locale = "en-US",
        Data = new InteractionData { Id = new Snowflake(5), Name = name, Type = ApplicationCommandType.ChatInput },
    };
}
