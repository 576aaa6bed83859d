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
        var registry = new IdRegistry("recap part");
        var nodes = MappingReader.Open(file, root, FileName, "parts")!.List("parts", required: true);
        for (var i = 0; i < nodes.Count; i++)
        {
            if (MappingReader.Open(file, nodes[i], $"recap part {i + 1}", "id", "title", "aliases", "beats") is not { } part) continue;
            var id = part.Id(registry);
            if (id is not null)
            {
                part.NameOwner($"recap part '{id}'");
                if (id.Length > TextLimit.ChoiceName.Max)
                    part.Report("id", $"{part.Owner}: the id is {id.Length} characters long, but {TextLimit.ChoiceName.Place} allows at most {TextLimit.ChoiceName.Max}: shorten it");
            }
            var title = part.Localized("title", limit: TextLimit.ChoiceName);
            var aliases = part.StringList("aliases", required: false, TextLimit.ChoiceName);
            var beats = ReadBeats(part, isFirstPart: i == 0);
            var spoiler = beats.Count == 0 ? SpoilerLevel.None : beats.Max(b => b.Spoiler);
            parts.Add(new RecapPart(id ?? "", parts.Count + 1, title ?? Missing, aliases, spoiler, beats));
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
            var beat = SourcedTextReader.Read(file, nodes[i], owner, references, spoilerRequired: true, (beat, reader) =>
            {
                if (isFirstPart && beat.Spoiler != SpoilerLevel.None)
                    reader.Report("spoiler", $"{owner} is spoiler: {Word(beat.Spoiler)}, but the first part is shown to everyone: move the beat to a later part, or make it spoiler: none");
                if (!isFirstPart && beat.Spoiler == SpoilerLevel.None)
                    reader.Report("spoiler", $"{owner} is spoiler: none, but only the first part is spoiler-free: mark it mild or major, or move it into the first part");
            });
            if (beat is null) continue;
            beats.Add(beat);
        }
        return beats;
    }

    private static string Word(SpoilerLevel level) => level.ToString().ToLowerInvariant();
}
