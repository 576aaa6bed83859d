using System.Text;
using Terminal = System.Console;

namespace MiracleCell.Bot.Console;

/// <summary>
/// A small line editor for an interactive terminal: typing, backspace, left/right, history (up/down) and
/// Tab completion from a callback. Used only when stdin is a terminal; piped input is read line by line.
/// </summary>
internal sealed class LineEditor(Func<string, IReadOnlyList<string>> complete)
{
    private readonly List<string> _history = [];

    /// <summary>The typed line, or null at end of input (Ctrl+D on an empty line).</summary>
    public string? ReadLine(string prompt)
    {
        Terminal.Write(prompt);
        var buffer = new StringBuilder();
        var cursor = 0;
        var historyIndex = _history.Count;
        while (true)
        {
            var key = Terminal.ReadKey(intercept: true);
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    Terminal.WriteLine();
                    var line = buffer.ToString();
                    if (line.Length > 0) _history.Add(line);
                    return line;
                case ConsoleKey.Backspace when cursor > 0:
                    buffer.Remove(--cursor, 1);
                    break;
                case ConsoleKey.Delete when cursor < buffer.Length:
                    buffer.Remove(cursor, 1);
                    break;
                case ConsoleKey.LeftArrow when cursor > 0:
                    cursor--;
                    break;
                case ConsoleKey.RightArrow when cursor < buffer.Length:
                    cursor++;
                    break;
                case ConsoleKey.UpArrow when historyIndex > 0:
                    Replace(buffer, _history[--historyIndex], ref cursor);
                    break;
                case ConsoleKey.DownArrow when historyIndex < _history.Count:
                    historyIndex++;
                    Replace(buffer, historyIndex < _history.Count ? _history[historyIndex] : "", ref cursor);
                    break;
                case ConsoleKey.Tab:
                    Complete(prompt, buffer, ref cursor);
                    break;
                case ConsoleKey.D when key.Modifiers.HasFlag(ConsoleModifiers.Control) && buffer.Length == 0:
                    Terminal.WriteLine();
                    return null;
                default:
                    if (!char.IsControl(key.KeyChar)) buffer.Insert(cursor++, key.KeyChar);
                    break;
            }
            Redraw(prompt, buffer, cursor);
        }
    }

    private void Complete(string prompt, StringBuilder buffer, ref int cursor)
    {
        var candidates = complete(buffer.ToString());
        if (candidates.Count == 0) return;
        if (candidates.Count == 1)
        {
            Replace(buffer, candidates[0], ref cursor);
            return;
        }
        var common = candidates.Aggregate((a, b) => a[..CommonPrefix(a, b)]);
        if (common.Length > buffer.Length) Replace(buffer, common, ref cursor);
        Terminal.WriteLine();
        foreach (var candidate in candidates) Terminal.WriteLine($"  {candidate}");
        Terminal.Write(prompt);
    }

    private static int CommonPrefix(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        return i;
    }

    private static void Replace(StringBuilder buffer, string text, ref int cursor)
    {
        buffer.Clear().Append(text);
        cursor = buffer.Length;
    }

    private static void Redraw(string prompt, StringBuilder buffer, int cursor)
    {
        Terminal.Write('\r' + prompt + buffer + " " + new string('\b', buffer.Length - cursor + 1));
    }
}
