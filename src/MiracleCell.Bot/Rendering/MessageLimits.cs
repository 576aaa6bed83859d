using MiracleCell.Core.Text;
using MiracleCell.Discord.Models;

namespace MiracleCell.Bot.Rendering;

/// <summary>Discord's limits on one message, counted in code points, and a checker that names every breach.</summary>
internal static class MessageLimits
{
    public const int Content = 2000;
    public const int EmbedTitle = 256;
    public const int EmbedDescription = 4096;
    public const int FieldName = 256;
    public const int FieldValue = 1024;
    public const int FooterText = 2048;
    public const int AuthorName = 256;
    public const int FieldsPerEmbed = 25;
    public const int EmbedsPerMessage = 10;
    public const int EmbedTotal = 6000;
    public const int ActionRows = 5;
    public const int ButtonsPerRow = 5;
    public const int ButtonLabel = 80;
    public const int CustomId = 100;
    public const int AutocompleteChoices = 25;
    public const int ChoiceName = 100;

    /// <summary>Every way <paramref name="message"/> breaks a limit; empty when Discord would accept it.</summary>
    public static IReadOnlyList<string> Check(MessagePayload message)
    {
        var problems = new List<string>();
        void Max(string what, string? text, int limit)
        {
            if (text is not null && DiscordText.Length(text) > limit)
                problems.Add($"{what} has {DiscordText.Length(text)} code points (limit {limit})");
        }
        void Present(string what, string? text)
        {
            if (text is not null && string.IsNullOrWhiteSpace(text)) problems.Add($"{what} is empty");
        }

        Max("content", message.Content, Content);
        var embeds = message.Embeds ?? [];
        if (embeds.Count > EmbedsPerMessage) problems.Add($"{embeds.Count} embeds (limit {EmbedsPerMessage})");
        if (string.IsNullOrWhiteSpace(message.Content) && embeds.Count == 0 && (message.Components?.Count ?? 0) == 0)
            problems.Add("the message is empty");
        var total = 0;
        for (var i = 0; i < embeds.Count; i++)
        {
            var embed = embeds[i];
            Max($"embed {i} title", embed.Title, EmbedTitle);
            Max($"embed {i} description", embed.Description, EmbedDescription);
            Max($"embed {i} footer", embed.Footer?.Text, FooterText);
            Max($"embed {i} author", embed.Author?.Name, AuthorName);
            var fields = embed.Fields ?? [];
            if (fields.Count > FieldsPerEmbed)
                problems.Add($"embed {i} has {fields.Count} fields (limit {FieldsPerEmbed})");
            for (var f = 0; f < fields.Count; f++)
            {
                Max($"embed {i} field {f} name", fields[f].Name, FieldName);
                Max($"embed {i} field {f} value", fields[f].Value, FieldValue);
                Present($"embed {i} field {f} name", fields[f].Name);
                Present($"embed {i} field {f} value", fields[f].Value);
                total += DiscordText.Length(fields[f].Name) + DiscordText.Length(fields[f].Value);
            }
            total += Len(embed.Title) + Len(embed.Description) + Len(embed.Footer?.Text) + Len(embed.Author?.Name);
            if (embed.Title is null && embed.Description is null && fields.Count == 0)
                problems.Add($"embed {i} is empty");
        }
        if (total > EmbedTotal) problems.Add($"embeds total {total} code points (limit {EmbedTotal})");

        var rows = message.Components ?? [];
        if (rows.Count > ActionRows) problems.Add($"{rows.Count} action rows (limit {ActionRows})");
        var customIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var buttons = row.Components ?? [];
            if (buttons.Count is 0 or > ButtonsPerRow)
                problems.Add($"an action row has {buttons.Count} buttons (1 to {ButtonsPerRow})");
            foreach (var button in buttons)
            {
                Max("button label", button.Label, ButtonLabel);
                Max("custom_id", button.CustomId, CustomId);
                if (button.CustomId is { } id && !customIds.Add(id)) problems.Add($"custom_id '{id}' is used twice");
            }
        }
        return problems;
    }

    /// <summary>Every way a whole callback body breaks a limit (message or autocomplete choices).</summary>
    public static IReadOnlyList<string> Check(InteractionResponse response)
    {
        if (response.Data is not { } data) return [];
        if (data.Choices is { } choices)
        {
            var problems = new List<string>();
            if (choices.Count > AutocompleteChoices)
                problems.Add($"{choices.Count} choices (limit {AutocompleteChoices})");
            problems.AddRange(
                choices.Where(c => DiscordText.Length(c.Name) is 0 or > ChoiceName)
                    .Select(c => $"choice name '{c.Name}' is not 1–{ChoiceName} code points"));
            return problems;
        }
        return Check(new MessagePayload { Content = data.Content, Embeds = data.Embeds, Components = data.Components });
    }

    private static int Len(string? text) => text is null ? 0 : DiscordText.Length(text);
}
