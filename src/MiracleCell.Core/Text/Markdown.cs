using System.Text;

namespace MiracleCell.Core.Text;

/// <summary>Makes text safe to put into a Discord message and wraps it in spoiler tags.</summary>
public static class Markdown
{
    private const string Special = "\\*_~|`>#-[]()<:@";

    /// <summary>Escapes every character Discord's markdown could read, so the text shows as typed.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (Special.Contains(c, StringComparison.Ordinal)) builder.Append('\\');
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>Hides already-safe markdown behind a spoiler tag.</summary>
    public static string Spoiler(string safeMarkdown) => $"||{safeMarkdown}||";
}
