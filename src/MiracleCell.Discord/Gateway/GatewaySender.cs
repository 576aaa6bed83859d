using System.Net.WebSockets;
using Microsoft.Extensions.Logging;

namespace MiracleCell.Discord.Gateway;

/// <summary>
/// The one writer of a connection's socket: <see cref="ClientWebSocket"/> allows a single outstanding send, so
/// every send and the close frame go through one lock, after the size check and the rate window.
/// </summary>
internal sealed partial class GatewaySender(WebSocket socket, GatewaySendRateLimiter limiter,
    ILogger logger) : IDisposable
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public async Task SendAsync(GatewayOpcode opcode, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (payload.Length > GatewayLimits.MaxPayloadBytes)
            throw new GatewayPayloadTooLargeException(opcode, payload.Length);
        await limiter.WaitAsync(opcode == GatewayOpcode.Heartbeat, cancellationToken);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
        // Only the opcode and size: Identify and Resume payloads carry the token.
        LogSent(logger, opcode, payload.Length);
    }

    /// <summary>Sends a close frame unless the socket is already closing.</summary>
    public async Task CloseOutputAsync(int closeCode, string reason, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await socket.CloseOutputAsync((WebSocketCloseStatus)closeCode, reason, cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Dispose() => _writeLock.Dispose();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sent gateway op {Opcode} ({ByteCount} bytes)")]
    private static partial void LogSent(ILogger logger, GatewayOpcode opcode, int byteCount);
}
