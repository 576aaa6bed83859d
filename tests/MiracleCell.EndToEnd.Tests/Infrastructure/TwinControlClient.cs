using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MiracleCell.EndToEnd.Tests.Infrastructure;

/// <summary>Typed access to the harness's control API (see tests/e2e-harness/README.md).</summary>
public sealed class TwinControlClient : IDisposable
{
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    private readonly HttpClient _http;

    public TwinControlClient(Uri controlBaseAddress)
    {
        // The harness's own waits are bounded; the client allows them to finish.
        _http = new HttpClient { BaseAddress = controlBaseAddress, Timeout = TimeSpan.FromSeconds(90) };
    }

    public Task<TwinState> GetStateAsync(CancellationToken cancellationToken = default) =>
        GetAsync<TwinState>("/state", cancellationToken);

    public Task<TwinUser> CreateUserAsync(string username, string? guildId = null,
        CancellationToken cancellationToken = default) =>
        PostAsync<TwinUser>("/users", new { username, guild_id = guildId }, cancellationToken);

    /// <summary>A guild member whose interactions carry exactly <paramref name="permissions"/> (a permission bit set)
    /// instead of every permission.</summary>
    public Task<TwinUser> CreateUserWithPermissionsAsync(string username, ulong permissions,
        CancellationToken cancellationToken = default) =>
        PostAsync<TwinUser>("/users",
            new { username, permissions = permissions.ToString(CultureInfo.InvariantCulture) }, cancellationToken);

    /// <summary>Creates a text channel; gateway clients receive CHANNEL_CREATE. A fresh channel per test keeps
    /// assertions independent.</summary>
    public Task<TwinChannel> CreateChannelAsync(string name, string? guildId = null,
        CancellationToken cancellationToken = default) =>
        PostAsync<TwinChannel>("/channels", new { name, guild_id = guildId }, cancellationToken);

    /// <summary>A guild the bot is in, with text channels of these names; gateway clients receive
    /// GUILD_CREATE.</summary>
    public Task<TwinGuild> CreateGuildAsync(string name, IReadOnlyList<string> channels,
        CancellationToken cancellationToken = default) =>
        PostAsync<TwinGuild>("/guilds", new { name, channels = channels.Select(channel => new { name = channel }) },
            cancellationToken);

    /// <summary>How many gateway sessions have identified right now.</summary>
    public async Task<int> GetGatewaySessionCountAsync(CancellationToken cancellationToken = default) =>
        (await GetAsync<JsonElement>("/gateway/sessions", cancellationToken)).GetProperty("identified").GetInt32();

    /// <summary>Waits until this many gateway sessions have identified (a bot that is connected and ready).</summary>
    public async Task<int> WaitForGatewaySessionsAsync(int minCount, TimeSpan? wait = null,
        CancellationToken cancellationToken = default) =>
        (await GetAsync<JsonElement>($"/gateway/sessions?min_count={minCount}&wait_ms={Millis(wait)}",
            cancellationToken))
            .GetProperty("identified").GetInt32();

    /// <summary>Waits until at most this many gateway sessions are identified (the twin has noticed a killed
    /// client).</summary>
    public async Task<int> WaitForGatewaySessionsAtMostAsync(int maxCount, TimeSpan? wait = null,
        CancellationToken cancellationToken = default) =>
        (await GetAsync<JsonElement>($"/gateway/sessions?max_count={maxCount}&wait_ms={Millis(wait)}",
            cancellationToken))
            .GetProperty("identified").GetInt32();

    /// <summary>Every WebSocket the twin's gateway has accepted since it started, identified or not.</summary>
    public async Task<int> GetGatewayConnectionCountAsync(CancellationToken cancellationToken = default) =>
        (await GetAsync<JsonElement>("/gateway/sessions", cancellationToken)).GetProperty("connections").GetInt32();

    /// <summary>A message written by a user (gateway clients get MESSAGE_CREATE).</summary>
    public Task<TwinMessage> PostUserMessageAsync(string userId, string channelId, string content,
        CancellationToken cancellationToken = default) =>
        PostAsync<TwinMessage>("/messages", new { user_id = userId, channel_id = channelId, content },
            cancellationToken);

    /// <summary>A message command (right-click a message, Apps) on <paramref name="messageId"/>.</summary>
    public Task<InteractionHandle> SendMessageCommandAsync(string userId, string channelId, string name,
        string messageId, CancellationToken cancellationToken = default) =>
        PostAsync<InteractionHandle>("/interactions/message-command",
            new { user_id = userId, channel_id = channelId, name, message_id = messageId }, cancellationToken);

    public Task<IReadOnlyList<RegisteredCommand>> WaitForCommandsAsync(int minCount, string? guildId = null,
        TimeSpan? wait = null, CancellationToken cancellationToken = default)
    {
        var guildQuery = guildId is null ? "" : $"&guild_id={guildId}";
        return GetAsync<IReadOnlyList<RegisteredCommand>>(
            $"/commands?min_count={minCount}&wait_ms={Millis(wait)}{guildQuery}", cancellationToken);
    }

    public Task<InteractionHandle> SendSlashCommandAsync(
        string userId,
        string channelId,
        string name,
        IReadOnlyList<CommandOptionInput>? options = null,
        CancellationToken cancellationToken = default) =>
        PostAsync<InteractionHandle>("/interactions/slash-command",
            new { user_id = userId, channel_id = channelId, name, options }, cancellationToken);

