using MiracleCell.Core.Text;

namespace MiracleCell.Core.Films;

/// <summary>One part of the recap, in film order, from the premise to the epilogue; <paramref name="Order"/> counts from 1.</summary>
/// <param name="Aliases">Other words a user may type for the part ("start", "verdict").</param>
/// <param name="Spoiler">The highest spoiler level of the part's beats.</param>
public sealed record RecapPart(
    string Id,
    int Order,
    LocalizedText Title,
    IReadOnlyList<string> Aliases,
    SpoilerLevel Spoiler,
    IReadOnlyList<SourcedText> Beats);
