using MiracleCell.Core.Films;
using MiracleCell.Core.Films.Loading;

namespace MiracleCell.Core.Tests.Films.Loading;

/// <summary>A small valid content pack written to a temporary folder, which a test then breaks on purpose.</summary>
internal sealed class TestPack : IDisposable
{
    public const string FilmId = "test-film";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "miraclecell-tests", Guid.NewGuid().ToString("N"));

    public TestPack()
    {
        Folder = Path.Combine(_root, FilmId);
        Directory.CreateDirectory(Folder);
        foreach (var (file, text) in ValidFiles) Write(file, text);
    }

    public string Folder { get; }

    public ContentLoadResult Load() => ContentPackLoader.Load(Folder);

    /// <summary>Replaces the one occurrence of <paramref name="find"/> in a file.</summary>
    public TestPack Edit(string file, string find, string replace)
    {
        var text = Read(file);
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' is not in {file}");
        Assert.True(text.IndexOf(find, at + 1, StringComparison.Ordinal) < 0, $"'{find}' occurs more "
            + $"than once in {file}");
        Write(file, text[..at] + replace + text[(at + find.Length)..]);
        return this;
    }

    public void Write(string file, string text) =>
        File.WriteAllText(Path.Combine(Folder, file), text.ReplaceLineEndings("\n"));

    public void Delete(string file) => File.Delete(Path.Combine(Folder, file));

    /// <summary>The 1-based line of the one line of a file that contains <paramref name="text"/>.</summary>
    public int LineOf(string file, string text)
    {
        var lines = Read(file).Split('\n');
        var matches = Enumerable.Range(0, lines.Length).Where(i => lines[i].Contains(text, StringComparison.Ordinal))
            .ToList();
        Assert.True(matches.Count == 1, $"'{text}' is on {matches.Count} lines of {file}");
        return matches[0] + 1;
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private string Read(string file) => File.ReadAllText(Path.Combine(Folder, file));

    public static readonly IReadOnlyDictionary<string, string> ValidFiles = new Dictionary<string, string>
    {
        ["film.yaml"] = """
            id: test-film
            titles:
              display: { en: Test Film, id: Film Uji }
              original: 시험 영화
              original_romanized: siheom yeonghwa
              original_meaning: { en: The Test Film, id: Film Ujian }
            year: 2013
            release_date: 2013-01-23
            release_sources: [film-site]
            runtime_minutes: 127
            country: { en: South Korea, id: Korea Selatan }
            director: Lee Hwan-kyung
            genres:
              - { en: drama, id: drama }
            premise:
              text: { en: A father and his daughter., id: Seorang ayah dan putrinya. }
              sources: [film-site, fan-review]
            facts:
              - text: { en: It sold many tickets., id: Film ini laris. }
                sources: [fan-review]
                spoiler: none
            remakes:
              - country: { en: Turkey, id: Turki }
                year: 2019
                title: Remake Title
                director: Someone Else
                sources: [fan-review]
            sources:
              - id: film-site
                kind: seed
                language: en
                title: Film site synopsis
                file: 001_film_site.txt
              - id: fan-review
                kind: extra
                language: en
                title: A fan review
                url: https://example.org/review
            """,
        ["characters.yaml"] = """
            characters:
              - id: the-father
                name: Lee Yong-gu
                aliases: [Yong-goo, Yong Goo]
                role: { en: the father, id: sang ayah }
                summary: { en: A loving father., id: Ayah yang penyayang. }
                sources: [film-site]
                facts:
                  - text: { en: He loves a yellow backpack., id: Ia menyukai tas kuning. }
                    spoiler: mild
                    reveals: part-2
                    sources: [film-site]
                relationships:
                  - character: the-daughter
                    relation: { en: daughter, id: putri }
                    sources: [film-site]
              - id: the-daughter
                name: Ye-seung
                role: { en: the daughter, id: sang putri }
                summary: { en: A clever girl., id: Gadis yang cerdas. }
                sources: [film-site]
            """,
        ["cast.yaml"] = """
            cast:
              - id: ryu-seung-ryong
                name: Ryu Seung-ryong
                sources: [film-site]
                roles:
                  - character: the-father
                    sources: [fan-review]
              - id: jo-jae-yoon
                name: Jo Jae-yoon
                sources: [film-site]
                roles: []
            """,
        ["recap.yaml"] = """
            parts:
              - id: part-1
                title: { en: The premise, id: Premis }
                aliases: [start, awal]
                beats:
                  - text: { en: A father and daughter live happily., id: Ayah dan putri hidup bahagia. }
                    spoiler: none
                    sources: [film-site]
              - id: part-2
                title: { en: The arrest, id: Penangkapan }
                give_away: { en: [handcuffed], id: [diborgol] }
                beats:
                  - text: { en: The father is arrested., id: Sang ayah ditangkap. }
                    spoiler: mild
                    sources: [film-site]
                  - text: { en: "The sources disagree on the year (film-site, fan-review).",
                      id: "Sumber berbeda soal tahun (film-site, fan-review)." }
                    spoiler: major
                    disputed: true
                    sources: [film-site, fan-review]
            """,
        ["trivia.yaml"] = """
            questions:
              - id: backpack-colour
                category: plot
                difficulty: easy
                spoiler: none
                question: { en: What colour is the backpack?, id: Apa warna tasnya? }
                answer: { en: Yellow, id: Kuning }
                wrong:
                  - { en: Red, id: Merah }
                  - { en: Blue, id: Biru }
                  - { en: Green, id: Hijau }
                explanation: { en: It is yellow., id: Warnanya kuning. }
                sources: [film-site]
            """,
    };
}
