using System.Globalization;

namespace MiracleCell.Bot.Hosting;

/// <summary>
/// Reads one setting's text as the scalar type of its options property, accepting what the configuration binder
/// accepts (invariant culture, enum names in any case or their numbers), without the binder's reflection.
/// </summary>
internal static class ScalarSetting
{
    public static bool TryConvert(string text, Type type, out object? value)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null && text.Length == 0)
        {
            value = null;
            return true;
        }
        value = Convert(text, underlying ?? type);
        return value is not null;
    }

    private static object? Convert(string text, Type type)
    {
        const NumberStyles Integer = NumberStyles.Integer;
        var culture = CultureInfo.InvariantCulture;
        if (type == typeof(string)) return text;
        if (type == typeof(int)) return int.TryParse(text, Integer, culture, out var i) ? i : null;
        if (type == typeof(long)) return long.TryParse(text, Integer, culture, out var l) ? l : null;
        if (type == typeof(ulong)) return ulong.TryParse(text, Integer, culture, out var u) ? u : null;
        if (type == typeof(double)) return double.TryParse(text, NumberStyles.Float, culture, out var d) ? d : null;
        if (type == typeof(bool)) return bool.TryParse(text, out var b) ? b : null;
        if (type == typeof(TimeSpan)) return TimeSpan.TryParse(text, culture, out var t) ? t : null;
        if (type == typeof(Uri)) return Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out var uri) ? uri : null;
        if (type.IsEnum)
            return Enum.TryParse(type, text, ignoreCase: true, out var e) && Enum.IsDefined(type, e!) ? e : null;
        throw new NotSupportedException($"Settings of type {type.Name} are not supported by the configuration check.");
    }
}
