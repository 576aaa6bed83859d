using Microsoft.Extensions.Logging;

namespace MiracleCell.Discord.Gateway;

/// <summary>The log lines written for single gateway frames, generated once: they sit on the path of every event.
/// </summary>
internal sealed partial class GatewayConnection
{
    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Skipped a gateway message that is not valid JSON ({ByteCount} bytes): {Error}")]
    private static partial void LogNotJson(ILogger logger, int byteCount, string error);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Skipped a gateway message without an opcode ({ByteCount} bytes)")]
    private static partial void LogNoOpcode(ILogger logger, int byteCount);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored gateway op {Opcode}")]
    private static partial void LogIgnoredOpcode(ILogger logger, int opcode);

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "Ignored replayed dispatch {Event} #{Sequence}: already processed in this session")]
    private static partial void LogReplayedDispatch(ILogger logger, string? @event, long sequence);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored a dispatch without an event name")]
    private static partial void LogUnnamedDispatch(ILogger logger);
}
