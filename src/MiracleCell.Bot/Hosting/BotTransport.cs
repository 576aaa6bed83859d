namespace MiracleCell.Bot.Hosting;

/// <summary>Where the bot's replies and channel messages go.</summary>
internal enum BotTransport
{
    /// <summary>Discord: REST, the gateway, command registration, trivia messages posted in channels.</summary>
    Discord,

    /// <summary>No connection: interactions are handed to the router directly and channel messages are
    /// printed.</summary>
    Console,
}
