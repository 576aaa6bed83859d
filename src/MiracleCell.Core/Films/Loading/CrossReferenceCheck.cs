using MiracleCell.Core.Search;

namespace MiracleCell.Core.Films.Loading;

/// <summary>After every file is read: each cited source and named character must be declared.</summary>
internal static class CrossReferenceCheck
{
    private const int KnownIdsShown = 8;

    /// <param name="sourcesRead">film.yaml could be read; otherwise every source would look unknown.</param>
    /// <param name="charactersRead">characters.yaml could be read.</param>
    /// <param name="partsRead">recap.yaml could be read.</param>
    public static void Run(PackReferences references, bool sourcesRead, bool charactersRead, bool partsRead)
    {
        if (partsRead)
        {
            Check(references.Parts, references.DeclaredParts, "recap.yaml declares no such part");
            CheckNotFirstPart(references);
        }
        if (sourcesRead)
            Check(references.Sources, references.DeclaredSources, "film.yaml declares no such source");
        if (charactersRead)
            Check(references.Characters, references.DeclaredCharacters, "characters.yaml declares no such character");
    }

    /// <summary>The first part is the spoiler-free premise: a spoiler cannot come out there.</summary>
    private static void CheckNotFirstPart(PackReferences references)
    {
        if (references.DeclaredParts.IsEmpty) return;
        var first = references.DeclaredParts.Ids[0];
        foreach (var mention in references.Parts.Where(m => m.Id == first))
            mention.File.Report(mention.Line, $"{mention.Owner} lists '{first}' in {mention.Key}, but the first part "
                + "is the spoiler-free premise and reveals nothing: name the part where it comes out, or "
                + "make it spoiler: none");
    }

    private static void Check(List<IdReference> mentions, IdRegistry declared, string notDeclared)
    {
        foreach (var mention in mentions)
        {
            if (declared.Contains(mention.Id)) continue;
            var closest = EditDistance.Closest(mention.Id, declared.Ids);
            var hint = closest is null ? "" : $": did you mean '{closest}'?";
            mention.File.Report(mention.Line, $"{mention.Owner} lists '{mention.Id}' in {mention.Key}, but "
                + $"{notDeclared}{hint} (known: {Known(declared)})");
        }
    }

    private static string Known(IdRegistry declared)
    {
        if (declared.IsEmpty) return "none";
        var shown = string.Join(", ", declared.Ids.Take(KnownIdsShown));
        return declared.Ids.Count > KnownIdsShown ? shown + ", ..." : shown;
    }
}
