using System.Text.Json.Serialization;

namespace MiracleCell.Discord.Rest;

/// <summary>The REST-only answers, serialized like the wire models: snake_case, nulls left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(GatewayBotInfo))]
[JsonSerializable(typeof(CurrentApplication))]
internal sealed partial class DiscordRestJsonContext : JsonSerializerContext;
