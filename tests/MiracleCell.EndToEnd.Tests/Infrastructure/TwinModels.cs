using System.Text.Json;

namespace MiracleCell.EndToEnd.Tests.Infrastructure;

public sealed record TwinState(
    string BotToken,
    string ApplicationId,
    string BotUserId,
    string GuildId,
    IReadOnlyList<TwinGuild> Guilds,
    IReadOnlyList<TwinUser> Users)
{
    public TwinGuild DefaultGuild => Guilds.Single(guild => guild.Id == GuildId);

    public IEnumerable<TwinUser> People => Users.Where(user => !user.Bot);
}

public sealed record TwinGuild(string Id, string Name, IReadOnlyList<TwinChannel> Channels);

public sealed record TwinChannel(string Id, string Name, int Type, string? GuildId = null);

public sealed record TwinUser(string Id, string Username, bool Bot, string? GuildId = null);

/// <summary>An interaction the twin sent to the gateway: its id and webhook token.</summary>
public sealed record InteractionHandle(string Id, string Token);

/// <summary>What the bot answered to an interaction (the callback), as the twin stored it.</summary>
public sealed record InteractionResponseRecord(
    string InteractionId,
    string InteractionToken,
    string ChannelId,
    bool Acknowledged,
    int? Type,
    string? MessageId,
    JsonElement? Data);

/// <summary>An option of a simulated slash command; <see cref="Focused"/> marks the one being autocompleted.</summary>
public sealed record CommandOptionInput(
    string Name,
    int Type,
    object? Value = null,
    IReadOnlyList<CommandOptionInput>? Options = null,
    bool? Focused = null)
{
    public const int SubCommand = 1;
    public const int String = 3;
    public const int Integer = 4;
    public const int Boolean = 5;

    public static CommandOptionInput Text(string name, string value, bool focused = false) =>
        new(name, String, value, Focused: focused ? true : null);
}

public sealed record TwinAuthor(string Id, string Username, bool Bot);

public sealed record TwinMessage(
    string Id,
    string ChannelId,
    TwinAuthor Author,
    string Content,
    IReadOnlyList<JsonElement> Embeds,
    IReadOnlyList<JsonElement>? Components = null,
    int Flags = 0,
    string? WebhookId = null,
    string? EditedTimestamp = null)
{
    public const int EphemeralFlag = 1 << 6;

    public bool IsEphemeral => (Flags & EphemeralFlag) != 0;

    /// <summary>The content plus every embed's title, description and field text, for assertions on what a user
    /// sees.</summary>
    public string VisibleText()
    {
        var parts = new List<string> { Content };
        foreach (var embed in Embeds)
        {
            foreach (var property in new[] { "title", "description" })
            {
                if (embed.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    parts.Add(value.GetString()!);
                }
            }

            if (embed.TryGetProperty("fields", out var fields) && fields.ValueKind == JsonValueKind.Array)
            {
                foreach (var field in fields.EnumerateArray())
                {
                    parts.Add(field.GetProperty("name").GetString() ?? "");
                    parts.Add(field.GetProperty("value").GetString() ?? "");
                }
            }
        }

        return string.Join('\n', parts);
    }
}

public sealed record RegisteredCommand(string Id, string? GuildId, string Name, string Description, int Type,
    JsonElement Options);

public sealed record RecordedRequest(
    long Id,
    string Method,
    string Path,
    string Query,
    string? OperationId,
    string? Template,
    int? Status,
    JsonElement? Body);

public sealed record ViolationDetail(
    string Message,
    string? InstancePath = null,
    string? SchemaPath = null,
    string? Keyword = null);

/// <summary>A request the bot sent that Discord would reject or that breaks a documented rule.</summary>
public sealed record Violation(
    long RequestId,
    string Method,
    string Path,
    string? OperationId,
    string Kind,
    IReadOnlyList<ViolationDetail> Errors)
{
    public override string ToString() =>
        $"#{RequestId} {Method} {Path} ({OperationId ?? "unknown operation"}) {Kind}: "
        + string.Join("; ", Errors.Select(error => $"{error.InstancePath} {error.Message}".Trim()));
}

/// <summary>A Discord operation the twin does not implement (it answered a bare 404).</summary>
public sealed record TwinGap(long RequestId, string Method, string Path, string? OperationId);
