using MiracleCell.Core.Text;

namespace MiracleCell.Core.Films;

/// <param name="Aliases">Every other spoiler-free spelling the sources use; name search resolves each of them.</param>
/// <param name="Summary">Spoiler-free: safe to show anyone.</param>
public sealed record Character(
    string Id,
    string Name,
    IReadOnlyList<string> Aliases,
    LocalizedText Role,
    LocalizedText Summary,
    IReadOnlyList<SourcedText> Facts,
    IReadOnlyList<Relationship> Relationships,
    IReadOnlyList<string> Sources)
{
    /// <summary>Names that give something away ("villain"): searchable, but shown only behind a spoiler tag.</summary>
    public IReadOnlyList<SpoilerAlias> SpoilerAliases { get; init; } = [];
}

/// <param name="Reveals">The id of the recap part that reveals why the name fits.</param>
public sealed record SpoilerAlias(string Name, SpoilerLevel Spoiler, string Reveals);

/// <param name="Reveals">The id of the recap part that reveals the relationship; null when it is spoiler-free.</param>
/// <param name="Relation">What the other character is to this one: "daughter", "cellmate".</param>
public sealed record Relationship(
    string CharacterId,
    LocalizedText Relation,
    SpoilerLevel Spoiler,
    IReadOnlyList<string> Sources,
    string? Reveals = null);
