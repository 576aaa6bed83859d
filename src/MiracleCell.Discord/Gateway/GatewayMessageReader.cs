using System.Buffers;
using System.Net.WebSockets;

namespace MiracleCell.Discord.Gateway;

/// <summary>Reads whole gateway messages, however many frames each spans, into one pooled, growing buffer.</summary>
internal sealed class GatewayMessageReader : IDisposable
{
    /// <summary>Far above any real payload (READY for a large bot is a few MB); protects against a runaway
    /// stream.</summary>
    public const int MaxMessageBytes = 64 * 1024 * 1024;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);

    /// <summary>The message, valid until the next call; null when the server sent a close frame.</summary>
    public async ValueTask<ReadOnlyMemory<byte>?> ReceiveAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var length = 0;
        while (true)
        {
            if (length == _buffer.Length) Grow();
            var result = await socket.ReceiveAsync(_buffer.AsMemory(length), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            length += result.Count;
            if (result.EndOfMessage) return _buffer.AsMemory(0, length);
        }
    }

    private void Grow()
    {
        if (_buffer.Length >= MaxMessageBytes)
            throw new WebSocketException(WebSocketError.InvalidMessageType, "A gateway message exceeded "
                + $"{MaxMessageBytes} bytes.");
        var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
        _buffer.CopyTo(larger, 0);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
