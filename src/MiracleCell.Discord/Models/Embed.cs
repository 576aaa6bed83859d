namespace MiracleCell.Discord.Models;

/// <summary>
/// A rich embed. Markdown (and so spoiler tags) renders in the description and field values;
/// the author name and footer render none.
/// </summary>
public sealed record Embed
{
    public string? Title { get; init; }
    public string? Type { get; init; }
    public string? Description { get; init; }
    public string? Url { get; init; }
    public int? Color { get; init; }
    public EmbedFooter? Footer { get; init; }
    public EmbedAuthor? Author { get; init; }
    public IReadOnlyList<EmbedField>? Fields { get; init; }
}

public sealed record EmbedField
{
    public required string Name { get; init; }
    public required string Value { get; init; }
    public bool? Inline { get; init; }
}

public sealed record EmbedFooter
{
    public required string Text { get; init; }
}

public sealed record EmbedAuthor
{
    public required string Name { get; init; }
}
