using System.Globalization;

namespace MiracleCell.Primitives.Tests;

public sealed class SnowflakeTests
{
    [Theory]
    [InlineData("0", 0UL)]
    [InlineData("175928847299117063", 175_928_847_299_117_063UL)]
    [InlineData("18446744073709551615", ulong.MaxValue)]
    public void Parse_reads_the_digits_of_an_id(string text, ulong value)
    {
        Assert.Equal(new Snowflake(value), Snowflake.Parse(text));
        Assert.True(Snowflake.TryParse(text, out var id));
        Assert.Equal(value, id.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("+1")]
    [InlineData("-1")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("1,000")]
    [InlineData("1_000")]
    [InlineData("0x10")]
    [InlineData("١٢")] // Arabic-Indic digits
    [InlineData("18446744073709551616")] // one past the largest id
    public void Parse_refuses_signs_spaces_separators_and_numbers_out_of_range(string text)
    {
        Assert.False(Snowflake.TryParse(text, out _));
        var error = Assert.Throws<FormatException>(() => Snowflake.Parse(text));
        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_refuses_null()
    {
        Assert.False(Snowflake.TryParse((string?)null, out var id));
        Assert.Equal(default, id);
    }

    [Theory]
    [InlineData(0UL, 0L)]
    [InlineData(1UL, 1L)]
    [InlineData(9_223_372_036_854_775_807UL, long.MaxValue)]
    [InlineData(9_223_372_036_854_775_808UL, long.MinValue)]
    [InlineData(ulong.MaxValue, -1L)]
    public void The_stored_form_keeps_all_64_bits_and_comes_back_unchanged(ulong value, long stored)
    {
        var id = new Snowflake(value);

        Assert.Equal(stored, id.ToInt64());
        Assert.Equal(id, Snowflake.FromInt64(id.ToInt64()));
    }

    [Fact]
    public void Ids_order_as_unsigned_numbers_even_where_their_stored_form_is_negative()
    {
        Snowflake small = new(1), middle = new((ulong)long.MaxValue), large = new(ulong.MaxValue);

        Assert.Equal([small, middle, large], new[] { large, small, middle }.Order());
        Assert.True(small < large && large > middle && middle <= large && middle >= small);
        Assert.True(large.CompareTo(small) > 0);
        Assert.True(large.ToInt64() < small.ToInt64());
    }

    [Fact]
    public void An_id_formats_as_its_digits_whatever_the_format_or_culture()
    {
        var id = new Snowflake(1_234_567);

        Assert.Equal("1234567", id.ToString());
        Assert.Equal("<@1234567>", $"<@{id}>");
        Assert.Equal("1234567", id.ToString("N0", new NumberFormatInfo { NumberGroupSeparator = "." }));
        Assert.Equal("1234567", string.Create(CultureInfo.InvariantCulture, $"{id:X}"));
    }

    [Fact]
    public void TryFormat_says_when_the_destination_is_too_small()
    {
        var id = new Snowflake(ulong.MaxValue);
        Span<char> small = stackalloc char[19];
        Span<char> enough = stackalloc char[20];

        Assert.False(id.TryFormat(small, out _, default, null));
        Assert.True(id.TryFormat(enough, out var written, default, null));
        Assert.Equal("18446744073709551615", enough[..written].ToString());
    }

    [Fact]
    public void The_creation_time_round_trips_through_FromTime_to_the_millisecond()
    {
        var time = new DateTimeOffset(2024, 5, 10, 20, 15, 30, 123, TimeSpan.Zero);

        Assert.Equal(time, Snowflake.FromTime(time).CreatedAt);
        Assert.Equal(new DateTimeOffset(2015, 1, 1, 0, 0, 0, TimeSpan.Zero), new Snowflake(0).CreatedAt);
    }
}
