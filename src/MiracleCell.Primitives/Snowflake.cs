using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;

namespace MiracleCell;

/// <summary>
/// A Discord id (guild, channel, user, message, interaction, application): a 64-bit number that travels as a JSON
/// string. A struct, so it costs what a <see cref="ulong"/> costs; it formats without boxing.
/// </summary>
[JsonConverter(typeof(SnowflakeJsonConverter))]
public readonly record struct Snowflake(ulong Value) : IComparable<Snowflake>, ISpanFormattable
{
    private const long DiscordEpochMilliseconds = 1_420_070_400_000;

    /// <summary>When Discord created the object with this id (the top 42 bits are milliseconds since 2015).</summary>
    public DateTimeOffset CreatedAt =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)(Value >> 22) + DiscordEpochMilliseconds);

    /// <summary>The smallest id Discord could have created at <paramref name="time"/>.</summary>
    public static Snowflake FromTime(DateTimeOffset time) =>
        new((ulong)(time.ToUnixTimeMilliseconds() - DiscordEpochMilliseconds) << 22);

    /// <summary>
    /// The id as the stores keep it, in a signed 64-bit column: the same 64 bits, so ids above
    /// <see cref="long.MaxValue"/> are stored negative and come back unchanged through <see cref="FromInt64"/>.
    /// </summary>
    public long ToInt64() => unchecked((long)Value);

    /// <summary>The id a store kept with <see cref="ToInt64"/>.</summary>
    public static Snowflake FromInt64(long stored) => new(unchecked((ulong)stored));

    /// <summary>Reads digits only: no sign, no spaces, no separators, as Discord writes ids.</summary>
    /// <exception cref="FormatException">The text is not an id.</exception>
    public static Snowflake Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a Discord id: digits only.");

    /// <inheritdoc cref="Parse(string)"/>
    public static bool TryParse([NotNullWhen(true)] string? text, out Snowflake id) =>
        TryParse(text.AsSpan(), out id) && text is not null;

    /// <inheritdoc cref="Parse(string)"/>
    public static bool TryParse(ReadOnlySpan<char> text, out Snowflake id)
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

    /// <summary>The decimal digits whatever the format and culture asked for: an id has one spelling.</summary>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <inheritdoc cref="ToString(string?, IFormatProvider?)"/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format,
        IFormatProvider? provider) =>
        Value.TryFormat(destination, out charsWritten, default, CultureInfo.InvariantCulture);
}
