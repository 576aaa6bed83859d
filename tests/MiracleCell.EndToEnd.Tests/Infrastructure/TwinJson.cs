using System.Text.Json;

namespace MiracleCell.EndToEnd.Tests.Infrastructure;

/// <summary>The harness speaks snake_case JSON, like Discord.</summary>
public static class TwinJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
