namespace MiracleCell.Discord.Models;

/// <summary>A message component: an action row holding buttons, or a button.</summary>
public sealed record Component
{
    public required ComponentType Type { get; init; }
    public IReadOnlyList<Component>? Components { get; init; }
    public ButtonStyle? Style { get; init; }
    public string? Label { get; init; }
    public string? CustomId { get; init; }
    public string? Url { get; init; }
    public bool? Disabled { get; init; }

    public static Component ActionRow(params IReadOnlyList<Component> children) =>
        new() { Type = ComponentType.ActionRow, Components = children };

    public static Component Button(string label, string customId, ButtonStyle style = ButtonStyle.Secondary,
        bool disabled = false) =>
        new() { Type = ComponentType.Button, Label = label, CustomId = customId, Style = style,
            Disabled = disabled ? true : null };
}

public enum ComponentType
{
    ActionRow = 1,
    Button = 2,
    StringSelect = 3,
    TextInput = 4,
}

public enum ButtonStyle
{
    Primary = 1,
    Secondary = 2,
    Success = 3,
    Danger = 4,
    Link = 5,
}
