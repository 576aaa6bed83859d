using MiracleCell.Core.Text;

namespace MiracleCell.Core.Films;

/// <summary>The film record: titles, production facts, premise, remakes and the pack's sources.</summary>
public sealed record Film(
    string Id,
    FilmTitles Titles,
    int Year,
    DateOnly ReleaseDate,
    int RuntimeMinutes,
    LocalizedText Country,
    string Director,
    IReadOnlyList<LocalizedText> Genres,
    SourcedText Premise,
    IReadOnlyList<SourcedText> Facts,
    IReadOnlyList<Remake> Remakes,
    IReadOnlyList<SourceDocument> Sources,
    IReadOnlyList<string> ReleaseSources);

/// <param name="Original">The title in the original language, e.g. 7번방의 선물.</param>
/// <param name="OriginalMeaning">What the original title means, in each language.</param>
public sealed record FilmTitles(LocalizedText Display, string Original, string OriginalRomanized,
    LocalizedText OriginalMeaning);

public sealed record Remake(
    LocalizedText Country,
    int Year,
    string Title,
    string? Director,
    LocalizedText? Note,
    IReadOnlyList<string> Sources);

/// <summary>A document the pack's facts come from.</summary>
/// <param name="Kind">seed (one of the four source documents) or extra (a public page cited for a single fact).</param>
/// <param name="Language">The document's language code, e.g. <c>en</c> or <c>id</c>.</param>
public sealed record SourceDocument(string Id, string Kind, string Language, string Title, string? File, string? Url);

/// <summary>A fact in every language, where it comes from, and how much it gives away.</summary>
/// <param name="Disputed">The sources disagree; the text says so and names each of them.</param>
/// <param name="Reveals">The id of the recap part that reveals the fact; null for spoiler-free facts and recap beats
/// (a beat is revealed by its own part).</param>
public sealed record SourcedText(
    LocalizedText Text,
    IReadOnlyList<string> Sources,
    SpoilerLevel Spoiler,
    bool Disputed = false,
    string? Reveals = null);
