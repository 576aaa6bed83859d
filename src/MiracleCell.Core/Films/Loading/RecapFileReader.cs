using MiracleCell.Core.Text;
using YamlDotNet.RepresentationModel;

namespace MiracleCell.Core.Films.Loading;

/// <summary>
/// Reads recap.yaml. Parts keep their file order (<see cref="RecapPart.Order"/> is the 1-based position); the first
/// part is the spoiler-free premise and every later beat is at least mild, so that anything past the
/// premise is shown behind a spoiler tag.
/// </summary>
internal sealed class RecapFileReader(PackFile file, PackReferences references)
{
    public const string FileName = "recap.yaml";
    private static readonly LocalizedText Missing = new("", "");

    public List<RecapPart> Read(YamlMappingNode root)
    {
        var parts = new List<RecapPart>();
        var registry = references.DeclaredParts;
        var nodes = MappingReader.Open(file, root, FileName, "parts")!.List("parts", required: true);
        for (var i = 0; i < nodes.Count; i++)
        {
            if (MappingReader.Open(file, nodes[i], $"recap part {i + 1}", "id", "title", "aliases", "give_away",
                "beats") is not { } part)
                continue;
            var id = part.Id(registry);
            if (id is not null)
            {
                part.NameOwner($"recap part '{id}'");
                if (id.Length > TextLimit.ChoiceName.Max)
                    part.Report("id", $"{part.Owner}: the id is {id.Length} characters long, but "
                        + $"{TextLimit.ChoiceName.Place} allows at most {TextLimit.ChoiceName.Max}: shorten it");
            }
            var title = part.Localized("title", limit: TextLimit.ChoiceName);
            var aliases = part.StringList("aliases", required: false, TextLimit.ChoiceName);
            if (id is not null) part.SpoilerFreeName(references, part.LineOf("id"), "the id", id);
            foreach (var alias in aliases)
                part.SpoilerFreeName(references, part.LineOf("aliases"), $"the alias '{alias}'", alias);
            var giveAways = ReadGiveAways(part, id);
            var beats = ReadBeats(part, isFirstPart: i == 0);
            var spoiler = beats.Count == 0 ? SpoilerLevel.None : beats.Max(b => b.Spoiler);
            parts.Add(new RecapPart(id ?? "", parts.Count + 1, title ?? Missing, aliases, spoiler, beats)
            {
                GiveAwayWords = giveAways,
            });
        }
        return parts;
    }

    private List<SourcedText> ReadBeats(MappingReader part, bool isFirstPart)
    {
        var beats = new List<SourcedText>();
        var nodes = part.List("beats", required: true);
        if (nodes.Count == 0 && part.Has("beats"))
            part.Report("beats", $"{part.Owner} has no beats: add at least one, or remove the part");
        for (var i = 0; i < nodes.Count; i++)
        {
            var owner = $"{part.Owner} beat {i + 1}";
            var beat = SourcedTextReader.Read(file, nodes[i], owner, references, spoilerRequired: true, isBeat: true,
                (beat, reader) =>
            {
                if (isFirstPart && beat.Spoiler != SpoilerLevel.None)
                    reader.Report("spoiler", $"{owner} is spoiler: {Word(beat.Spoiler)}, but the first part is shown "
                        + "to everyone: move the beat to a later part, or make it spoiler: none");
                if (!isFirstPart && beat.Spoiler == SpoilerLevel.None)
                    reader.Report("spoiler", $"{owner} is spoiler: none, but only the first part is spoiler-free: mark "
                        + "it mild or major, or move it into the first part");
            });
            if (beat is null) continue;
            beats.Add(beat);
        }
        return beats;
    }

    /// <summary>The words that give the part away, in each language: <c>give_away: { en: [...], id: [...]
    /// }</c>.</summary>
    private List<string> ReadGiveAways(MappingReader part, string? id)
    {
        var words = new List<string>();
        if (part.Mapping("give_away", required: false, $"{part.Owner}: 'give_away'", "en", "id") is not { } languages)
            return words;
        foreach (var locale in Locales.All)
        {
            var code = locale.Code();
            var list = languages.StringList(code, required: true, TextLimit.ChoiceName);
            if (list.Count == 0 && languages.Has(code))
                languages.Report(code, $"{part.Owner}: 'give_away' lists no '{code}' words: list the words that would "
                    + "give the part away, or remove 'give_away'");
            words.AddRange(list);
        }
        if (id is not null)
        {
            foreach (var word in words.Distinct(StringComparer.OrdinalIgnoreCase))
                references.GiveAways.Add(new DeclaredGiveAway(id, word));
        }
        return words;
    }

    private static string Word(SpoilerLevel level) => level.ToString().ToLowerInvariant();
}
