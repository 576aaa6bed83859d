using System.Text.Json;
using MiracleCell.Discord.Models;

namespace MiracleCell.Discord.Gateway;

/// <summary>One dispatch (op 0) as the gateway delivered it: event name, sequence number and raw data.</summary>
/// <param name="EventName">E.g. <c>INTERACTION_CREATE</c>, <c>READY</c>, <c>RESUMED</c>.</param>
/// <param name="Sequence">Discord's sequence number for this event within the session.</param>
/// <param name="Data">The event's <c>d</c>; owned by this record, safe to keep.</param>
public sealed record GatewayDispatch(string EventName, long? Sequence, JsonElement Data);

/// <summary>What READY tells the bot about its session.</summary>
public sealed record GatewayReady
{
    public required string SessionId { get; init; }
    public required Uri ResumeGatewayUrl { get; init; }
    /// <summary>The application's id: needed for interaction follow-ups and command registration.</summary>
    public required Snowflake ApplicationId { get; init; }
    public User? User { get; init; }
    /// <summary>[shard id, shard count] when Discord sent it.</summary>
    public IReadOnlyList<int>? Shard { get; init; }

    internal static GatewayReady? TryParse(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty("session_id", out var sessionId) || sessionId.ValueKind != JsonValueKind.String
            || !data.TryGetProperty("resume_gateway_url", out var resumeUrl)
            || resumeUrl.ValueKind != JsonValueKind.String
            || !Uri.TryCreate(resumeUrl.GetString(), UriKind.Absolute, out var resumeUri)
            || !data.TryGetProperty("application", out var application) || application.ValueKind != JsonValueKind.Object
            || !application.TryGetProperty("id", out var applicationId)
            || !Snowflake.TryParse(
                applicationId.ValueKind == JsonValueKind.String
                    ? applicationId.GetString()
                    : applicationId.GetRawText(),
                out var appId))
        {
            return null;
        }

        User? user = null;
        if (data.TryGetProperty("user", out var userElement) && userElement.ValueKind == JsonValueKind.Object)
        {
            try { user = userElement.Deserialize(DiscordJsonContext.Default.User); }
            catch (JsonException) { user = null; }
        }

        int[]? shard = null;
        if (data.TryGetProperty("shard", out var shardElement) && shardElement.ValueKind == JsonValueKind.Array
            && shardElement.GetArrayLength() == 2
            && shardElement[0].TryGetInt32(out var shardId) && shardElement[1].TryGetInt32(out var shardCount))
        {
            shard = [shardId, shardCount];
        }

        return new GatewayReady
        {
            SessionId = sessionId.GetString()!,
            ResumeGatewayUrl = resumeUri,
            ApplicationId = appId,
            User = user,
            Shard = shard,
        };
    }
}
