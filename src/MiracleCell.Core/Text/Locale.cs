namespace MiracleCell.Core.Text;

/// <summary>The languages the bot speaks. Every user-facing text exists in each.</summary>
public enum Locale
{
    English,
    Indonesian,
}

public static class Locales
{
    public static IReadOnlyList<Locale> All { get; } = [Locale.English, Locale.Indonesian];

    /// <summary>The code used in content packs and on the command line: <c>en</c>, <c>id</c>.</summary>
    public static string Code(this Locale locale) => locale switch
    {
        Locale.Indonesian => "id",
        _ => "en",
    };

    /// <summary>
    /// Maps a Discord locale (<c>id</c>, <c>en-US</c>, <c>en-GB</c>, …) or a pack code to a bot locale;
    /// anything the bot does not speak falls back to English.
    /// </summary>
    public static Locale FromCode(string? code) =>
        code is null
            ? Locale.English
            : All.FirstOrDefault(locale => code.Equals(locale.Code(), StringComparison.OrdinalIgnoreCase)
                || code.StartsWith(locale.Code() + "-", StringComparison.OrdinalIgnoreCase), Locale.English);
}
