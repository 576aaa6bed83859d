using MiracleCell.Discord.Models;

namespace MiracleCell.Discord.Rest;

/// <summary>
/// The Discord REST endpoints the bot uses. Failures Discord reports come back as <see cref="DiscordApiException"/>.
/// </summary>
public interface IDiscordRestClient
{
    /// <summary>The single callback of an interaction. Never retried, except after a 429.</summary>
    Task CreateInteractionResponseAsync(Snowflake interactionId, string interactionToken, InteractionResponse response,
        CancellationToken cancellationToken);

    Task<Message> EditOriginalResponseAsync(Snowflake applicationId, string interactionToken, MessagePayload message,
        CancellationToken cancellationToken);

    Task DeleteOriginalResponseAsync(Snowflake applicationId, string interactionToken,
        CancellationToken cancellationToken);

    Task<Message> CreateFollowupMessageAsync(Snowflake applicationId, string interactionToken, MessagePayload message,
        CancellationToken cancellationToken);

    Task<Message> CreateMessageAsync(Snowflake channelId, MessagePayload message, CancellationToken cancellationToken);

    Task<Message> EditMessageAsync(Snowflake channelId, Snowflake messageId, MessagePayload message,
        CancellationToken cancellationToken);

    Task DeleteMessageAsync(Snowflake channelId, Snowflake messageId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApplicationCommand>> GetGlobalCommandsAsync(Snowflake applicationId,
        CancellationToken cancellationToken);

    Task<IReadOnlyList<ApplicationCommand>> BulkOverwriteGlobalCommandsAsync(Snowflake applicationId,
        IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApplicationCommand>> GetGuildCommandsAsync(Snowflake applicationId, Snowflake guildId,
        CancellationToken cancellationToken);

    Task<IReadOnlyList<ApplicationCommand>> BulkOverwriteGuildCommandsAsync(Snowflake applicationId, Snowflake guildId,
        IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken);

    Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken);

    Task<CurrentApplication> GetCurrentApplicationAsync(CancellationToken cancellationToken);
}
