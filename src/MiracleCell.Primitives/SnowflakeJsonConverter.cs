using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MiracleCell;

/// <summary>
/// Discord's JSON form of an id: a string of digits (a bare number is read too). Named by the attribute on
/// <see cref="Snowflake"/>, so source-generated contexts construct it directly, without reflection.
/// </summary>
public sealed class SnowflakeJsonConverter : JsonConverter<Snowflake>
{
    public override Snowflake Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            // Discord's ids arrive unescaped in one segment: read their bytes in place, without a string.
            JsonTokenType.String when !reader.ValueIsEscaped && !reader.HasValueSequence
                && ulong.TryParse(reader.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var digits) =>
                new Snowflake(digits),
            JsonTokenType.String when Snowflake.TryParse(reader.GetString(), out var id) => id,
            JsonTokenType.Number when reader.TryGetUInt64(out var value) => new Snowflake(value),
            _ => throw new JsonException("A snowflake must be a string of digits."),
        };

    public override void Write(Utf8JsonWriter writer, Snowflake value, JsonSerializerOptions options)
    {
        Span<char> buffer = stackalloc char[20];
        value.TryFormat(buffer, out var written, default, null);
        writer.WriteStringValue(buffer[..written]);
    }
}
