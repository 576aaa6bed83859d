using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Console;

/// <summary>
/// Prints a callback body the way Discord shows it, as text: content, each embed as a titled block with its
/// fields, buttons as <c>[label]</c>. Markup (and so <c>||spoiler||</c> tags) stays literal; escapes are resolved
/// as Discord resolves them, so "\(" shows as "(".
/// </summary>
internal static class ReplyPrinter
{
    public static void Print(InteractionResponse response, TextWriter output)
    {
        var data = response.Data;
        switch (response.Type)
        {
            case InteractionCallbackType.ApplicationCommandAutocompleteResult:
                var choices = data?.Choices ?? [];
                if (choices.Count == 0) output.WriteLine("(no suggestions)");
                for (var i = 0; i < choices.Count; i++)
                    output.WriteLine($"{i + 1,2}. {choices[i].Name}  →  {choices[i].Value}");
                return;
            case InteractionCallbackType.Pong:
                output.WriteLine("(pong)");
                return;
            case InteractionCallbackType.UpdateMessage:
                output.WriteLine("(updates the message)");
                break;
        }
        if (data is null) return;
        if (data.Flags?.HasFlag(MessageFlags.Ephemeral) == true) output.WriteLine("(ephemeral: only you can see this)");
        if (!string.IsNullOrEmpty(data.Content)) output.WriteLine(Markdown.Unescape(data.Content));
        foreach (var embed in data.Embeds ?? [])
        {
            output.WriteLine(embed.Title is null ? "┌──" : $"┌── {Markdown.Unescape(embed.Title)}");
            if (embed.Author is { } author) output.WriteLine($"│ ({Markdown.Unescape(author.Name)})");
            if (embed.Description is { } description) WriteIndented(output, "│ ", description);
            foreach (var field in embed.Fields ?? [])
            {
                output.WriteLine("│");
                output.WriteLine($"│ ▸ {Markdown.Unescape(field.Name)}");
                WriteIndented(output, "│   ", field.Value);
            }
            output.WriteLine(embed.Footer is { } footer ? $"└── {Markdown.Unescape(footer.Text)}" : "└──");
        }
        var buttons = (data.Components ?? []).SelectMany(row => row.Components ?? []).ToList();
        if (buttons.Count > 0)
            output.WriteLine(
                string.Join(" ", buttons.Select(b => b.Disabled == true ? $"[{b.Label}]·" : $"[{b.Label}]")));
    }

    private static void WriteIndented(TextWriter output, string prefix, string text)
    {
        foreach (var line in Markdown.Unescape(text).Split('\n')) output.WriteLine(prefix + line);
    }
}
