using MiracleCell.Core.Text;

namespace MiracleCell.Core.Films;

/// <param name="Aliases">Every other spelling the sources use; name search resolves each of them.</param>
/// <param name="Summary">Spoiler-free: safe to show anyone.</param>
public sealed record Character(
    string Id,
    string Name,
    IReadOnlyList<string> Aliases,
    LocalizedText Role,
    LocalizedText Summary,
    IReadOnlyList<SourcedText> Facts,
    IReadOnlyList<Relationship> Relationships,
    IReadOnlyList<string> Sources);

/// <param name="Relation">What the other character is to this one: "daughter", "cellmate".</param>
public sealed record Relationship(string CharacterId, LocalizedText Relation, SpoilerLevel Spoiler, IReadOnlyList<string> Sources);
