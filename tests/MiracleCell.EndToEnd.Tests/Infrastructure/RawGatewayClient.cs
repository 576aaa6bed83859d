using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace MiracleCell.EndToEnd.Tests.Infrastructure;

/// <summary>A bare gateway connection for harness tests: send payloads, read frames, wait for a dispatch.</summary>
public sealed class RawGatewayClient : IAsyncDisposable
{
    public const int DispatchOp = 0;
    public const int HeartbeatOp = 1;
    public const int IdentifyOp = 2;
    public const int HelloOp = 10;
    public const int HeartbeatAckOp = 11;

    private readonly ClientWebSocket _socket = new();

    public static async Task<RawGatewayClient> ConnectAsync(Uri gateway, CancellationToken cancellationToken)
    {
        var client = new RawGatewayClient();
        var uri = new UriBuilder(gateway) { Query = "v=10&encoding=json" }.Uri;
        await client._socket.ConnectAsync(uri, cancellationToken);
        return client;
    }

    public WebSocketState State => _socket.State;

    public async Task SendAsync(object payload, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload);
        await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
    }

    /// <summary>Identifies with the bot token and returns the READY dispatch.</summary>
    public async Task<JsonElement> IdentifyAsync(string token, CancellationToken cancellationToken)
    {
        await SendAsync(
            new
            {
                op = IdentifyOp,
                d = new
                {
                    token,
                    intents = 1 << 0,
                    properties = new Dictionary<string, string> { ["os"] = "linux", ["browser"] = "e2e",
                        ["device"] = "e2e" },
                },
            },
            cancellationToken);
        return await WaitForDispatchAsync("READY", _ => true, cancellationToken);
    }

    /// <summary>Reads one whole frame; null when the server closed the socket.</summary>
    public async Task<JsonElement?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                using var document = JsonDocument.Parse(
                    Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length));
                return document.RootElement.Clone();
            }
        }
    }

    /// <summary>Reads frames until a dispatch of <paramref name="eventName"/> matches, skipping everything
    /// else.</summary>
    public async Task<JsonElement> WaitForDispatchAsync(string eventName, Func<JsonElement, bool> predicate,
        CancellationToken cancellationToken)
    {
        while (true)
        {
            var frame = await ReceiveAsync(cancellationToken)
                ?? throw new InvalidOperationException($"The gateway closed the socket while waiting for {eventName}.");
            if (frame.GetProperty("op").GetInt32() == DispatchOp
                && frame.GetProperty("t").GetString() == eventName
                && predicate(frame.GetProperty("d")))
            {
                return frame.GetProperty("d");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "test finished", timeout.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                // The twin may drop the socket first; nothing is left to clean up.
            }
        }

        _socket.Dispose();
    }
}
