using MiracleCell.Core.Text;

namespace MiracleCell.Core.Films;

/// <summary>One part of the recap, in film order, from the premise to the epilogue; <paramref name="Order"/> counts
/// from 1.</summary>
/// <param name="Id">Spoiler-free, e.g. <c>part-15</c>: ids are shown before anyone clicks.</param>
/// <param name="Title">
/// May give the part away: shown only inside a spoiler tag or once the club is past the part.
/// </param>
/// <param name="Aliases">Other spoiler-free words a user may type for the part ("start", "backpack").</param>
/// <param name="Spoiler">The highest spoiler level of the part's beats.</param>
public sealed record RecapPart(
    string Id,
    int Order,
    LocalizedText Title,
    IReadOnlyList<string> Aliases,
    SpoilerLevel Spoiler,
    IReadOnlyList<SourcedText> Beats)
{
    /// <summary>
    /// Words and phrases, in every language, that give the part away; never shown outside a spoiler tag.
    /// </summary>
    public IReadOnlyList<string> GiveAwayWords { get; init; } = [];
}
