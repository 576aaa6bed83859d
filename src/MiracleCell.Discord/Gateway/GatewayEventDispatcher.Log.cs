using Microsoft.Extensions.Logging;
using MiracleCell.Discord.Models;

namespace MiracleCell.Discord.Gateway;

/// <summary>The dispatcher's log lines, generated once: every gateway event passes through here.</summary>
internal sealed partial class GatewayEventDispatcher
{
    [LoggerMessage(Level = LogLevel.Error, Message = "A gateway event sink failed on {Event}")]
    private static partial void LogSinkFailed(ILogger logger, Exception exception, string @event);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Skipped an INTERACTION_CREATE (#{Sequence}) that does not match the interaction model: {Error}")]
    private static partial void LogMalformedInteraction(ILogger logger, long? sequence, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The handler for interaction {InteractionId} failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, Snowflake interactionId);
}