    public Task<InteractionHandle> SendAutocompleteAsync(
        string userId,
        string channelId,
        string name,
        IReadOnlyList<CommandOptionInput> options,
        CancellationToken cancellationToken = default) =>
        PostAsync<InteractionHandle>("/interactions/autocomplete",
            new { user_id = userId, channel_id = channelId, name, options }, cancellationToken);

    public Task<InteractionHandle> ClickButtonAsync(
        string userId,
        string channelId,
        string messageId,
        string customId,
        CancellationToken cancellationToken = default) =>
        PostAsync<InteractionHandle>("/interactions/button",
            new { user_id = userId, channel_id = channelId, message_id = messageId, custom_id = customId },
            cancellationToken);

    public Task<InteractionHandle> SelectMenuAsync(
        string userId,
        string channelId,
        string messageId,
        string customId,
        IReadOnlyList<string> values,
        CancellationToken cancellationToken = default) =>
        PostAsync<InteractionHandle>("/interactions/select",
            new { user_id = userId, channel_id = channelId, message_id = messageId, custom_id = customId, values },
            cancellationToken);

    /// <summary>The interaction's state now; not yet acknowledged when the bot has not called back.</summary>
    public Task<InteractionResponseRecord> GetInteractionResponseAsync(string interactionId,
        CancellationToken cancellationToken = default) =>
        GetAsync<InteractionResponseRecord>($"/interactions/{interactionId}", cancellationToken);

    /// <summary>Waits until the bot has answered the interaction with a callback.</summary>
    public Task<InteractionResponseRecord> WaitForInteractionResponseAsync(string interactionId, TimeSpan? wait = null,
        CancellationToken cancellationToken = default) =>
        GetAsync<InteractionResponseRecord>($"/interactions/{interactionId}?wait_ms={Millis(wait)}", cancellationToken);

    /// <summary>Waits until the callback has a message (a deferred reply gets one at its first edit) and returns that
    /// message.</summary>
    public async Task<TwinMessage> WaitForReplyMessageAsync(string interactionId, string channelId,
        TimeSpan? wait = null, CancellationToken cancellationToken = default)
    {
        var response = await GetAsync<InteractionResponseRecord>(
            $"/interactions/{interactionId}?wait_for=message&wait_ms={Millis(wait)}", cancellationToken);
        var messages = await GetMessagesAsync(channelId, cancellationToken: cancellationToken);
        return messages.SingleOrDefault(message => message.Id == response.MessageId)
            ?? throw new InvalidOperationException($"Interaction {interactionId} points at message "
                + $"{response.MessageId}, which is not in channel {channelId}.");
    }

    /// <summary>
    /// Waits until at least <paramref name="minCount"/> messages of the channel contain <paramref name="text"/>
    /// anywhere in their JSON (content, embeds, components); an edit counts as soon as it lands. Returns every message,
    /// oldest first.
    /// </summary>
    public Task<IReadOnlyList<TwinMessage>> WaitForMessagesContainingAsync(string channelId, string text,
        int minCount = 1, TimeSpan? wait = null, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<TwinMessage>>(
            $"/channels/{channelId}/messages?contains={Uri.EscapeDataString(text)}"
                + $"&min_count={minCount}&wait_ms={Millis(wait)}",
            cancellationToken);

    /// <summary>Messages in the channel, oldest first; with <paramref name="minCount"/>, waits until there are that
    /// many.</summary>
    public Task<IReadOnlyList<TwinMessage>> GetMessagesAsync(string channelId, int minCount = 0, TimeSpan? wait = null,
        CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<TwinMessage>>(
            $"/channels/{channelId}/messages?min_count={minCount}&wait_ms={(minCount == 0 ? 0 : Millis(wait))}",
            cancellationToken);

    public Task<IReadOnlyList<RecordedRequest>> GetRequestsAsync(long since = 0,
        CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<RecordedRequest>>($"/requests?since={since}", cancellationToken);

    public Task<IReadOnlyList<Violation>> GetViolationsAsync(long since = 0,
        CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<Violation>>($"/violations?since={since}", cancellationToken);

    public Task<IReadOnlyList<TwinGap>> GetTwinGapsAsync(long since = 0,
        CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<TwinGap>>($"/twin-gaps?since={since}", cancellationToken);

    /// <summary>The id of the last request recorded so far; pass it as <c>since</c> to look only at what
    /// follows.</summary>
    public async Task<long> GetLastRequestIdAsync(CancellationToken cancellationToken = default)
    {
        var requests = await GetRequestsAsync(0, cancellationToken);
        return requests.Count == 0 ? 0 : requests[^1].Id;
    }

    private static long Millis(TimeSpan? wait) => (long)(wait ?? DefaultWait).TotalMilliseconds;

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        return await ReadAsync<T>(response, path, cancellationToken);
    }

    private async Task<T> PostAsync<T>(string path, object body, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, TwinJson.Options,
            cancellationToken);
        return await ReadAsync<T>(response, path, cancellationToken);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, string path,
        CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var reason = response.StatusCode == HttpStatusCode.RequestTimeout ? "timed out" : "failed";
            throw new TwinControlException(
                response.StatusCode,
                string.Create(CultureInfo.InvariantCulture,
                    $"Control API {path} {reason} ({(int)response.StatusCode}): {text}"));
        }

        return JsonSerializer.Deserialize<T>(text, TwinJson.Options)
            ?? throw new TwinControlException(response.StatusCode, $"Control API {path} answered JSON null.");
    }

    public void Dispose() => _http.Dispose();
}

public sealed class TwinControlException(HttpStatusCode status, string message) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;
}
