using System.Security.Cryptography;
using System.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Discord.Rest;

/// <summary>
/// One request's route: the template that is safe to log, the concrete path, the major resource that scopes
/// its rate-limit bucket and, for interaction-token routes, the token that must never be logged (nor kept as a key).
/// </summary>
internal sealed record DiscordRoute
{
    private string? _routeKey;

    public static readonly HttpRequestOptionsKey<DiscordRoute> OptionKey = new("MiracleCell.Discord.Route");

    public required HttpMethod Method { get; init; }

    /// <summary>E.g. <c>/channels/{channel_id}/messages</c>: no ids, no tokens.</summary>
    public required string Template { get; init; }

    /// <summary>Relative to the API base URL, e.g. <c>channels/123/messages</c>. Never log it.</summary>
    public required string Path { get; init; }

    /// <summary>
    /// The top-level resource (channel, guild, webhook + a digest of its token) that scopes the bucket.
    /// Never the token itself: the limiter keeps this as a key.
    /// </summary>
    public required string MajorId { get; init; }

    /// <summary>How long this route's bucket is worth keeping once its request is answered.</summary>
    public BucketLifetime BucketLifetime { get; init; } = BucketLifetime.Shared;

    /// <summary>The interaction token in the path, when there is one; it replaces the bot token for auth.</summary>
    public string? InteractionToken { get; init; }

    /// <summary>Interaction callbacks and follow-ups are not bound to the global 50 requests/s limit.</summary>
    public bool UsesBotToken => InteractionToken is null;

    public bool ExemptFromGlobalLimit => InteractionToken is not null;

    /// <summary>
    /// Whether a 5xx or a lost answer may be retried: POST creates something (a message, an interaction callback)
    /// and Discord may already have done it, so only a 429 (Discord said it did nothing) repeats a POST.
    /// </summary>
    public bool IsRepeatable => Method != HttpMethod.Post;

    /// <summary>The bucket key until Discord names the bucket: method + template + major id.</summary>
    public string RouteKey => _routeKey ??= $"{Method.Method} {Template} {MajorId}";

    public override string ToString() => $"{Method.Method} {Template}";

    public static DiscordRoute InteractionCallback(Snowflake interactionId, string token) => new()
    {
        Method = HttpMethod.Post,
        Template = "/interactions/{interaction_id}/{interaction_token}/callback",
        Path = $"interactions/{interactionId}/{Escape(token)}/callback",
        MajorId = $"interaction:{interactionId}",
        InteractionToken = token,
        BucketLifetime = BucketLifetime.SingleRequest,
    };

    public static DiscordRoute OriginalResponse(HttpMethod method, Snowflake applicationId, string token) => new()
    {
        Method = method,
        Template = "/webhooks/{application_id}/{interaction_token}/messages/@original",
        Path = $"webhooks/{applicationId}/{Escape(token)}/messages/@original",
        MajorId = $"webhook:{applicationId}:{TokenDigest(token)}",
        InteractionToken = token,
        BucketLifetime = BucketLifetime.WhileTokenInUse,
    };

    public static DiscordRoute Followup(Snowflake applicationId, string token) => new()
    {
        Method = HttpMethod.Post,
        Template = "/webhooks/{application_id}/{interaction_token}",
        Path = $"webhooks/{applicationId}/{Escape(token)}",
        MajorId = $"webhook:{applicationId}:{TokenDigest(token)}",
        InteractionToken = token,
        BucketLifetime = BucketLifetime.WhileTokenInUse,
    };

    public static DiscordRoute ChannelMessages(Snowflake channelId) => new()
    {
        Method = HttpMethod.Post,
        Template = "/channels/{channel_id}/messages",
        Path = $"channels/{channelId}/messages",
        MajorId = $"channel:{channelId}",
    };

    public static DiscordRoute ChannelMessage(HttpMethod method, Snowflake channelId, Snowflake messageId) => new()
    {
        Method = method,
        Template = "/channels/{channel_id}/messages/{message_id}",
        Path = $"channels/{channelId}/messages/{messageId}",
        MajorId = $"channel:{channelId}",
    };

    public static DiscordRoute GlobalCommands(HttpMethod method, Snowflake applicationId) => new()
    {
        Method = method,
        Template = "/applications/{application_id}/commands",
        Path = $"applications/{applicationId}/commands",
        MajorId = $"application:{applicationId}",
    };

    public static DiscordRoute GuildCommands(HttpMethod method, Snowflake applicationId, Snowflake guildId) => new()
    {
        Method = method,
        Template = "/applications/{application_id}/guilds/{guild_id}/commands",
        Path = $"applications/{applicationId}/guilds/{guildId}/commands",
        MajorId = $"guild:{guildId}",
    };

    public static DiscordRoute GatewayBot() => new()
    {
        Method = HttpMethod.Get,
        Template = "/gateway/bot",
        Path = "gateway/bot",
        MajorId = "",
    };

    public static DiscordRoute CurrentApplication() => new()
    {
        Method = HttpMethod.Get,
        Template = "/applications/@me",
        Path = "applications/@me",
        MajorId = "",
    };

    /// <summary>
    /// 128 bits of the token's SHA-256: tells one interaction's webhook bucket from another's without keeping a
    /// secret of several hundred characters as a dictionary key.
    /// </summary>
    private static string TokenDigest(string token)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        var length = Encoding.UTF8.GetMaxByteCount(token.Length);
        var utf8 = length <= 1024 ? stackalloc byte[length] : new byte[length];
        SHA256.HashData(utf8[..Encoding.UTF8.GetBytes(token, utf8)], hash);
        return Convert.ToHexString(hash[..16]);
    }

    private static string Escape(string token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new ArgumentException("The interaction token is empty; pass the token of the "
                + "interaction being answered.", nameof(token));
        }

        return Uri.EscapeDataString(token);
    }
}
