using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MiracleCell.Discord.Models;

/// <summary>A Discord id: a 64-bit number that travels as a JSON string.</summary>
[JsonConverter(typeof(SnowflakeJsonConverter))]
public readonly record struct Snowflake(ulong Value) : IComparable<Snowflake>
{
    private const long DiscordEpochMilliseconds = 1_420_070_400_000;

    /// <summary>When Discord created the object with this id (the top 42 bits are milliseconds since 2015).</summary>
    public DateTimeOffset CreatedAt =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)(Value >> 22) + DiscordEpochMilliseconds);

    /// <summary>The smallest id Discord could have created at <paramref name="time"/>.</summary>
    public static Snowflake FromTime(DateTimeOffset time) =>
        new((ulong)(time.ToUnixTimeMilliseconds() - DiscordEpochMilliseconds) << 22);

    public static Snowflake Parse(string text) =>
        new(ulong.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture));

    public static bool TryParse(string? text, out Snowflake id)
    {
        var ok = ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value);
        id = new Snowflake(value);
        return ok;
    }

    public int CompareTo(Snowflake other) => Value.CompareTo(other.Value);

    public static bool operator <(Snowflake left, Snowflake right) => left.Value < right.Value;
    public static bool operator >(Snowflake left, Snowflake right) => left.Value > right.Value;
    public static bool operator <=(Snowflake left, Snowflake right) => left.Value <= right.Value;
    public static bool operator >=(Snowflake left, Snowflake right) => left.Value >= right.Value;

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

internal sealed class SnowflakeJsonConverter : JsonConverter<Snowflake>
{
    public override Snowflake Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String when Snowflake.TryParse(reader.GetString(), out var id) => id,
            JsonTokenType.Number when reader.TryGetUInt64(out var value) => new Snowflake(value),
            _ => throw new JsonException("A snowflake must be a string of digits."),
        };

    public override void Write(Utf8JsonWriter writer, Snowflake value, JsonSerializerOptions options)
    {
        Span<char> buffer = stackalloc char[20];
        value.Value.TryFormat(buffer, out var written, provider: CultureInfo.InvariantCulture);
        writer.WriteStringValue(buffer[..written]);
    }
}
