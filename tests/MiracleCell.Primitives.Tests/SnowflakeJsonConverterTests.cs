using System.Text.Json;
using System.Text.Json.Serialization;

namespace MiracleCell.Primitives.Tests;

/// <summary>Through a source-generated context, as the published (Native AOT) build reads and writes ids.</summary>
public sealed partial class SnowflakeJsonConverterTests
{
    [Fact]
    public void An_id_is_written_as_a_string_of_digits()
    {
        var json = JsonSerializer.Serialize(new Snowflake(ulong.MaxValue), IdsJson.Default.Snowflake);

        Assert.Equal("\"18446744073709551615\"", json);
    }

    [Theory]
    [InlineData("\"175928847299117063\"")]
    [InlineData("\"\\u0031\\u0037\\u0035928847299117063\"")] // escaped digits take the slower path
    [InlineData("175928847299117063")]
    public void An_id_is_read_from_a_string_or_a_number(string json)
    {
        Assert.Equal(new Snowflake(175_928_847_299_117_063),
            JsonSerializer.Deserialize(json, IdsJson.Default.Snowflake));
    }

    [Theory]
    [InlineData("\"-1\"")]
    [InlineData("\"+1\"")]
    [InlineData("\" 1\"")]
    [InlineData("\"\"")]
    [InlineData("\"18446744073709551616\"")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("18446744073709551616")]
    [InlineData("true")]
    [InlineData("null")]
    public void Anything_else_is_refused(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, IdsJson.Default.Snowflake));
    }

    [Fact]
    public void Ids_inside_objects_and_lists_round_trip()
    {
        var holder = new Holder(new Snowflake(1), null, [new Snowflake(2), new Snowflake(ulong.MaxValue)]);

        var json = JsonSerializer.Serialize(holder, IdsJson.Default.Holder);

        Assert.Equal("""{"Id":"1","Maybe":null,"Many":["2","18446744073709551615"]}""", json);
        var back = JsonSerializer.Deserialize(json, IdsJson.Default.Holder)!;
        Assert.Equal((holder.Id, holder.Maybe), (back.Id, back.Maybe));
        Assert.Equal(holder.Many, back.Many);
    }

    internal sealed record Holder(Snowflake Id, Snowflake? Maybe, IReadOnlyList<Snowflake> Many);

    [JsonSerializable(typeof(Snowflake))]
    [JsonSerializable(typeof(Holder))]
    internal sealed partial class IdsJson : JsonSerializerContext;
}
