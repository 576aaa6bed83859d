using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace MiracleCell.Discord.Models;

/// <summary>The body of <c>POST /interactions/{id}/{token}/callback</c>.</summary>
public sealed record InteractionResponse
{
    // The JSON of a kept response (see Kept), serialized once; never copied by `with`, not part of equality.
    private byte[]? _keptBody;

    public InteractionResponse()
    {
    }

    [SetsRequiredMembers]
    private InteractionResponse(InteractionResponse original)
    {
        Type = original.Type;
        Data = original.Data;
    }

    public required InteractionCallbackType Type { get; init; }
    public InteractionCallbackData? Data { get; init; }

    /// <summary>
    /// A copy whose JSON body is serialized now and sent as it is every time the copy is sent: for a reply that
    /// is given again and again unchanged. The lists it holds must not change afterwards. A copy made from it with
    /// <c>with</c> is serialized afresh.
    /// </summary>
    public InteractionResponse Kept()
    {
        var kept = new InteractionResponse(this);
        kept._keptBody = JsonSerializer.SerializeToUtf8Bytes(kept, DiscordJsonContext.Default.InteractionResponse);
        return kept;
    }

    /// <summary>The body serialized by <see cref="Kept"/>; null for any other response.</summary>
    internal byte[]? KeptBody => _keptBody;

    public bool Equals(InteractionResponse? other) =>
        other is not null && Type == other.Type && EqualityComparer<InteractionCallbackData?>.Default.Equals(Data,
            other.Data);

    public override int GetHashCode() => HashCode.Combine(Type, Data);
}

public enum InteractionCallbackType
{
    Pong = 1,
    ChannelMessageWithSource = 4,
    DeferredChannelMessageWithSource = 5,
    DeferredUpdateMessage = 6,
    UpdateMessage = 7,
    ApplicationCommandAutocompleteResult = 8,
}

/// <summary>
/// The callback's <c>data</c>: message fields for types 4, 5 and 7, <see cref="Choices"/> for type 8.
/// </summary>
public sealed record InteractionCallbackData
{
    public string? Content { get; init; }
    public IReadOnlyList<Embed>? Embeds { get; init; }
    public IReadOnlyList<Component>? Components { get; init; }
    public AllowedMentions? AllowedMentions { get; init; }
    public MessageFlags? Flags { get; init; }
    public IReadOnlyList<ApplicationCommandOptionChoice>? Choices { get; init; }

    public static InteractionCallbackData FromMessage(MessagePayload message) => new()
    {
        Content = message.Content,
        Embeds = message.Embeds,
        Components = message.Components,
        AllowedMentions = message.AllowedMentions,
        Flags = message.Flags,
    };
}
