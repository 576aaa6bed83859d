namespace MiracleCell.Core.Tests.Films.Loading;

/// <summary>
/// The rules that keep a pack from leaking before a click: give-away words stay out of what is shown plainly, and
/// every spoiler names the part that reveals it.
/// </summary>
public sealed class GiveAwayProblemTests : IDisposable
{
    private readonly TestPack _pack = new();

    public void Dispose() => _pack.Dispose();

    private void AssertOnlyProblem(string file, int line, string message)
    {
        var result = _pack.Load();
        Assert.Null(result.Pack);
        Assert.Equal([$"{file}:{line}: {message}"], result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void A_part_alias_that_uses_a_give_away_word_is_reported_at_the_aliases()
    {
        _pack.Edit("recap.yaml", "aliases: [start, awal]", "aliases: [start, handcuffed]");

        AssertOnlyProblem("recap.yaml", _pack.LineOf("recap.yaml", "aliases: [start"),
            "recap part 'part-1': the alias 'handcuffed' uses 'handcuffed', which gives away recap part 'part-2' and "
                + "is shown before anyone clicks: rename it");
    }

    [Fact]
    public void A_part_id_that_uses_a_give_away_word_is_reported()
    {
        _pack.Edit("recap.yaml", "- id: part-1", "- id: diborgol");

        AssertOnlyProblem("recap.yaml", _pack.LineOf("recap.yaml", "id: diborgol"),
            "recap part 'diborgol': the id uses 'diborgol', which gives away recap part 'part-2' and is shown before "
                + "anyone clicks: rename it");
    }

    [Fact]
    public void A_spoiler_free_summary_that_uses_a_give_away_word_is_reported_in_its_language()
    {
        _pack.Edit("characters.yaml", "summary: { en: A clever girl., id: Gadis yang cerdas. }",
            "summary:\n      en: A clever girl.\n      id: Gadis yang ayahnya DIBORGOL.");

        AssertOnlyProblem("characters.yaml", _pack.LineOf("characters.yaml", "DIBORGOL"),
            "character 'the-daughter': 'summary' (id) uses 'diborgol', which gives away recap part 'part-2' and is "
                + "shown before anyone clicks: reword it, or mark it as a spoiler with the part that reveals it");
    }

    [Fact]
    public void A_spoiler_free_trivia_choice_that_uses_a_give_away_word_is_reported()
    {
        _pack.Edit("trivia.yaml", "- { en: Blue, id: Biru }", "- { en: Handcuffed blue, id: Biru }");

        AssertOnlyProblem("trivia.yaml", _pack.LineOf("trivia.yaml", "Handcuffed blue"),
            "question 'backpack-colour': wrong answer 2 (en) uses 'handcuffed', which gives away recap part 'part-2' "
                + "and is shown before anyone clicks: reword it, or mark it as a spoiler with the part that "
                + "reveals it");
    }

    [Fact]
    public void A_give_away_word_inside_a_longer_word_is_not_reported()
    {
        _pack.Edit("film.yaml", "text: { en: A father and his daughter., id: Seorang ayah dan putrinya. }",
            "text: { en: A father and his unhandcuffedness., id: Seorang ayah dan putrinya. }");

        Assert.True(_pack.Load().IsValid);
    }

    [Fact]
    public void A_spoiler_fact_without_the_part_that_reveals_it_is_reported()
    {
        _pack.Edit("characters.yaml", "\n        reveals: part-2", "");

        AssertOnlyProblem("characters.yaml", _pack.LineOf("characters.yaml", "spoiler: mild"),
            "character 'the-father' fact 1 is a spoiler but does not say which recap part reveals it: add 'reveals: "
                + "<part id>' (e.g. 'reveals: part-3')");
    }

    [Fact]
    public void A_spoiler_question_without_the_part_that_reveals_it_is_reported()
    {
        _pack.Edit("trivia.yaml", "    spoiler: none", "    spoiler: major");

        AssertOnlyProblem("trivia.yaml", _pack.LineOf("trivia.yaml", "spoiler: major"),
            "question 'backpack-colour' is a spoiler but does not say which recap part reveals it: add 'reveals: <part "
                + "id>' (e.g. 'reveals: part-3')");
    }

    [Fact]
    public void A_reveals_naming_no_part_is_reported_with_the_closest_part()
    {
        _pack.Edit("characters.yaml", "reveals: part-2", "reveals: part-3");

        AssertOnlyProblem("characters.yaml", _pack.LineOf("characters.yaml", "reveals: part-3"),
            "character 'the-father' fact 1 lists 'part-3' in reveals, but recap.yaml declares no such part: did you "
                + "mean 'part-1'? (known: part-1, part-2)");
    }

    [Fact]
    public void A_spoiler_revealed_by_the_spoiler_free_first_part_is_reported()
    {
        _pack.Edit("characters.yaml", "reveals: part-2", "reveals: part-1");

        AssertOnlyProblem("characters.yaml", _pack.LineOf("characters.yaml", "reveals: part-1"),
            "character 'the-father' fact 1 lists 'part-1' in reveals, but the first part is the spoiler-free premise "
                + "and reveals nothing: name the part where it comes out, or make it spoiler: none");
    }

    [Fact]
    public void A_spoiler_free_fact_that_names_a_revealing_part_is_reported()
    {
        _pack.Edit("characters.yaml", "spoiler: mild", "spoiler: none");

        AssertOnlyProblem("characters.yaml", _pack.LineOf("characters.yaml", "reveals: part-2"),
            "character 'the-father' fact 1 is spoiler-free, so no part reveals it: remove 'reveals', or "
                + "mark it mild or major");
    }

    [Fact]
    public void A_spoiler_alias_is_searchable_but_kept_apart_from_the_plain_aliases()
    {
        _pack.Edit("characters.yaml", "aliases: [Yong-goo, Yong Goo]",
            "aliases: [Yong-goo, { name: prisoner, spoiler: mild, reveals: part-2 }]");

        var character = _pack.Load().Pack!.Characters[0];

        Assert.Equal(["Yong-goo"], character.Aliases);
        Assert.Equal(
            [new MiracleCell.Core.Films.SpoilerAlias("prisoner", MiracleCell.Core.Films.SpoilerLevel.Mild, "part-2")],
            character.SpoilerAliases);
    }

    [Fact]
    public void A_spoiler_alias_marked_spoiler_free_is_reported()
    {
        _pack.Edit("characters.yaml", "aliases: [Yong-goo, Yong Goo]", "aliases: [Yong-goo, { name: "
            + "dad, spoiler: none }]");

        AssertOnlyProblem("characters.yaml", _pack.LineOf("characters.yaml", "name: dad"),
            "character 'the-father' alias 2 is spoiler: none: write it as a plain name in the list instead");
    }

    [Fact]
    public void Give_away_words_without_one_language_are_reported()
    {
        _pack.Edit("recap.yaml", "give_away: { en: [handcuffed], id: [diborgol] }", "give_away: { en: "
            + "[handcuffed], id: [] }");

        AssertOnlyProblem("recap.yaml", _pack.LineOf("recap.yaml", "give_away"),
            "recap part 'part-2': 'give_away' lists no 'id' words: list the words that would give the part away, "
                + "or remove 'give_away'");
    }

    [Fact]
    public void A_part_keeps_its_give_away_words_in_both_languages()
    {
        var part = _pack.Load().Pack!.Recap[1];

        Assert.Equal(["handcuffed", "diborgol"], part.GiveAwayWords);
    }
}
