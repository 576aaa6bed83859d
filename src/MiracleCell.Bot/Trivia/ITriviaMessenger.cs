using MiracleCell.Discord.Models;
using MiracleCell.Discord.Rest;

namespace MiracleCell.Bot.Trivia;

/// <summary>
/// Where a trivia night's channel messages go: Discord channel messages sent with the bot token (never interaction
/// follow-ups, whose tokens die after 15 minutes), or the console.
/// </summary>
internal interface ITriviaMessenger
{
    /// <summary>Posts a message to a channel and returns its id once it has been posted.</summary>
    Task<Snowflake> PostAsync(Snowflake channelId, MessagePayload message, CancellationToken cancellationToken);

    /// <summary>Replaces a message the bot posted earlier.</summary>
    Task EditAsync(Snowflake channelId, Snowflake messageId, MessagePayload message,
        CancellationToken cancellationToken);
}

/// <summary>The Discord messenger: <c>POST</c>/<c>PATCH /channels/{id}/messages</c> through
/// <see cref="IDiscordRestClient"/>.</summary>
internal sealed class DiscordTriviaMessenger(IDiscordRestClient rest) : ITriviaMessenger
{
    public async Task<Snowflake> PostAsync(Snowflake channelId, MessagePayload message,
        CancellationToken cancellationToken)
    {
        var posted = await rest.CreateMessageAsync(channelId, message, cancellationToken);
        return posted.Id;
    }

    public Task EditAsync(Snowflake channelId, Snowflake messageId, MessagePayload message,
        CancellationToken cancellationToken) =>
        rest.EditMessageAsync(channelId, messageId, message, cancellationToken);
}
