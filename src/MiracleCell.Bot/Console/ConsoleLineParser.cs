using System.Text;

namespace MiracleCell.Bot.Console;

/// <summary>One console line as typed: <c>/character name:"so yang-ho"</c>, <c>/recap part:trial spoilers:true</c>,
/// <c>/cast actor:park?</c>.</summary>
/// <param name="Autocomplete">The line ended with an unquoted <c>?</c>: ask for suggestions for the last option instead
/// of running.</param>
internal sealed record ConsoleLine(string CommandName, IReadOnlyList<ConsoleOption> Options, bool Autocomplete)
{
    /// <summary>The subcommand typed after the command name (<c>/trivia start questions:5</c>), if the command has
    /// subcommands.</summary>
    public string? Subcommand { get; init; }
}

internal sealed record ConsoleOption(string Name, string Value);

/// <summary>A line the console cannot turn into an interaction; the message says how to write it.</summary>
internal sealed class ConsoleInputException(string message) : Exception(message);

/// <summary>
/// Reads the console syntax. Options are <c>name:value</c>; a value in double or single quotes may hold
/// anything (<c>\"</c> and <c>\\</c> escape inside double quotes); an unquoted value runs until the next
/// <c>name:</c> of an option the command declares, so <c>/character name:yong goo</c> works without quotes.
/// </summary>
internal static class ConsoleLineParser
{
    /// <param name="optionNames">The options a command declares, or null when the command is unknown.</param>
    public static ConsoleLine Parse(string line, Func<string, IReadOnlyCollection<string>?> optionNames)
    {
        var text = line.Trim();
        if (!text.StartsWith('/'))
            throw new ConsoleInputException("Start with a command, e.g. /film or /character name:yong-goo (type "
                + "/help to list them).");

        var position = 1;
        string name;
        if (position < text.Length && text[position] is '"' or '\'')
        {
            name = ReadQuoted(text, ref position);
        }
        else
        {
            var end = position;
            while (end < text.Length && !char.IsWhiteSpace(text[end])) end++;
            name = text[position..end];
            position = end;
        }
        if (name.Length == 0) throw new ConsoleInputException("A command name must follow '/', e.g. /recap.");

        var declared = optionNames(name);
        var options = new List<ConsoleOption>();
        var autocomplete = false;
        while (true)
        {
            SkipSpaces(text, ref position);
            if (position >= text.Length) break;
            if (text[position] == '?' && position == text.Length - 1)
            {
                autocomplete = true;
                break;
            }
            var colon = KeyEnd(text, position);
            if (colon < 0)
            {
                var word = text[position..].Split(' ', 2)[0];
                throw new ConsoleInputException($"Expected name:value but found '{word}'. Write options as name:value, "
                    + "e.g. name:\"so yang-ho\".");
            }
            var key = text[position..colon];
            position = colon + 1;
            string value;
            if (position < text.Length && text[position] is '"' or '\'')
            {
                value = ReadQuoted(text, ref position);
                if (position < text.Length && !char.IsWhiteSpace(text[position])
                    && !(text[position] == '?' && position == text.Length - 1))
                    throw new ConsoleInputException($"Put a space after the closing quote of {key}.");
            }
            else
            {
                value = ReadBare(text, ref position, declared);
                if (value.EndsWith('?') && position >= text.Length)
                {
                    value = value[..^1].TrimEnd();
                    autocomplete = true;
                }
            }
            if (options.Any(o => o.Name == key))
                throw new ConsoleInputException($"{key} is given twice; give each option once.");
            options.Add(new ConsoleOption(key, value));
        }
        return new ConsoleLine(name, options, autocomplete);
    }

    // The index of the ':' ending an option name at `start`, or -1 when the text there is not `name:`.
    private static int KeyEnd(string text, int start)
    {
        var i = start;
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '-')) i++;
        return i > start && i < text.Length && text[i] == ':' ? i : -1;
    }

    private static string ReadBare(string text, ref int position, IReadOnlyCollection<string>? declared)
    {
        var start = position;
        while (position < text.Length)
        {
            if (char.IsWhiteSpace(text[position]))
            {
                var next = position;
                SkipSpaces(text, ref next);
                var colon = next < text.Length ? KeyEnd(text, next) : -1;
                var isKey = colon >= 0 && (declared is null || declared.Contains(text[next..colon]));
                if (next >= text.Length || isKey) break;
            }
            position++;
        }
        return text[start..position].Trim();
    }

    private static string ReadQuoted(string text, ref int position)
    {
        var quote = text[position++];
        var value = new StringBuilder();
        while (position < text.Length)
        {
            var c = text[position++];
            if (c == quote) return value.ToString();
            if (c == '\\' && quote == '"' && position < text.Length && text[position] is '"' or '\\')
                c = text[position++];
            value.Append(c);
        }
        throw new ConsoleInputException($"A value starting with {quote} has no closing {quote}.");
    }

    private static void SkipSpaces(string text, ref int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position])) position++;
    }
}
