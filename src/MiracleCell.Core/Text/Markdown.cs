using System.Text;

namespace MiracleCell.Core.Text;

/// <summary>Makes text safe to put into a Discord message and wraps it in spoiler tags.</summary>
public static class Markdown
{
    // Characters that open or close markdown anywhere in a line: emphasis, strike, spoilers, code,
    // masked links, quotes, headers, mentions, timestamps and custom emoji (the last three start with '<').
    private const string AlwaysEscaped = "\\*_~|`[]()<>#@";

    /// <summary>
    /// Escapes everything Discord's markdown could read, so the text shows as typed: it cannot close a
    /// spoiler tag early, format itself, quote, make a header or subtext, link, or mention anyone.
    /// Hyphens and list numbers are escaped only at the start of a line, where they would make a list
    /// or subtext, so names such as "Yong-gu" stay readable.
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 8);
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (AlwaysEscaped.Contains(c, StringComparison.Ordinal) || (lineStart && c is '-' or '+'))
            {
                builder.Append('\\');
            }
            else if (lineStart && char.IsAsciiDigit(c) && NumberedListMarker(text, i) is var end && end > i)
            {
                // "1. item" would become a numbered list: escape the dot after the number.
                builder.Append(text, i, end - i).Append("\\.");
                i = end;
                lineStart = false;
                continue;
            }

            builder.Append(c);
            if (c == '\n') lineStart = true;
            else if (c is not (' ' or '\t')) lineStart = false;
        }
        return builder.ToString();
    }

    /// <summary>Hides already-safe markdown behind a spoiler tag; empty text stays empty (Discord shows "||||"
    /// literally).</summary>
    public static string Spoiler(string safeMarkdown)
    {
        ArgumentNullException.ThrowIfNull(safeMarkdown);
        return safeMarkdown.Length == 0 ? "" : $"||{safeMarkdown}||";
    }

    /// <summary>Escapes user or content text and hides it behind a spoiler tag it cannot break out of.</summary>
    public static string SpoilerEscaped(string text) => Spoiler(Escape(text));

    /// <summary>
    /// Drops the backslash from each escaped punctuation mark, as Discord does when it shows a message; the markup
    /// itself (<c>**bold**</c>, <c>||spoiler||</c>) is kept. For showing a reply as plain text, e.g. on a console.
    /// </summary>
    public static string Unescape(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (!markdown.Contains('\\', StringComparison.Ordinal)) return markdown;
        var builder = new StringBuilder(markdown.Length);
        for (var i = 0; i < markdown.Length; i++)
        {
            if (markdown[i] == '\\' && i + 1 < markdown.Length && IsAsciiPunctuation(markdown[i + 1])) i++;
            builder.Append(markdown[i]);
        }
        return builder.ToString();
    }

    private static bool IsAsciiPunctuation(char c) => char.IsAscii(c) && (char.IsPunctuation(c) || char.IsSymbol(c));

    // The index of the '.' in "12. " at `start`, or -1 when the digits are not a list marker.
    private static int NumberedListMarker(string text, int start)
    {
        var i = start;
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        return i < text.Length && text[i] == '.' && (i + 1 == text.Length || text[i + 1] is ' ' or '\t') ? i : -1;
    }
}
