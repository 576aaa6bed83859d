using MiracleCell.Core.Text;
using YamlDotNet.RepresentationModel;

namespace MiracleCell.Core.Films.Loading;

/// <summary>Reads film.yaml: the film record and the sources every other file cites.</summary>
internal sealed class FilmFileReader(PackFile file, PackReferences references, string folderName)
{
    public const string FileName = "film.yaml";
    private static readonly LocalizedText Missing = new("", "");

    public Film? Read(YamlMappingNode root)
    {
        var film = MappingReader.Open(file, root, "film.yaml", "id", "titles", "year", "release_date",
            "release_sources", "runtime_minutes", "country", "director", "genres", "premise", "facts", "remakes",
            "sources")!;

        var id = film.Id(null);
        if (id is not null && id != folderName)
            film.Report("id", $"film id '{id}' does not match the pack folder name '{folderName}': rename the folder "
                + $"or set id: {folderName}");
        film.NameOwner($"film '{id ?? folderName}'");

        var sources = ReadSources(film);
        var titles = ReadTitles(film);
        var year = film.Int("year", 1880, 2100);
        var releaseDate = film.Date("release_date");
        var releaseSources = film.Sources(references, "release_sources");
        var runtime = film.Int("runtime_minutes", 1, 1000);
        var country = film.Localized("country");
        var director = film.String("director", limit: TextLimit.EmbedTitle);
        var genres = ReadGenres(film);
        var premise = ReadPremise(film);
        var facts = SourcedTextReader.ReadList(film, "facts", "fact", references, spoilerRequired: false);
        var remakes = ReadRemakes(film);

        return new Film(id ?? "", titles ?? new FilmTitles(Missing, "", "", Missing), year ?? 0, releaseDate ?? default,
            runtime ?? 0, country ?? Missing, director ?? "", genres,
            premise ?? new SourcedText(Missing, [], SpoilerLevel.None), facts, remakes,
            sources, releaseSources);
    }

    private List<SourceDocument> ReadSources(MappingReader film)
    {
        var sources = new List<SourceDocument>();
        var nodes = film.List("sources", required: true);
        if (nodes.Count == 0 && film.Has("sources"))
            film.Report("sources", "film.yaml 'sources' is empty: declare every document the pack cites (id, kind, "
                + "language, title, file or url)");
        for (var i = 0; i < nodes.Count; i++)
        {
            if (MappingReader.Open(file, nodes[i], $"source {i + 1}", "id", "kind", "language", "title", "file",
                "url") is not { } source)
                continue;
            var id = source.Id(references.DeclaredSources);
            if (id is not null) source.NameOwner($"source '{id}'");
            var kind = source.Enum<SourceKind>("kind", PackVocabulary.SourceKinds);
            var language = source.String("language");
            var title = source.String("title", limit: TextLimit.EmbedTitle);
            var fileName = source.String("file", required: kind == SourceKind.Seed);
            var url = source.String("url", required: kind == SourceKind.Extra);
            if (kind == SourceKind.Seed && url is not null)
                source.Report("url", $"{source.Owner} is a seed, which names its document with 'file': remove 'url' or "
                    + "make it kind: extra");
            if (kind == SourceKind.Extra && fileName is not null)
                source.Report("file", $"{source.Owner} is an extra, which names its page with 'url': remove 'file' "
                    + "or make it kind: seed");
            if (url is not null && !Uri.TryCreate(url, UriKind.Absolute, out _))
                source.Report("url", $"{source.Owner}: 'url' is '{url}', which is not an absolute address: "
                    + "write it as https://...");
            sources.Add(
                new SourceDocument(id ?? "", kind?.ToString().ToLowerInvariant() ?? "", language ?? "", title ?? "",
                    fileName, url));
        }
        return sources;
    }

    private static FilmTitles? ReadTitles(MappingReader film)
    {
        if (film.Mapping("titles", true, "film 'titles'", "display", "original", "original_romanized",
            "original_meaning") is not { } titles)
            return null;
        var display = titles.Localized("display", limit: TextLimit.EmbedTitle);
        var original = titles.String("original", limit: TextLimit.EmbedTitle);
        var romanized = titles.String("original_romanized", limit: TextLimit.EmbedTitle);
        var meaning = titles.Localized("original_meaning", limit: TextLimit.EmbedTitle);
        return new FilmTitles(display ?? Missing, original ?? "", romanized ?? "", meaning ?? Missing);
    }

    private static List<LocalizedText> ReadGenres(MappingReader film)
    {
        var genres = new List<LocalizedText>();
        var nodes = film.List("genres", required: false);
        for (var i = 0; i < nodes.Count; i++)
        {
            var genre = film.Localized(nodes[i], $"genre {i + 1}", TextLimit.FieldValue);
            if (genre is not null) genres.Add(genre);
        }
        return genres;
    }

    private SourcedText? ReadPremise(MappingReader film)
    {
        if (film.Mapping("premise", true, "film 'premise'", "text", "sources") is not { } premise) return null;
        var text = premise.Localized("text", limit: TextLimit.EmbedDescription);
        premise.SpoilerFree(references, "text", text);
        var sources = premise.Sources(references);
        return new SourcedText(text ?? Missing, sources, SpoilerLevel.None);
    }

    private List<Remake> ReadRemakes(MappingReader film)
    {
        var remakes = new List<Remake>();
        var nodes = film.List("remakes", required: false);
        for (var i = 0; i < nodes.Count; i++)
        {
            if (MappingReader.Open(file, nodes[i], $"remake {i + 1}", "country", "year", "title", "director", "note",
                "sources") is not { } remake)
                continue;
            var country = remake.Localized("country");
            var year = remake.Int("year", 1880, 2100);
            var title = remake.String("title", limit: TextLimit.EmbedTitle);
            if (title is not null) remake.NameOwner($"remake '{title}'");
            var director = remake.String("director", required: false, limit: TextLimit.EmbedTitle);
            var note = remake.Localized("note", required: false, limit: TextLimit.FieldValue);
            remake.SpoilerFree(references, "note", note);
            var sources = remake.Sources(references);
            remakes.Add(new Remake(country ?? Missing, year ?? 0, title ?? "", director, note, sources));
        }
        return remakes;
    }
}
