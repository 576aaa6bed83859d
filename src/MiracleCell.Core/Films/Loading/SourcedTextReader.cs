using MiracleCell.Core.Text;
using YamlDotNet.RepresentationModel;

namespace MiracleCell.Core.Films.Loading;

/// <summary>
/// Reads the <c>text / sources / spoiler / disputed / reveals</c> items shared by facts and recap beats. A fact that
/// is a spoiler names the part that reveals it; a beat is revealed by its own part and has no <c>reveals</c>.
/// </summary>
internal static class SourcedTextReader
{
    private static readonly LocalizedText Missing = new("", "");

    public static List<SourcedText> ReadList(MappingReader parent, string key, string itemName,
        PackReferences references, bool spoilerRequired)
    {
        var items = new List<SourcedText>();
        var nodes = parent.List(key, required: false);
        for (var i = 0; i < nodes.Count; i++)
        {
            var item = Read(parent.File, nodes[i], $"{parent.Owner} {itemName} {i + 1}", references, spoilerRequired,
                isBeat: false);
            if (item is not null) items.Add(item);
        }
        return items;
    }

    /// <param name="check">Further rules for this kind of item, given the item and its reader to report
    /// against.</param>
    public static SourcedText? Read(PackFile file, YamlNode node, string owner, PackReferences references,
        bool spoilerRequired, bool isBeat, Action<SourcedText, MappingReader>? check = null)
    {
        string[] keys = isBeat
            ? ["text", "sources", "spoiler", "disputed"]
            : ["text", "sources", "spoiler", "disputed", "reveals"];
        if (MappingReader.Open(file, node, owner, keys) is not { } reader) return null;
        var text = reader.Localized("text", limit: TextLimit.FieldValue);
        var sources = reader.Sources(references);
        var spoiler = reader.Enum("spoiler", PackVocabulary.Spoilers, spoilerRequired ? null : SpoilerLevel.None)
            ?? SpoilerLevel.None;
        var disputed = reader.Bool("disputed", false);
        if (disputed && sources.Count < 2)
            reader.Report("sources", $"{owner} is marked disputed but lists {sources.Count} source(s): list each "
                + "source that disagrees");
        var reveals = isBeat ? null : reader.Reveals(references, spoiler);
        if (spoiler == SpoilerLevel.None) reader.SpoilerFree(references, "text", text);
        var item = new SourcedText(text ?? Missing, sources, spoiler, disputed, reveals);
        check?.Invoke(item, reader);
        return item;
    }
}
