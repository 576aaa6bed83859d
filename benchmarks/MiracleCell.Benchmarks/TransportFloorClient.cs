using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace MiracleCell.Benchmarks;

/// <summary>
/// The floor: a bare gateway client that identifies, then answers every INTERACTION_CREATE with one fixed callback.
/// No router, no options, no logging, no rate limiting — the least any bot must do.
/// </summary>
internal sealed class TransportFloorClient : IAsyncDisposable
{
    private static readonly byte[] Reply = Encoding.UTF8.GetBytes(
        """{"type":4,"data":{"content":"pong","allowed_mentions":{"parse":[]}}}""");
    private readonly ClientWebSocket _socket = new();
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _receiving = Task.CompletedTask;

    private TransportFloorClient(Uri api) =>
        _http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = api };

    public Task Ready => _ready.Task;

    public static async Task<TransportFloorClient> ConnectAsync(Uri gateway, Uri api, string token)
    {
        var client = new TransportFloorClient(api);
        await client._socket.ConnectAsync(gateway, CancellationToken.None);
        client._receiving = client.ReceiveAsync(token);
        return client;
    }

    private async Task ReceiveAsync(string token)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var count = 0;
                ValueWebSocketReceiveResult received;
                do
                {
                    received = await _socket.ReceiveAsync(buffer.AsMemory(count), _stop.Token);
                    count += received.Count;
                } while (!received.EndOfMessage);
                if (received.MessageType == WebSocketMessageType.Close) return;
                Handle(buffer.AsSpan(0, count), token);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Handle(ReadOnlySpan<byte> frame, string token)
    {
        var reader = new Utf8JsonReader(frame);
        using var payload = JsonDocument.ParseValue(ref reader);
        var root = payload.RootElement;
        switch (root.GetProperty("op").GetInt32())
        {
            case 10:
                _ = _socket.SendAsync(
                    Encoding.UTF8.GetBytes("{\"op\":2,\"d\":{\"token\":\"" + token + "\",\"intents\":0,"
                        + "\"properties\":{\"os\":\"linux\",\"browser\":\"floor\",\"device\":\"floor\"}}}"),
                    WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
                break;
            case 0 when root.GetProperty("t").ValueEquals("READY"):
                _ready.TrySetResult();
                break;
            case 0 when root.GetProperty("t").ValueEquals("INTERACTION_CREATE"):
                var data = root.GetProperty("d");
                var path = $"interactions/{data.GetProperty("id").GetString()}/"
                    + $"{data.GetProperty("token").GetString()}/callback";
                _ = Task.Run(() => PostAsync(path));
                break;
        }
    }

    private async Task PostAsync(string path)
    {
        using var content = new ByteArrayContent(Reply);
        content.Headers.ContentType = new("application/json");
        using var response = await _http.PostAsync(path, content);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _receiving; } catch (WebSocketException) { }
        _socket.Dispose();
        _http.Dispose();
        _stop.Dispose();
    }
}
