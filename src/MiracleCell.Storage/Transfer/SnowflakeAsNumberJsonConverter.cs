using System.Text.Json;
using System.Text.Json.Serialization;

namespace MiracleCell.Storage.Transfer;

/// <summary>
/// Ids in a scores file: written as JSON numbers; read from a number or, as the file's other numbers may be,
/// from a string of digits.
/// </summary>
internal sealed class SnowflakeAsNumberJsonConverter : JsonConverter<Snowflake>
{
    public override Snowflake Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Number when reader.TryGetUInt64(out var value) => new Snowflake(value),
            JsonTokenType.String when Snowflake.TryParse(reader.GetString(), out var id) => id,
            // Without a message of its own, the exception is given the value's path and position.
            _ => throw new JsonException(),
        };

    public override void Write(Utf8JsonWriter writer, Snowflake value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.Value);
}
