using MiracleCell.Core.Films;

namespace MiracleCell.Core.Tests.Films.Loading;

/// <summary>Each test breaks the valid test pack in one way and pins the problem reported.</summary>
public sealed class ContentPackProblemTests : IDisposable
{
    private readonly TestPack _pack = new();

    public void Dispose() => _pack.Dispose();

    private void AssertOnlyProblem(string file, int line, string message)
    {
        var result = _pack.Load();
        Assert.Null(result.Pack);
        Assert.False(result.IsValid);
        Assert.Equal([new ContentProblem(file, line, message).ToString()], result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void A_missing_folder_is_reported_with_what_to_create()
    {
        var missing = Path.Combine(_pack.Folder, "no-such-film");

        var result = MiracleCell.Core.Films.Loading.ContentPackLoader.Load(missing);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(missing, problem.File);
        Assert.Equal($"the content pack folder '{missing}' does not exist: check the path, or create it with "
            + "film.yaml, characters.yaml, cast.yaml, recap.yaml, trivia.yaml", problem.Message);
    }

    [Fact]
    public void A_missing_file_is_reported_by_name()
    {
        _pack.Delete("cast.yaml");

        AssertOnlyProblem("cast.yaml", 0, $"the file is missing: create cast.yaml in {_pack.Folder} (see "
            + "docs/content-pack-format.md)");
    }

    [Fact]
    public void A_file_that_is_a_folder_is_reported_as_a_folder_not_as_missing()
    {
        _pack.Delete("cast.yaml");
        var folder = Directory.CreateDirectory(Path.Combine(_pack.Folder, "cast.yaml")).FullName;

        AssertOnlyProblem("cast.yaml", 0,
            $"{folder} is a folder, not a file: replace it with the file cast.yaml (see docs/content-pack-format.md)");
    }

    [Fact]
    public void A_yaml_syntax_error_is_reported_at_its_line()
    {
        _pack.Edit("trivia.yaml", "    answer: { en: Yellow, id: Kuning }", "    answer: { en: Yellow, id: Kuning");

        var problem = Assert.Single(_pack.Load().Problems);

        Assert.Equal("trivia.yaml", problem.File);
        Assert.InRange(problem.Line, _pack.LineOf("trivia.yaml", "answer:"), _pack.LineOf("trivia.yaml", "wrong:"));
        Assert.StartsWith("YAML syntax error: ", problem.Message);
        Assert.EndsWith("check the indentation, quotes and the ':' after each key on or just before this line",
            problem.Message);
    }

    [Fact]
    public void A_repeated_key_is_a_syntax_error_at_the_repeat()
    {
        _pack.Edit("trivia.yaml", "    difficulty: easy", "    difficulty: easy\n    difficulty: hard");

        var problem = Assert.Single(_pack.Load().Problems);

        Assert.Equal(("trivia.yaml", _pack.LineOf("trivia.yaml", "difficulty: hard")), (problem.File, problem.Line));
        Assert.Contains("Duplicate key", problem.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("(Line:", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_mapping_says_what_it_should_hold()
    {
        _pack.Write("cast.yaml", "- id: ryu-seung-ryong\n");

        AssertOnlyProblem("cast.yaml", 1,
            "the file should hold a mapping of keys (e.g. 'cast: ...'), but holds a list");
    }

    [Fact]
    public void An_empty_file_is_reported()
    {
        _pack.Write("recap.yaml", "# nothing yet\n");

        AssertOnlyProblem("recap.yaml", 0, "the file is empty: write its content as described in "
            + "docs/content-pack-format.md");
    }

    [Fact]
    public void A_missing_required_key_names_the_item_and_the_key()
    {
        _pack.Edit("trivia.yaml", "    explanation: { en: It is yellow., id: Warnanya kuning. }\n", "");

        AssertOnlyProblem("trivia.yaml", 2, "question 'backpack-colour' is missing the required key 'explanation': add "
            + "it (see docs/content-pack-format.md)");
    }

    [Fact]
    public void A_key_without_a_value_is_reported_at_its_line()
    {
        _pack.Edit("film.yaml", "director: Lee Hwan-kyung", "director:");

        AssertOnlyProblem("film.yaml", 12, "film 'test-film' has no value for 'director': add it (see "
            + "docs/content-pack-format.md)");
    }

    [Fact]
    public void An_unknown_key_suggests_the_closest_known_key()
    {
        _pack.Edit("trivia.yaml", "    sources: [film-site]", "    sorces: [film-site]");

        var line = _pack.LineOf("trivia.yaml", "sorces:");
        var result = _pack.Load();

        Assert.Equal(
            [
                "trivia.yaml:2: question 'backpack-colour' is missing the required key 'sources': add it (see "
                    + "docs/content-pack-format.md)",
                $"trivia.yaml:{line}: question 1 has an unknown key 'sorces': did you mean 'sources'? (allowed: id, "
                    + "category, difficulty, spoiler, question, answer, wrong, explanation, sources, reveals)",
            ],
            result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void An_unknown_key_unlike_any_known_key_is_to_be_removed()
    {
        _pack.Edit("cast.yaml", "    name: Jo Jae-yoon", "    name: Jo Jae-yoon\n    birthday: 1980-01-01");

        AssertOnlyProblem("cast.yaml", _pack.LineOf("cast.yaml", "birthday"), "cast member 2 has an unknown key "
            + "'birthday': remove it (allowed: id, name, sources, roles)");
    }

    [Fact]
    public void A_text_where_a_list_is_expected_is_a_wrong_type()
    {
        _pack.Edit("characters.yaml", "    aliases: [Yong-goo, Yong Goo]", "    aliases: Yong-goo");

        AssertOnlyProblem("characters.yaml", _pack.LineOf("characters.yaml", "aliases:"), "character 'the-father': "
            + "'aliases' should be a list (one '- ' item per line, or [a, b]), but is the text 'Yong-goo'");
    }

    [Fact]
    public void A_text_where_both_languages_are_expected_is_a_wrong_type()
    {
        _pack.Edit("characters.yaml", "    role: { en: the daughter, id: sang putri }", "    role: the daughter");

        AssertOnlyProblem("characters.yaml", _pack.LineOf("characters.yaml", "role: the daughter"),
            "character 'the-daughter': 'role' should be a mapping with both languages, e.g. { en: ..., id: ... }, but "
                + "is the text 'the daughter'");
    }

    [Fact]
    public void A_word_where_a_number_is_expected_is_reported()
    {
        _pack.Edit("film.yaml", "runtime_minutes: 127", "runtime_minutes: long");

        AssertOnlyProblem("film.yaml", _pack.LineOf("film.yaml", "runtime_minutes"), "film 'test-film': "
            + "'runtime_minutes' is 'long', which is not a whole number from 1 to 1000: write a number such as 500");
    }

    [Fact]
    public void Localised_text_missing_a_language_is_reported()
    {
        _pack.Edit("trivia.yaml", "{ en: Blue, id: Biru }", "{ en: Blue }");

        AssertOnlyProblem("trivia.yaml", _pack.LineOf("trivia.yaml", "{ en: Blue }"), "question 'backpack-colour': "
            + "wrong answer 2 has no 'id' text: write it in both en and id");
    }

    [Fact]
    public void Localised_text_with_an_empty_language_is_reported_at_that_text()
    {
        _pack.Edit("recap.yaml", "title: { en: The arrest, id: Penangkapan }", "title: { en: The arrest, id: \"\" }");

        AssertOnlyProblem("recap.yaml", _pack.LineOf("recap.yaml", "The arrest"), "recap part 'part-2': 'title' has no "
            + "'id' text: write it in both en and id");
    }

    [Theory]
    [InlineData("    spoiler: none\n    question:", "    spoiler: huge\n    question:", "spoiler",
        "'spoiler' is 'huge', which is not allowed: use one of none, mild, major")]
    [InlineData("difficulty: easy", "difficulty: tricky", "difficulty", "'difficulty' is 'tricky', which is not "
        + "allowed: use one of easy, medium, hard")]
    [InlineData("category: plot", "category: music", "category", "'category' is 'music', which is not allowed: use one "
        + "of plot, characters, cast, production")]
    public void A_bad_enum_value_lists_the_allowed_values(string find, string replace, string key, string message)
    {
        _pack.Edit("trivia.yaml", find, replace);

        AssertOnlyProblem("trivia.yaml", _pack.LineOf("trivia.yaml", key + ":"),
            "question 'backpack-colour': " + message);
    }

    [Fact]
    public void An_id_that_is_not_kebab_case_is_reported_with_a_suggestion()
    {
        _pack.Edit("trivia.yaml", "id: backpack-colour", "id: Backpack_Colour");

        AssertOnlyProblem("trivia.yaml", 2, "question 1: id 'Backpack_Colour' is not lowercase kebab-case: use only "
            + "a-z, 0-9 and single hyphens between words, e.g. 'backpack-colour'");
    }

    [Fact]
    public void A_duplicate_id_names_the_line_of_the_first()
    {
        _pack.Edit("cast.yaml", "id: jo-jae-yoon", "id: ryu-seung-ryong");

        AssertOnlyProblem("cast.yaml", 8, "duplicate cast member id 'ryu-seung-ryong': the first cast member with this "
            + "id is at line 2; give each cast member its own id");
    }

    [Fact]
    public void An_unknown_source_id_suggests_the_closest_declared_source()
    {
        _pack.Edit("trivia.yaml", "sources: [film-site]", "sources: [film-sight]");

        AssertOnlyProblem("trivia.yaml", _pack.LineOf("trivia.yaml", "film-sight"), "question 'backpack-colour' lists "
            + "'film-sight' in sources, but film.yaml declares no such source: did you mean 'film-site'? (known: "
            + "film-site, fan-review)");
    }

    [Fact]
    public void An_unknown_release_source_is_reported_under_its_key()
    {
        _pack.Edit("film.yaml", "release_sources: [film-site]", "release_sources: [imdb]");

        AssertOnlyProblem("film.yaml", _pack.LineOf("film.yaml", "release_sources"), "film 'test-film' lists 'imdb' in "
            + "release_sources, but film.yaml declares no such source (known: film-site, fan-review)");
    }

    [Fact]
    public void An_unknown_character_in_a_relationship_is_reported()
    {
        _pack.Edit("characters.yaml", "character: the-daughter", "character: the-daugther");

        AssertOnlyProblem("characters.yaml", _pack.LineOf("characters.yaml", "the-daugther"), "character 'the-father' "
            + "relationship 1 lists 'the-daugther' in character, but characters.yaml declares no such character: did "
            + "you mean 'the-daughter'? (known: the-father, the-daughter)");
    }

    [Fact]
    public void An_unknown_character_in_a_cast_role_is_reported()
    {
        _pack.Edit("cast.yaml", "character: the-father", "character: old-man-seo");

        AssertOnlyProblem("cast.yaml", _pack.LineOf("cast.yaml", "old-man-seo"), "cast member 'ryu-seung-ryong' role 1 "
            + "lists 'old-man-seo' in character, but characters.yaml declares no such character (known: "
            + "the-father, the-daughter)");
    }

    [Fact]
    public void A_film_id_that_differs_from_the_folder_name_is_reported()
    {
        _pack.Edit("film.yaml", "id: test-film", "id: other-film");

        AssertOnlyProblem("film.yaml", 1, "film id 'other-film' does not match the pack folder name 'test-film': "
            + "rename the folder or set id: test-film");
    }

    [Fact]
    public void A_bad_date_says_how_to_write_one()
    {
        _pack.Edit("film.yaml", "release_date: 2013-01-23", "release_date: 23/01/2013");

        AssertOnlyProblem("film.yaml", _pack.LineOf("film.yaml", "release_date"), "film 'test-film': 'release_date' is "
            + "'23/01/2013', which is not a valid date: write it as YYYY-MM-DD, e.g. 2013-01-23");
    }

    [Fact]
    public void An_impossible_date_is_a_bad_date()
    {
        _pack.Edit("film.yaml", "release_date: 2013-01-23", "release_date: 2013-02-30");

        Assert.Contains("'release_date' is '2013-02-30', which is not a valid date",
            Assert.Single(_pack.Load().Problems).Message);
    }

    [Fact]
    public void Text_over_its_discord_limit_says_the_limit_and_the_length_in_code_points()
    {
        var name = string.Concat(Enumerable.Repeat("🎒", 101));
        _pack.Edit("characters.yaml", "name: Ye-seung", $"name: {name}");

        AssertOnlyProblem("characters.yaml", _pack.LineOf("characters.yaml", "🎒"), "character 'the-daughter': 'name' "
            + "is 101 characters long, but an autocomplete choice name allows at most 100: shorten it");
    }

    [Fact]
    public void A_question_over_the_house_limit_is_reported_in_its_language()
    {
        var question = new string('x', 301);
        _pack.Edit("trivia.yaml", "id: Apa warna tasnya?", $"id: {question}");

        AssertOnlyProblem("trivia.yaml", _pack.LineOf("trivia.yaml", "question:"), "question 'backpack-colour': "
            + "'question' (id) is 301 characters long, but a trivia question (house style) allows at "
            + "most 300: shorten it");
    }

    [Fact]
    public void An_answer_over_the_button_label_limit_is_reported()
    {
        var answer = new string('y', 81);
        _pack.Edit("trivia.yaml", "{ en: Green, id: Hijau }", $"{{ en: {answer}, id: Hijau }}");

        AssertOnlyProblem("trivia.yaml", _pack.LineOf("trivia.yaml", answer), "question 'backpack-colour': wrong "
            + "answer 3 (en) is 81 characters long, but a button label allows at most 80: shorten it");
    }

    [Fact]
    public void A_question_needs_exactly_three_wrong_answers()
    {
        _pack.Edit("trivia.yaml", "      - { en: Green, id: Hijau }\n", "");

        AssertOnlyProblem("trivia.yaml", _pack.LineOf("trivia.yaml", "wrong:"), "question 'backpack-colour' has 2 "
            + "wrong answers, but a question needs exactly 3: add 1");
    }

    [Fact]
    public void A_wrong_answer_equal_to_the_answer_ignoring_case_and_spaces_is_reported()
    {
        _pack.Edit("trivia.yaml", "{ en: Blue, id: Biru }", "{ en: Blue, id: \" kun ing \" }");

        AssertOnlyProblem("trivia.yaml", _pack.LineOf("trivia.yaml", "kun ing"), "question 'backpack-colour': wrong "
            + "answer 2 ('kun ing') is the same as the answer (id): write a different wrong answer");
    }

    [Fact]
    public void A_wrong_answer_repeating_another_wrong_answer_is_reported()
    {
        _pack.Edit("trivia.yaml", "{ en: Green, id: Hijau }", "{ en: RED, id: Hijau }");

        AssertOnlyProblem("trivia.yaml", _pack.LineOf("trivia.yaml", "RED"), "question 'backpack-colour': wrong answer "
            + "3 ('RED') is the same as wrong answer 1 (en): make the wrong answers differ from each other");
    }

    [Fact]
    public void An_empty_sources_list_is_reported()
    {
        _pack.Edit("cast.yaml", "    sources: [fan-review]", "    sources: []");

        AssertOnlyProblem("cast.yaml", _pack.LineOf("cast.yaml", "sources: []"), "cast member 'ryu-seung-ryong' role "
            + "1: 'sources' is empty: list at least one source id declared in film.yaml");
    }

    [Fact]
    public void A_spoiler_in_the_first_recap_part_is_reported()
    {
        _pack.Edit("recap.yaml", "        spoiler: none", "        spoiler: mild");

        AssertOnlyProblem("recap.yaml", 7, "recap part 'part-1' beat 1 is spoiler: mild, but the first part is shown "
            + "to everyone: move the beat to a later part, or make it spoiler: none");
    }

    [Fact]
    public void A_spoiler_free_beat_after_the_first_part_is_reported()
    {
        _pack.Edit("recap.yaml", "        spoiler: mild", "        spoiler: none");

        AssertOnlyProblem("recap.yaml", _pack.LineOf("recap.yaml", "The father is arrested") + 1, "recap part 'part-2' "
            + "beat 1 is spoiler: none, but only the first part is spoiler-free: mark it mild or major, or move it "
            + "into the first part");
    }

    [Fact]
    public void A_recap_part_without_beats_is_reported()
    {
        _pack.Write("recap.yaml", TestPack.ValidFiles["recap.yaml"] + "\n  - id: epilogue\n    title: { en: Epilogue, "
            + "id: Epilog }\n    beats: []\n");

        AssertOnlyProblem("recap.yaml", _pack.LineOf("recap.yaml", "beats: []"), "recap part 'epilogue' has no beats: "
            + "add at least one, or remove the part");
    }

    [Fact]
    public void A_disputed_fact_must_cite_each_source_that_disagrees()
    {
        _pack.Edit("recap.yaml", "    sources: [film-site, fan-review]", "    sources: [film-site]");

        AssertOnlyProblem("recap.yaml", _pack.LineOf("recap.yaml", "disputed: true") + 1, "recap part 'part-2' beat 2 "
            + "is marked disputed but lists 1 source(s): list each source that disagrees");
    }

    [Fact]
    public void A_seed_source_needs_a_file_and_an_extra_a_url()
    {
        _pack.Edit("film.yaml", "    file: 001_film_site.txt\n", "");
        _pack.Edit("film.yaml", "\n    url: https://example.org/review", "");

        var result = _pack.Load();

        Assert.Equal(
            [
                $"film.yaml:{_pack.LineOf("film.yaml", "id: film-site")}: source 'film-site' is missing the required "
                    + "key 'file': add it (see docs/content-pack-format.md)",
                $"film.yaml:{_pack.LineOf("film.yaml", "id: fan-review")}: source 'fan-review' is missing the required "
                    + "key 'url': add it (see docs/content-pack-format.md)",
            ],
            result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Every_problem_is_collected_not_just_the_first()
    {
        _pack.Delete("cast.yaml");
        _pack.Edit("film.yaml", "year: 2013", "year: soon");
        _pack.Edit("trivia.yaml", "difficulty: easy", "difficulty: tricky");
        _pack.Edit("characters.yaml", "character: the-daughter", "character: nobody");

        var files = _pack.Load().Problems.Select(p => p.File);

        Assert.Equal(["film.yaml", "characters.yaml", "cast.yaml", "trivia.yaml"], files);
    }
}
