namespace MiracleCell.Core.Text;

/// <summary>One text in every language the bot speaks.</summary>
public sealed record LocalizedText(string En, string Id)
{
    public string this[Locale locale] => locale == Locale.Indonesian ? Id : En;

    /// <summary>For texts that are the same in every language (names, titles).</summary>
    public static LocalizedText Same(string text) => new(text, text);
}
