using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace MiracleCell.Discord.Tests.Fakes.Gateway;

/// <summary>One client connection to the fake gateway, as the server saw it.</summary>
public sealed class FakeGatewayConnection(int index, string path, string query, WebSocket socket, HttpContext http)
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource<int?> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Index { get; } = index;
    /// <summary>"/gateway" for a fresh connect, "/resume" for the resume_gateway_url.</summary>
    public string Path { get; } = path;
    public string Query { get; } = query;
    internal FakeSession? Session { get; set; }
    /// <summary>Set when the fake cut the connection on purpose: dispatches for it are kept, not sent.</summary>
    internal bool Severed { get; set; }

    /// <summary>Completes when the connection ends, with the close code the client sent (null if it sent
    /// none).</summary>
    public Task<int?> Ended => _ended.Task;

    internal void MarkEnded(int? clientCloseCode) => _ended.TrySetResult(clientCloseCode);

    internal async Task SendTextAsync(string json, int frames = 1)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        await _sendLock.WaitAsync();
        try
        {
            if (socket.State != WebSocketState.Open) return;
            var chunk = (int)Math.Ceiling(bytes.Length / (double)Math.Max(1, frames));
            for (var offset = 0; offset < bytes.Length; offset += chunk)
            {
                var count = Math.Min(chunk, bytes.Length - offset);
                await socket.SendAsync(bytes.AsMemory(offset, count), WebSocketMessageType.Text,
                    offset + count >= bytes.Length, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException
            or OperationCanceledException)
        {
            // The client went away; the test asserts on what happened next.
        }
        finally
        {
            _sendLock.Release();
        }
    }

    internal async Task CloseAsync(int code, string reason)
    {
        await _sendLock.WaitAsync();
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
        {
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Cuts the TCP connection without a close frame, like a network failure.</summary>
    internal void Drop()
    {
        Severed = true;
        if (Ended.IsCompleted) return;
        try { http.Abort(); }
        catch (ObjectDisposedException) { } // the request already finished

    }
}

/// <summary>A gateway session: its id and every dispatch assigned a sequence number in it.</summary>
internal sealed class FakeSession(string id)
{
    public string Id { get; } = id;
    public List<(long Sequence, string Json)> Dispatches { get; } = [];
    public long LastSequence => Dispatches.Count == 0 ? 0 : Dispatches[^1].Sequence;
    public bool Invalidated { get; set; }
}
